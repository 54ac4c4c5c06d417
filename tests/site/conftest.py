"""A local HTTP server for the built site and a headless Chromium (Debian's) driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_site: Path):
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def pytest_collection_modifyitems(config, items):
    """Without the browser, stop once with one line instead of failing every browser test."""
    if not Path(CHROMIUM).exists() and any(i.get_closest_marker("browser") for i in items):
        pytest.exit("Debian's chromium is not installed: run `make test` (it installs it), "
                    "or `sudo apt-get install chromium`, or `make test-fast` for the unit tests.",
                    returncode=1)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def small_built_site(tmp_path_factory) -> Path:
    """The test dataset (tests/fixtures/data-small) built with `mkdocs build --strict`."""
    from tests.conftest import mkdocs_build
    from tests.smalldata import SMALL
    site = tmp_path_factory.mktemp("small-site")
    result = mkdocs_build(site, {"PORTAL_DATA_DIR": str(SMALL)})
    assert result.returncode == 0, result.stderr
    return site


def open_filters(page) -> None:
    """On a phone the filter fields fold behind one "Lọc (n)" button (assets/portal.js, issue
    28): open them, as a visitor taps it, before using them."""
    button = page.locator(".bo-loc__nut")
    if button.count() and button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()
