"""The browser import's GitHub side, offline: the issue form against GitHub's form schema,
the workflow against the workflow schema and zizmor's audit (0 findings, pedantic), and what
matters here: who can make it run, which job may write, no issue text pasted into a script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github/ISSUE_TEMPLATE/nhap-ke-hoach.yml"
FLOW = ROOT / ".github/workflows/nhap-ke-hoach.yml"
ZIZMOR = Path(sys.executable).with_name("zizmor")


def check(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_the_issue_form_matches_githubs_form_schema(tmp_path):
    assert check("vendor.github-issue-forms", FORM).returncode == 0
    broken = tmp_path / "form.yml"
    broken.write_text(
        FORM.read_text(encoding="utf-8").replace("type: upload", "type: file"), encoding="utf-8"
    )
    assert check("vendor.github-issue-forms", broken).returncode == 1


def test_the_form_asks_for_one_document_and_labels_the_request():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    from generator.import_request import FILE_HEADING, FORM_LABEL, NOTE_HEADING, PLAN_HEADING

    assert form["labels"] == [FORM_LABEL]
    fields = {b["attributes"]["label"]: b for b in form["body"] if b["type"] != "markdown"}
    assert list(fields) == [FILE_HEADING, PLAN_HEADING, NOTE_HEADING]  # what the parser reads
    upload = fields[FILE_HEADING]
    assert upload["type"] == "upload" and upload["validations"]["required"] is True
    assert upload["validations"]["accept"] == ".docx,.pdf,.txt"


def test_the_workflow_matches_the_schema_and_zizmor_finds_nothing(tmp_path):
    assert check("vendor.github-workflows", FLOW).returncode == 0
    run = subprocess.run(
        [str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress", str(ROOT / ".github/workflows")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    bad = tmp_path / "workflows"
    bad.mkdir()
    (bad / "x.yml").write_text(
        FLOW.read_text(encoding="utf-8").replace(
            "make .venv/.installed\n",
            'echo "${{ github.event.issue.title }}"\n          make .venv/.installed\n',
            1,
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", str(bad / "x.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0 and "template-injection" in run.stdout + run.stderr


def test_only_trusted_people_make_it_run_and_only_the_second_job_writes():
    flow = load(FLOW)
    assert flow["on"] == {"issues": {"types": ["opened", "labeled"]}}
    assert flow["permissions"] == {}
    draft, publish = flow["jobs"]["draft"], flow["jobs"]["publish"]
    condition = " ".join(draft["if"].split())
    assert "author_association" in condition and '"OWNER", "MEMBER", "COLLABORATOR"' in condition
    assert "github.event.label.name == 'duyet-nhap-ke-hoach'" in condition
    assert draft["permissions"] == {"contents": "read"}
    assert publish["needs"] == "draft"
    assert publish["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    text = FLOW.read_text(encoding="utf-8")
    assert "secrets." not in text
    draft_runs = " ".join(s.get("run", "") for s in draft["steps"])
    publish_runs = " ".join(s.get("run", "") for s in publish["steps"])
    assert "import-request prepare" in draft_runs and "import-request prepare" not in publish_runs
    assert "import-request apply" in publish_runs
    for job in (draft, publish):
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_issue_text_is_pasted_into_a_script():
    flow = load(FLOW)
    scripts = [s.get("run", "") for job in flow["jobs"].values() for s in job["steps"]]
    assert all("${{" not in script for script in scripts)
    env = " ".join(str(v) for job in flow["jobs"].values() for v in (job.get("env") or {}).values())
    env += " ".join(
        str(v) for job in flow["jobs"].values() for s in job["steps"] for v in (s.get("env") or {}).values()
    )
    assert not re.search(r"github\.event\.issue\.(title|body)|github\.event\.comment", env)
