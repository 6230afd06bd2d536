"""The preview's reload time: start `timeline serve` on the content, edit one article, time until its page changes.

Usage: `python bench/serve_reload.py --content DIR [--content DIR ...] [--cache DIR]`; prints
`serve_reload_s=X` (or `serve_reload_s=missed` with the reason) as its last line. Everything is
bounded in time and stays on 127.0.0.1; the server is stopped (its process group, which this
script started) whatever happens.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_BUILD_LIMIT = 1800  # seconds for the server's first full build
RELOAD_LIMIT = 300  # seconds to wait for the edited page
STOP_LIMIT = 180  # seconds a stopped session may take to save its state and remove its 20k-page site folder
TITLE = re.compile(r"^title:.*$", re.M)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, wanted, limit: float, server: subprocess.Popen) -> float | None:
    """Seconds until the page at `url` satisfies `wanted(text)`, or None past the limit or when the server died."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            return None
        text = page_text(url)
        if text is not None and wanted(text):
            return time.perf_counter() - started
        time.sleep(0.2)
    return None


def article_to_edit(folders: list[Path]) -> Path | None:
    """An article with front matter and a title line, the last one by name (so not a seed or our own)."""
    candidates = sorted(p for folder in folders for p in folder.rglob("*.md") if "pages" not in p.parts)
    for path in reversed(candidates):
        if TITLE.search(path.read_text(encoding="utf-8", errors="replace")):
            return path
    return None


def measure(folders: list[Path], cache: Path | None, log: Path) -> tuple[float | None, str]:
    article = article_to_edit(folders)
    if article is None:
        return None, "no Markdown article with a title to edit"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    command += [arg for folder in folders for arg in ("--content", str(folder))]
    env = {**os.environ, **({"TIMELINE_CACHE_DIR": str(cache)} if cache else {})}
    original = article.read_text(encoding="utf-8")
    with log.open("w") as out:
        output = {"stdout": out, "stderr": subprocess.STDOUT}
        server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **output)
    try:
        page = f"{base}articles/{article.stem}/"
        first = wait_for(page, lambda text: True, FIRST_BUILD_LIMIT, server)
        if first is None:
            return None, f"the server did not serve {page} within {FIRST_BUILD_LIMIT} s (log: {log})"
        marker = f"Edited {int(time.time())}"
        time.sleep(1.5)  # a change in the same second as the first build's reads would look unchanged
        article.write_text(TITLE.sub(f"title: {marker}", original, count=1), encoding="utf-8")
        seconds = wait_for(page, lambda text: marker in text, RELOAD_LIMIT, server)
        if seconds is None:
            return None, f"the edited page did not change within {RELOAD_LIMIT} s (log: {log})"
        return seconds, f"first build served after {first:.0f} s; {article.name} edited"
    finally:
        article.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)  # the server this script started, and its workers
        try:
            server.wait(timeout=STOP_LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", action="append", type=Path, required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--log", type=Path, default=Path("/tmp/timeline-serve-reload.log"))
    args = parser.parse_args(argv)
    seconds, note = measure(args.content, args.cache, args.log)
    print(f"serve reload: {note}")
    print(f"serve_reload_s={seconds:.1f}" if seconds is not None else "serve_reload_s=missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
