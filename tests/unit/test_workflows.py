"""The GitHub Actions workflows in .github/workflows/, checked offline (no network, no runner).

- every file validates against the GitHub workflow JSON schema that check-jsonschema ships
  (`--builtin-schema vendor.github-workflows`), and a broken copy does not;
- every `uses:` is pinned to a released version tag (`owner/repo@vN…`), never a branch;
- every `with:` key is an input the action declares in its action.yml (ACTION_INPUTS below);
- deploy.yml asks for exactly the permissions a Pages deployment needs.

Each checker is a plain function returning a list of problems, and is itself tested on a
deliberately broken workflow, so a passing run means the check works, not that it was skipped.
"""
from __future__ import annotations

import copy
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
CI = WORKFLOW_DIR / "ci.yml"
DEPLOY = WORKFLOW_DIR / "deploy.yml"

# Inputs each action accepts, copied from the `inputs:` of its action.yml at the major version
# the workflows pin. When a workflow starts using another action, or moves to another major,
# copy the input names from that version's action.yml into this table.
ACTION_INPUTS: dict[str, dict] = {
    "actions/checkout": {
        "major": "v7",
        # v4.2 action.yml inputs (as rendered in the README "Usage" block that is generated from
        # action.yml, actions/checkout@007a9d3) + `allow-unsafe-pr-checkout`, the one input v7.0.0
        # added (actions/checkout#2454); v5/v6 changed the Node runtime and credential storage only.
        "inputs": {
            "repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user",
            "persist-credentials", "path", "clean", "filter", "sparse-checkout",
            "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs",
            "submodules", "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout",
        },
    },
    "actions/setup-python": {
        "major": "v6",
        # action.yml at v6.0.0 (e797f83bcb11b83ae66e0230d6156d7c80228e7c, runs on node24).
        "inputs": {
            "python-version", "python-version-file", "cache", "architecture", "check-latest",
            "token", "cache-dependency-path", "update-environment", "allow-prereleases",
            "freethreaded", "pip-version",
        },
    },
    "actions/upload-artifact": {
        "major": "v7",
        # action.yml at v7.0.0 (bbbca2ddaa5d8feaa63e36b76fdaad77386f024f, runs on node24).
        "inputs": {
            "name", "path", "if-no-files-found", "retention-days", "compression-level",
            "overwrite", "include-hidden-files", "archive",
        },
        "required": {"path"},  # `required: true` and no default
    },
    "actions/configure-pages": {
        "major": "v6",
        # action.yml inputs of the v5 line (actions/configure-pages@1465f01); v6.0.0
        # (45bfe0192ca1faeb007ade9deae92b16b8254a0d) only moved the runtime to node24
        # (actions/configure-pages#186), the inputs are unchanged.
        "inputs": {"static_site_generator", "generator_config_file", "token", "enablement"},
    },
    "actions/upload-pages-artifact": {
        "major": "v5",
        # action.yml inputs of v3 (actions/upload-pages-artifact@36a9e81) + `include-hidden-files`,
        # added in v5.0.0 (actions/upload-pages-artifact#137, with the move to upload-artifact@v7).
        "inputs": {"name", "path", "retention-days", "include-hidden-files"},
    },
    "actions/deploy-pages": {
        "major": "v5",
        # action.yml at v5.0.0 (cd2ce8fcbc39b97be8ca5fce6e763baed58fa128, runs on node24).
        "inputs": {"token", "timeout", "error_count", "reporting_interval", "artifact_name",
                   "preview"},
    },
}

# owner/repo[/path]@vN[.N[.N]] — a released version tag, not a branch, a SHA or nothing.
PINNED_USES = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+(?:/[^@\s]+)?@v\d+(?:\.\d+){0,2}$")

WRITE_ALLOWED = {"pages", "id-token"}  # the only scopes deploy.yml may write


# --- loading ---------------------------------------------------------------------------------

def load_workflow(path: Path) -> dict:
    """Parse a workflow. YAML 1.1 reads the key `on` as the boolean True: give it its name back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    """(job id, step index, step) for every step of every job."""
    for job_id, job in (workflow.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps") or []):
            yield job_id, index, step


def step_label(job_id: str, index: int, step: dict) -> str:
    return f"jobs.{job_id}.steps[{index}] ({step.get('name') or step.get('uses') or 'run'})"


def run_schema_check(*paths: Path) -> subprocess.CompletedProcess:
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.fail("check-jsonschema is not installed in this environment: it is pinned in "
                    "requirements.txt (check-jsonschema==0.39.0); run `make test` or "
                    "`.venv/bin/pip install -r requirements.txt`")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *(str(p) for p in paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)


# --- checkers (each returns a list of problems; empty means fine) -----------------------------

def unpinned_uses(workflow: dict) -> list[str]:
    problems = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "uses" in job and not PINNED_USES.match(str(job["uses"])):
            problems.append(f"jobs.{job_id}.uses: {job['uses']!r} is not owner/repo@vN")
    for job_id, index, step in steps(workflow):
        if "uses" in step and not PINNED_USES.match(str(step["uses"])):
            problems.append(f"{step_label(job_id, index, step)}: uses {step['uses']!r} is not "
                            "pinned to a version tag owner/repo@vN (a branch such as main/master "
                            "or a missing @ref can change under us)")
    return problems


def unknown_inputs(workflow: dict, table: dict[str, dict] = ACTION_INPUTS) -> list[str]:
    problems = []
    for job_id, index, step in steps(workflow):
        if "uses" not in step:
            continue
        where = step_label(job_id, index, step)
        action, _, ref = str(step["uses"]).partition("@")
        entry = table.get(action)
        if entry is None:
            problems.append(f"{where}: {action} is not in ACTION_INPUTS in "
                            f"tests/unit/test_workflows.py; add it, with the input names copied "
                            f"from its action.yml at {ref or 'the pinned version'}")
            continue
        major = ref.split(".")[0]
        if major != entry["major"]:
            problems.append(f"{where}: {action}@{ref} is pinned to {major} but ACTION_INPUTS lists "
                            f"the inputs of {entry['major']}; copy them from the {major} action.yml")
            continue
        given = step.get("with") or {}
        for key in given:
            if key not in entry["inputs"]:
                problems.append(f"{where}: {action}@{entry['major']} has no input {key!r} "
                                f"(it accepts: {', '.join(sorted(entry['inputs']))})")
        for key in sorted(entry.get("required", set()) - set(given)):
            problems.append(f"{where}: {action}@{entry['major']} requires input {key!r}")
    return problems


def permission_maps(workflow: dict) -> list[tuple[str, object]]:
    """The workflow-level and every job-level `permissions`, with where they come from."""
    found = []
    if "permissions" in workflow:
        found.append(("permissions", workflow["permissions"]))
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "permissions" in job:
            found.append((f"jobs.{job_id}.permissions", job["permissions"]))
    return found


def broader_than_needed(workflow: dict) -> list[str]:
    """Anything broader than `contents: read` plus write on pages and id-token."""
    problems = []
    for where, perms in permission_maps(workflow):
        if not isinstance(perms, dict):  # read-all / write-all
            problems.append(f"{where}: {perms!r} grants every scope at once")
            continue
        for scope, level in perms.items():
            if level == "write" and scope not in WRITE_ALLOWED:
                problems.append(f"{where}: {scope}: write is broader than needed")
    return problems


# --- the files exist and parse ----------------------------------------------------------------

def test_expected_workflows_exist():
    assert CI in WORKFLOW_FILES and DEPLOY in WORKFLOW_FILES, WORKFLOW_FILES


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_on_key_survives_yaml_1_1(path):
    workflow = load_workflow(path)
    assert "on" in workflow and True not in workflow, f"{path.name}: no triggers (`on:`)"


# --- a. JSON schema ---------------------------------------------------------------------------

def test_workflows_match_the_github_workflow_schema():
    result = run_schema_check(*WORKFLOW_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_job_without_runs_on(tmp_path):
    workflow = load_workflow(CI)
    intact = tmp_path / "intact" / "ci.yml"
    broken = tmp_path / "broken" / "ci.yml"
    for target in (intact, broken):
        target.parent.mkdir()
    intact.write_text(yaml.safe_dump(workflow, sort_keys=False, allow_unicode=True), "utf-8")

    mutated = copy.deepcopy(workflow)
    job_id = next(iter(mutated["jobs"]))
    del mutated["jobs"][job_id]["runs-on"]
    broken.write_text(yaml.safe_dump(mutated, sort_keys=False, allow_unicode=True), "utf-8")

    # The round-tripped copy still passes, so the only difference is the missing runs-on.
    control = run_schema_check(intact)
    assert control.returncode == 0, control.stdout + control.stderr
    result = run_schema_check(broken)
    assert result.returncode != 0, "a job without runs-on passed the schema check"
    assert "runs-on" in result.stdout + result.stderr


# --- b. pinned actions ------------------------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_version_tag(path):
    workflow = load_workflow(path)
    assert any("uses" in step for _, _, step in steps(workflow)), f"{path.name} uses no action?"
    assert unpinned_uses(workflow) == []


@pytest.mark.parametrize("uses, pinned", [
    ("actions/checkout@v7", True),
    ("actions/checkout@v4.2.2", True),
    ("owner/repo/.github/workflows/build.yml@v1", True),
    ("actions/checkout@main", False),
    ("actions/checkout@master", False),
    ("actions/checkout", False),
    ("actions/checkout@", False),
    ("actions/checkout@latest", False),
    ("actions/checkout@v", False),
    ("checkout@v4", False),
])
def test_pin_checker(uses, pinned):
    workflow = {"jobs": {"j": {"runs-on": "ubuntu-latest", "steps": [{"uses": uses}]}}}
    assert (unpinned_uses(workflow) == []) is pinned


# --- c. every `with:` key is a declared input -------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_with_key_is_an_input_of_the_action(path):
    assert unknown_inputs(load_workflow(path)) == []


def test_input_checker_catches_a_misspelt_input():
    workflow = load_workflow(CI)
    for _, _, step in steps(workflow):
        if str(step.get("uses", "")).startswith("actions/setup-python@"):
            step["with"]["pyhton-version"] = step["with"].pop("python-version")
            break
    else:
        pytest.fail("ci.yml no longer uses actions/setup-python; pick another step to misspell")
    problems = unknown_inputs(workflow)
    assert len(problems) == 1 and "'pyhton-version'" in problems[0], problems


def test_input_checker_asks_to_add_an_unknown_action():
    workflow = {"jobs": {"j": {"steps": [{"uses": "someone/new-action@v2", "with": {"x": 1}}]}}}
    (problem,) = unknown_inputs(workflow)
    assert "someone/new-action is not in ACTION_INPUTS" in problem and "add it" in problem


def test_input_checker_notices_a_new_major_and_a_missing_required_input():
    workflow = {"jobs": {"j": {"steps": [
        {"uses": "actions/setup-python@v99", "with": {"python-version": "3.11"}},
        {"uses": "actions/upload-artifact@v7", "with": {"name": "x"}},
    ]}}}
    major, required = unknown_inputs(workflow)
    assert "pinned to v99" in major
    assert "requires input 'path'" in required


def test_every_action_in_the_table_is_used():
    """A stale table entry hides nothing, but it means the table no longer documents the files."""
    used = {str(step["uses"]).partition("@")[0]
            for path in WORKFLOW_FILES for _, _, step in steps(load_workflow(path))
            if "uses" in step}
    assert set(ACTION_INPUTS) == used


# --- d. deploy.yml: least privilege, one deployment at a time ---------------------------------

def test_deploy_permissions_are_least_privilege():
    workflow = load_workflow(DEPLOY)
    assert broader_than_needed(workflow) == []
    deploy_job = workflow["jobs"]["deploy"]
    effective = deploy_job.get("permissions", workflow.get("permissions")) or {}
    assert effective.get("pages") == "write"
    assert effective.get("id-token") == "write"
    # Writing is for the deploy job alone; the build job runs the repository's code.
    for job_id, job in workflow["jobs"].items():
        if job_id != "deploy":
            perms = job.get("permissions", workflow.get("permissions")) or {}
            assert "write" not in perms.values(), (job_id, perms)


def test_permission_checker_flags_broad_grants():
    assert broader_than_needed({"permissions": "write-all"})
    assert broader_than_needed({"permissions": {"contents": "write"}})
    assert broader_than_needed({"jobs": {"d": {"permissions": {"pages": "write",
                                                               "actions": "write"}}}})
    assert not broader_than_needed({"permissions": {"contents": "read", "pages": "write",
                                                    "id-token": "write"}})


def test_deploy_runs_one_at_a_time_without_cancelling():
    concurrency = load_workflow(DEPLOY).get("concurrency")
    assert isinstance(concurrency, dict) and concurrency.get("group"), concurrency
    assert concurrency.get("cancel-in-progress") is False


def test_deploy_job_uses_the_github_pages_environment():
    workflow = load_workflow(DEPLOY)
    deploy_job = workflow["jobs"]["deploy"]
    assert deploy_job["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy_job["environment"]["url"]
    assert "build" in (deploy_job["needs"] if isinstance(deploy_job["needs"], list)
                       else [deploy_job["needs"]])
    deploy_steps = [s for _, _, s in steps({"jobs": {"deploy": deploy_job}})]
    assert any(s.get("id") == "deployment" and s["uses"].startswith("actions/deploy-pages@")
               for s in deploy_steps)


def test_deploy_triggers_and_build():
    workflow = load_workflow(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    build = workflow["jobs"]["build"]
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    upload = next(s for s in build["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    make_site = next(s for s in build["steps"] if s.get("run") == "make site")
    assert "steps.pages.outputs.base_url" in make_site["env"]["PORTAL_SITE_URL"]
    assert make_site["env"]["PORTAL_SITE_URL"].endswith("/")
    assert "PORTAL_EDIT_BASE" in make_site["env"]


# --- ci.yml -----------------------------------------------------------------------------------

def test_ci_runs_the_checks_and_keeps_the_artifacts():
    workflow = load_workflow(CI)
    assert {"pull_request", "push"} <= set(workflow["on"])
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in workflow["concurrency"]["group"]
    assert "github.head_ref || github.ref_name" in workflow["env"]["PORTAL_EDIT_BASE"]
    (job,) = workflow["jobs"].values()
    runs = [s.get("run", "") for s in job["steps"]]
    order = [next(i for i, r in enumerate(runs) if r.strip() == cmd)
             for cmd in ("make validate", "make test", "make site")]
    assert order == sorted(order), "validate, then test, then build"
    assert any("apt-get install -y chromium" in r for r in runs)
    uploads = {s["with"]["name"]: s for s in job["steps"]
               if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["site-preview"]["with"]["path"].rstrip("/") == "site"
    assert uploads["test-artifacts"]["with"]["path"].rstrip("/") == "test-artifacts"
    assert uploads["test-artifacts"]["if"] == "always()"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_untrusted_context_is_pasted_into_a_shell_script(path):
    """Branch names and PR fields go through env:, never straight into `run:` (script injection)."""
    untrusted = re.compile(r"\$\{\{[^}]*(github\.event\.|github\.head_ref|inputs\.)")
    for job_id, index, step in steps(load_workflow(path)):
        assert not untrusted.search(str(step.get("run", ""))), step_label(job_id, index, step)
