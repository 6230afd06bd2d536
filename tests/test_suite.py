"""The test suite's own promises: the browser tests carry their marker, so `-m "not browser"` leaves them out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def collected(*args: str) -> list[str]:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_every_browser_test_carries_the_browser_marker():
    browser = collected("tests/browser")
    assert browser, "no browser tests collected"
    assert collected("-m", "browser", "tests/browser") == browser
    assert collected("-m", "not browser", "tests/browser") == []
