"""GitHub Pages serves a project site under /REPO/: every internal link and asset must resolve there."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections import deque
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from generator.site import build_site

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/REPO"
MAX_PAGES = 2000


class SubPathHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages for a project site: files only under /REPO/, 404 everywhere else."""

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if local != PREFIX and not local.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path(path[len(PREFIX) :] or "/")

    def log_message(self, format, *args):  # noqa: A002 - keeps the test output quiet
        pass


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    config = ROOT / "mkdocs.yml"
    site = tmp_path_factory.mktemp("pages") / "site"
    assert build_site([ROOT / "content", ROOT / "seeds"], site, config) == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def test_the_server_only_serves_the_sub_path(served_site):
    assert fetch(f"{served_site}{PREFIX}/")[0] == 200
    assert fetch(f"{served_site}/")[0] == 404
    assert fetch(f"{served_site}/index.html")[0] == 404


def test_every_internal_link_and_asset_resolves_under_the_sub_path(served_site):
    start = f"{served_site}{PREFIX}/"
    queue, seen, broken, pages = deque([(start, "(start)")]), {start}, [], 0
    while queue and pages < MAX_PAGES:
        url, found_on = queue.popleft()
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{urlsplit(url).path} ({status}) linked from {found_on}")
            continue
        if "text/html" not in kind:
            continue
        pages += 1
        collector = LinkCollector()
        collector.feed(body.decode("utf-8", errors="replace"))
        for link in collector.links:
            target = urldefrag(urljoin(url, link)).url
            if urlsplit(target).netloc != urlsplit(start).netloc or urlsplit(target).scheme not in ("http", "https"):
                continue  # external sites, mailto:, data:
            if target not in seen:
                seen.add(target)
                queue.append((target, urlsplit(url).path))
    assert not broken, "broken under the sub-path:\n" + "\n".join(broken[:50])
    assert pages > 3


@pytest.mark.parametrize("path", ["data/timeline.json", "pagefind/pagefind-entry.json"])
def test_data_and_search_index_are_under_the_sub_path(served_site, path):
    assert fetch(f"{served_site}{PREFIX}/{path}")[0] == 200
