"""After any engine: the data files and the search index of a built site.

Takes the `Timeline` and the folder an engine (MkDocs, ProperDocs, Zensical)
built the pages into; gives `data/timeline.json` beside them and Pagefind's
index of them. The MkDocs plugin calls it in on_post_build, `timeline build`
after the engine it ran: one step, whatever rendered the pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from .model import Timeline
from .serialize import timeline_to_json


class PublishError(RuntimeError):
    pass


def publish_data_and_search(timeline: Timeline, site_dir: Path, search: bool = True) -> None:
    indexing = start_search_index(site_dir) if search else None  # a separate process, while data is written
    write_data_files(timeline, site_dir)
    if indexing:
        finish_search_index(indexing)


def write_data_files(timeline: Timeline, site_dir: Path) -> None:
    target = site_dir / "data" / "timeline.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(timeline_to_json(timeline), encoding="utf-8")


def start_search_index(site_dir: Path) -> subprocess.Popen:
    """Pagefind indexes the built pages into small pieces a reader's browser fetches on demand."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_search_index(indexing: subprocess.Popen) -> None:
    output, _ = indexing.communicate()
    if indexing.returncode != 0:
        raise PublishError(f"search indexing failed: {output.strip()}")


def content_date(timeline: Timeline | None) -> str:
    """SOURCE_DATE_EPOCH's day when it is set (the reproducible-builds convention, which MkDocs follows too),
    else the newest article's publication date: two builds of the same content give the same site."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    dates = [a.date for a in timeline.articles] if timeline else []
    return max(dates).isoformat() if dates else "1970-01-01"
