"""assets/portal.js moves a status to the visitor's date with the rules of generator/status.py:
the same keys for every day around the quarter and period bounds, and the same names."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.model.status import PLAN_BY_DATE, TASK_BY_DATE, by_date, period_status
from generator.model.timeframes import parse

JS = Path(__file__).resolve().parents[2] / "content" / "assets" / "portal.js"
NODE = shutil.which("node")

ENDS = ["2023-12-31", "2026-12-31", "2026-09-30", "2026-10-15", "2024-02-29"]
DAYS = [date(2023, 9, 30) + timedelta(days=n) for n in range(0, 1300, 3)]
PERIODS = ["2023-2025", "2026", "2027"]


def _names(var: str) -> dict[str, str]:
    body = re.search(r"var " + var + r" = (\{.*?\});", JS.read_text("utf-8"), re.S).group(1)
    return json.loads(body)


def test_the_javascript_names_are_pythons():
    assert _names("TASK_BY_DATE") == TASK_BY_DATE
    assert _names("PLAN_BY_DATE") == PLAN_BY_DATE


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_javascript_rules_give_pythons_keys_on_every_day():
    script = """
    const window = {}; const document = {addEventListener() {}};
    eval(require("fs").readFileSync(process.argv[1], "utf8"));
    const [ends, days, periods] = JSON.parse(process.argv[2]);
    const out = {tasks: [], plans: []};
    for (const d of days) {
      for (const e of ends) out.tasks.push(window.portal.taskByDate(e, d));
      for (const [s, e] of periods) out.plans.push(window.portal.planByDate(s, e, d));
    }
    console.log(JSON.stringify(out));
    """
    spans = [parse(p) for p in PERIODS]
    args = [ENDS, [d.isoformat() for d in DAYS], [[s.start.isoformat(), s.end.isoformat()] for s in spans]]
    run = subprocess.run(
        [NODE, "-e", script, str(JS), json.dumps(args)], capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    want_tasks = [by_date(date.fromisoformat(e), d) for d in DAYS for e in ENDS]
    want_plans = [period_status(s, d).key for d in DAYS for s in spans]
    assert got["tasks"] == want_tasks
    assert got["plans"] == want_plans
    assert {"qua-thoi-han", "den-han-quy-nay", "trong-thoi-han"} <= set(want_tasks)
    assert {"chua-den-ky", "dang-thuc-hien", "het-giai-doan"} <= set(want_plans)
