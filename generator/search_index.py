"""Pagefind's index of the generated pages, made on the second core while the theme renders them.

Takes (file in the site, page body) for every generated page and the site's language; gives a Pagefind bundle
in a temporary folder. A worker process (`python -m generator.search_index FOLDER LANGUAGE`) writes each body
marked for the index as a bare page at its file's place, runs Pagefind on them and removes them. Pagefind reads
of a page only the element marked `data-pagefind-body` and the language of its `<html>`, and names a page by
its file's place in the site, so the bare pages give the index the finished ones would (tests/
test_search_index.py builds both and compares them file for file). The build hands the bodies over in one file
and goes on at once: writing thousands of small files and indexing them cost it no time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .render.format import escape
from .render.search import INDEXED_BODY

BODIES = "bodies.jsonl"  # the worker's input: one [file, body] per line
PAGES = "pages"  # the bare pages, removed once indexed
BUNDLE = "bundle"  # what Pagefind writes


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site: Path, bundle: Path | None = None) -> list[str]:
    """Pagefind on the HTML pages under `site`, its bundle in `site/pagefind` or in `bundle`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    return command + (["--output-path", str(bundle)] if bundle else [])


class EarlyIndex:
    """The worker process making the bundle in `folder`."""

    def __init__(self, folder: Path, process: subprocess.Popen):
        self.folder = folder
        self.process = process

    def finish(self) -> Path:
        """The bundle, once written; a SearchIndexError with Pagefind's words when it could not be."""
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise SearchIndexError(output.strip() or f"the indexing process ended with code {self.process.returncode}")
        return self.folder / BUNDLE

    def stop(self) -> None:
        """The build failed before the index was needed: no process and no temporary folder is left behind."""
        if self.process.returncode is None:  # not yet waited for
            if self.process.poll() is None and hasattr(os, "killpg"):
                os.killpg(self.process.pid, 9)  # the worker and the Pagefind it runs
            elif self.process.poll() is None:
                self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)


def index_bodies_early(bodies: Iterable[tuple[str, str]], language: str) -> EarlyIndex | None:
    """The worker started on the bodies marked for the index; None when none is marked, since Pagefind then
    indexes every page whole, the theme's part too, which only the finished pages have."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-search-"))
    with (folder / BODIES).open("w", encoding="utf-8") as out:
        written = 0
        for file, body in bodies:
            if INDEXED_BODY in body:
                out.write(json.dumps([file, body], ensure_ascii=False) + "\n")
                written += 1
    if not written:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    command = [sys.executable, "-m", "generator.search_index", str(folder), language]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=hasattr(os, "killpg")
    )
    return EarlyIndex(folder, process)


def write_bare_pages(folder: Path, language: str) -> Path:
    """Each body of `folder/bodies.jsonl` as a page at its file's place under `folder/pages`."""
    pages = folder / PAGES
    with (folder / BODIES).open(encoding="utf-8") as lines:
        for line in lines:
            file, body = json.loads(line)
            target = pages / file
            if Path(file).is_absolute() or ".." in Path(file).parts:
                raise SearchIndexError(f"a page's file leaves the site: {file}")
            target.parent.mkdir(parents=True, exist_ok=True)
            # the body is final HTML, escaped where it was made (render/format.py); the language is the theme's
            target.write_text(f'<!doctype html><html lang="{escape(language)}"><body>{body}</body></html>', "utf-8")
    (folder / BODIES).unlink()
    return pages


def main(argv: list[str]) -> int:
    folder, language = Path(argv[0]), argv[1]
    try:
        pages = write_bare_pages(folder, language)
    except (OSError, ValueError, SearchIndexError) as err:
        print(f"the pages to index could not be written: {err}", file=sys.stderr)
        return 1
    try:
        return subprocess.run(pagefind_command(pages, folder / BUNDLE)).returncode
    finally:
        shutil.rmtree(pages, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
