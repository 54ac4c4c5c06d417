"""`make site` / `make publish` build into a staging folder and replace site/ only when the build
is whole: a failed, interrupted or killed build leaves the previous site as it was, and no
staging folder (the build's own, or the side files' and search index's `.site-files-*`) and no
helper process survives it. Run through make as a user does, on the small test dataset."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "data-small"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """2,000 synthetic tasks (python -m generator synth): a build of several seconds, time to
    stop it in the middle (the real data builds in about one)."""
    out = tmp_path_factory.mktemp("synth") / "data"
    subprocess.run([sys.executable, "-m", "generator", "synth", "--tasks", "2000", "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def old_site(folder: Path) -> Path:
    site = folder / "site"
    site.mkdir()
    (site / "index.html").write_text("trang cũ", encoding="utf-8")
    return site


def make_site(folder: Path, data: Path = SMALL, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        ["make", "--no-print-directory", "-C", str(ROOT), "site", f"SITE={folder / 'site'}", f"DATA={data}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def wait_for_side_files(folder: Path, process: subprocess.Popen, limit: float = 120) -> Path:
    """The staging folder once the build has started its helper processes (their own staging
    folders are inside it): the build is under way, nothing is in place yet."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        assert process.poll() is None, process.communicate()
        for staging in folder.glob(".site-build.*"):
            if list(staging.glob(".site-files-*")):
                return staging
        time.sleep(0.02)
    raise AssertionError("the build never started its helper processes")


def helpers_alive(staging: Path) -> list[str]:
    """Processes still running with the staging folder on their command line."""
    out = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if str(staging) in line and "ps -eo" not in line]


def test_a_whole_build_replaces_the_site_and_leaves_nothing_beside_it(tmp_path):
    site = old_site(tmp_path)
    process = make_site(tmp_path)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert "trang cũ" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "chi-muc/meta.json").is_file()              # the search index, moved in
    assert (site / "opendata/datapackage.json").is_file()      # the open data, moved in
    assert leftovers(tmp_path) == []


def test_a_failed_build_keeps_the_previous_site(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    plan = sorted((data / "plans").glob("*.yml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    site = old_site(out)
    process = make_site(out, data)
    _, err = process.communicate(timeout=300)
    assert process.returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"
    assert leftovers(out) == []


@pytest.mark.parametrize("how", ["kill make", "Ctrl-C", "kill mkdocs"])
def test_an_interrupted_build_keeps_the_previous_site_and_leaves_nothing(tmp_path, big, how):
    site = old_site(tmp_path)
    process = make_site(tmp_path, big, start_new_session=True)
    staging = wait_for_side_files(tmp_path, process)
    if how == "kill make":          # `kill <pid of make>`: make passes SIGTERM to its recipe
        process.send_signal(signal.SIGTERM)
    elif how == "Ctrl-C":           # the terminal signals the whole foreground process group
        os.killpg(process.pid, signal.SIGINT)
    else:                           # the build process alone, without warning
        pids = subprocess.run(["pgrep", "-f", f"mkdocs build --strict --quiet --site-dir {staging}/site"],
                              capture_output=True, text=True).stdout.split()
        assert pids
        for pid in pids:
            os.kill(int(pid), signal.SIGKILL)
    process.communicate(timeout=120)
    assert process.returncode != 0
    time.sleep(2)   # a helper left running would write on, into a folder it makes again
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"
    assert leftovers(tmp_path) == []
    assert helpers_alive(staging) == []


def test_a_direct_mkdocs_build_stopped_by_sigterm_removes_its_staging_folders(tmp_path, big):
    """`mkdocs build` without make (a developer, the tests): the side files' staging folders
    beside the site are removed and the helpers stopped on SIGTERM."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_DATA_DIR=str(big))
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                                "--site-dir", str(tmp_path / "site")],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 120
    while not list(tmp_path.glob(".site-files-*")):
        assert process.poll() is None and time.monotonic() < end, process.communicate()
        time.sleep(0.02)
    staging = [str(p) for p in tmp_path.glob(".site-files-*")]
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "Traceback" not in err
    time.sleep(2)
    assert leftovers(tmp_path) == []
    assert [p for s in staging for p in helpers_alive(Path(s))] == []
