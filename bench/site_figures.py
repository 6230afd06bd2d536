"""What a reader downloads from a built site: the largest HTML page, and the bytes fetched before a first search hit."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

KB = 1024


def largest_page_kb(site: Path) -> tuple[str, float]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    if not pages:
        return "no pages", 0.0
    size, path = max(pages)
    return str(path.relative_to(site)), size / KB


def search_first_kb(site: Path) -> tuple[str, float]:
    """Material's search loads its whole index; Pagefind loads pieces (an upper bound; the browser test measures)."""
    pagefind = next((p.parent for p in site.rglob("pagefind-entry.json")), None)
    if pagefind is not None:
        # the search page loads Pagefind's UI and runtime, then its language's meta file, wasm and one index chunk,
        # then a fragment per result shown (five): counted at their largest, so this is an upper bound
        named = ["pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json"]
        files = [pagefind / name for name in named] + list(pagefind.glob("wasm.*.pagefind"))
        files += sorted(pagefind.glob("*.pf_meta"), key=lambda p: -p.stat().st_size)[:1]
        chunks = sorted((p.stat().st_size for p in pagefind.glob("index/*")), reverse=True)[:1]
        fragments = sorted((p.stat().st_size for p in pagefind.glob("fragment/*")), reverse=True)[:5]
        size = sum(p.stat().st_size for p in files if p.is_file()) + sum(chunks) + sum(fragments)
        return "pagefind: UI, runtime, wasm, meta, largest index chunk and five largest fragments", size / KB
    index = site / "search" / "search_index.json"
    if index.is_file():
        return "material search_index.json, downloaded whole", index.stat().st_size / KB
    return "none", 0.0


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def search_first_kb_in_browser(site: Path, word: str = "Ukraine") -> float | None:
    """Bytes Debian's Chromium fetches from /pagefind/ on the search page until a first result shows.

    None where Playwright or the browser is missing (the file-size bound above is then the figure).
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", functools.partial(_record_index_piece, fetched, PlaywrightError))
            page.goto(f"http://127.0.0.1:{server.server_port}/search/")
            page.locator("#tl-search input").wait_for(timeout=30000)
            page.locator("#tl-search input").type(word)
            page.locator(".pagefind-ui__result").first.wait_for(timeout=60000)
            browser.close()
    finally:
        server.shutdown()
    return sum(fetched.values()) / KB


def _record_index_piece(fetched: dict[str, int], closed: type[Exception], response) -> None:
    """The size of a piece of the search index the page fetched; one still arriving when the browser closes
    came after the first result, so it is not counted (and not reported as an error)."""
    if "/pagefind/" not in response.url:
        return
    with contextlib.suppress(closed):
        fetched[response.url] = len(response.body())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
