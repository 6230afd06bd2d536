"""After any engine: the data files and the search index of a built site.

Takes the `Timeline` and the folder an engine (MkDocs, ProperDocs, Zensical)
built the pages into; gives `data/timeline.json` beside them and Pagefind's
index of them. The MkDocs plugin calls it in on_post_build, `timeline build`
after the engine it ran: one step, whatever rendered the pages. The plugin
starts the index earlier, from the generated bodies (`search_index.py`), so
Pagefind works on the second core while the theme renders the pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .data_files import write_data_files
from .model import Timeline
from .search_index import EarlyIndex, SearchIndexError, pagefind_command
from .stable_filters import UnexpectedIndex, make_filters_stable


class PublishError(RuntimeError):
    pass


BUNDLE = "pagefind"  # the index's folder in the site


def publish_data_and_search(
    timeline: Timeline, site_dir: Path, site_name: str = "", site_url: str = "", early: EarlyIndex | None = None
) -> None:
    """The open data files (`data_files/`), and Pagefind's index with its filters in a stable order: the one
    `early` is making, else one made now from the built pages."""
    indexing = None if early else start_search_index(site_dir)  # a separate process, while data is written
    write_data_files(timeline, site_dir, site_name, site_url)
    if indexing:
        finish_search_index(indexing)
    else:
        try:
            bundle = early.finish()
            shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
            shutil.move(bundle, site_dir / BUNDLE)
        except SearchIndexError as err:
            raise PublishError(f"search indexing failed: {err}") from err
        finally:
            shutil.rmtree(early.folder, ignore_errors=True)
    try:
        make_filters_stable(site_dir / BUNDLE)
    except UnexpectedIndex as err:
        message = f"search index: Pagefind's filter index could not be put in a stable order ({err})"
        raise PublishError(message) from err


def start_search_index(site_dir: Path, bundle: Path | None = None) -> subprocess.Popen:
    """Pagefind indexes the built pages into small pieces a reader's browser fetches on demand."""
    command = pagefind_command(site_dir, bundle)
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
