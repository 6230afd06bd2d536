"""`timeline serve` stopped with SIGTERM (a script, a service manager) ends as with Ctrl-C: its temporary
folders are removed and the grouping state it kept in memory is written."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from stage_helpers import ROOT

ARTICLE = (
    "---\ntitle: {title}\ndate: 2023-03-0{day}\noutlet: Wire\n---\n\n"
    "Officials in {place} said {n} people were killed.\n"
)
LIMIT = 180  # seconds for a build of three articles on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_page(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped"
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"{url} was not served within {LIMIT} s")


def test_sigterm_ends_a_serve_session_as_ctrl_c_does(tmp_path):
    content, cache, temporary = tmp_path / "content", tmp_path / "cache", tmp_path / "tmp"
    content.mkdir()
    temporary.mkdir()
    for day, place in ((1, "Kharkiv"), (2, "Odesa")):
        text = ARTICLE.format(title=f"Shelling in {place}", day=day, place=place, n=day + 2)
        (content / f"wire-{day}.md").write_text(text, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content), "--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "TMPDIR": str(temporary), "TIMELINE_CACHE_DIR": str(cache)}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_page(f"http://127.0.0.1:{port}/articles/wire-1/", server)
        assert sorted(p.name.split("_")[0].split("-")[0] for p in temporary.iterdir()) == ["mkdocs", "timeline"]
        (state_file,) = cache.glob("grouping-*.json")
        assert b"wire-3" not in state_file.read_bytes()
        text = ARTICLE.format(title="Shelling in Sumy", day=3, place="Sumy", n=9)
        (content / "wire-3.md").write_text(text, encoding="utf-8")
        wait_for_page(f"http://127.0.0.1:{port}/articles/wire-3/", server)  # grouped, its state kept in memory
        assert b"wire-3" not in state_file.read_bytes()
        server.send_signal(signal.SIGTERM)
        _, errors = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == 0, errors.decode(errors="replace")[-2000:]
    assert b"Traceback" not in errors
    assert list(temporary.iterdir()) == []  # the served site and the watch's signal folder are gone
    assert b"wire-3" in state_file.read_bytes()  # what the session kept in memory was written on the way out
