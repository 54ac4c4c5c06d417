"""The GitHub Actions workflows, checked offline: the published GitHub workflow schema (which
check-jsonschema ships: `--builtin-schema vendor.github-workflows`, pinned in requirements.txt),
plus what matters to this project: least-privilege permissions, CI runs the test suite, the
deploy job publishes the built site/ at the Pages URL."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".github/workflows/ci.yml"
DEPLOY = ROOT / ".github/workflows/deploy.yml"
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def schema_check(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def all_steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_both_workflows_match_the_github_workflow_schema():
    result = schema_check(CI, DEPLOY)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "old,new",
    [
        ("    runs-on: ubuntu-latest\n", ""),  # a job without a runner
        ("  contents: read\n", "  contents: writ\n"),  # not a permission level
        (
            "      - name: Test\n        run: make test\n",
            "      - name: Test\n        runs: make test\n",
        ),  # a misspelt step key
    ],
)
def test_a_broken_workflow_fails_the_schema(tmp_path, old, new):
    text = CI.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = schema_check(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Schema validation errors were encountered" in result.stdout + result.stderr


def test_permissions_are_least_privilege():
    ci, deploy = load(CI), load(DEPLOY)
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    assert deploy["permissions"] == {}  # nothing unless a job asks
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_runs_the_test_suite():
    runs = [s.get("run", "").strip() for s in all_steps(load(CI))]
    assert "make test" in runs or ".ci/run" in runs
    assert runs.index("make validate") < runs.index("make test") < runs.index("make site")
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("make test")


def test_ci_lints_and_compares_a_properdocs_build_without_blocking():
    """`make lint` (ruff) before the tests; a second job builds with ProperDocs, pinned with a
    hash, compares every file with MkDocs' but the generator tag, and may fail alone."""
    ci = load(CI)
    runs = [s.get("run", "").strip() for s in ci["jobs"]["check"]["steps"]]
    assert runs.index("make lint") < runs.index("make test")
    job = ci["jobs"]["properdocs"]
    assert job["continue-on-error"] is True
    script = "\n".join(s.get("run", "") for s in job["steps"])
    assert "--require-hashes -r requirements-properdocs.txt" in script
    assert "diff -r -I 'name=\"generator\"' site-mkdocs site-properdocs" in script
    pins = (ROOT / "requirements-properdocs.txt").read_text(encoding="utf-8")
    assert re.search(r"^properdocs==[\d.]+ \\$", pins, re.M) and "--hash=sha256:" in pins


def test_deploy_publishes_the_built_site_at_the_pages_url():
    deploy = load(DEPLOY)
    assert deploy["on"]["push"]["branches"] == ["main"]
    build, publish = deploy["jobs"]["build"]["steps"], deploy["jobs"]["deploy"]
    # make publish refuses to build without a real site URL (tests/site/test_citable.py)
    site = next(s for s in build if s.get("run") == "make publish")
    assert site["env"]["PORTAL_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert site["env"]["PORTAL_REPORT_ISSUES"].endswith("/issues/new")
    assert site["env"]["PORTAL_PUBLISHER"] == "${{ vars.PORTAL_PUBLISHER }}"
    assert site["env"]["PORTAL_CONTACT"] == "${{ vars.PORTAL_CONTACT }}"
    assert any(s.get("id") == "pages" and s["uses"].startswith("actions/configure-pages@") for s in build)
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    site_dir = yaml.safe_load(re.search(r"^site_dir: .*$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)[0])
    assert upload["with"]["path"] == site_dir["site_dir"] == "site"
    assert publish["needs"] == "build"
    assert publish["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    (step,) = publish["steps"]
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")


# `uses: owner/action@<40 hex> # vX.Y.Z`: a tag can be moved to other code, a commit cannot
# (GitHub's security hardening guide); the comment says which release the commit is.
PINNED = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")


def unpinned(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip().startswith(("uses:", "- uses:")) and not PINNED.search(line)
    ]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_and_no_untrusted_text_reaches_a_shell(path):
    text = path.read_text(encoding="utf-8")
    assert unpinned(text) == []
    assert unpinned(text.replace("@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "@v7")) != []
    steps = all_steps(load(path))
    assert all("@" in s["uses"] for s in steps if "uses" in s)
    untrusted = re.compile(r"\$\{\{[^}]*(github\.event\.|github\.head_ref|inputs\.)")
    assert [s["run"] for s in steps if untrusted.search(s.get("run", ""))] == []


def _untrusted_in_scripts(workflow: dict) -> list[str]:
    return [s["run"] for s in all_steps(workflow) if "${{" in s.get("run", "")]


@pytest.mark.parametrize("path", [CI, DEPLOY])
def test_no_expression_is_pasted_into_a_script(path):
    """A `${{ … }}` inside `run:` is pasted into the shell script before it runs: a branch
    name or a title chosen in a pull request would be code. Values reach scripts as `env:`."""
    assert _untrusted_in_scripts(load(path)) == []
    broken = load(path)
    next(iter(broken["jobs"].values()))["steps"].append({"run": "echo ${{ github.head_ref }}"})
    assert _untrusted_in_scripts(broken) != []


def test_each_action_is_pinned_to_one_commit_in_every_workflow():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for m in re.finditer(r"uses: ([\w.-]+/[\w./-]+)@(\S+) # (v\S+)", path.read_text(encoding="utf-8")):
            pins.setdefault(m[1], set()).add(f"{m[2]} {m[3]}")
    assert len(pins) == 7 and all(len(v) == 1 for v in pins.values()), pins


def test_dependabot_proposes_action_and_package_updates():
    path = ROOT / ".github/dependabot.yml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert [u["package-ecosystem"] for u in yaml.safe_load(path.read_text("utf-8"))["updates"]] == [
        "github-actions",
        "pip",
    ]
