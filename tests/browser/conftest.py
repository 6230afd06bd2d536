"""Browser tests: the real build, served on 127.0.0.1, driven in Debian's Chromium through Playwright.

Never a downloaded browser: Playwright starts /usr/bin/chromium (override with CHROMIUM).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_addoption(parser):
    parser.addoption("--screenshots", default=None, help="save README screenshots into this folder")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    from generator.site import build_site

    site = tmp_path_factory.mktemp("site")
    assert build_site([ROOT / "content", ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    return site


@pytest.fixture(scope="session")
def base_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshots_dir(request):
    folder = request.config.getoption("--screenshots")
    return Path(folder) if folder else None
