"""Pagefind's index of the generated pages, made on the second core while the pages are rendered.

Takes (file in the site, page body) for every generated page and the site's language; gives a Pagefind bundle
in a temporary folder. A worker process (`python -m generator.search_index FOLDER LANGUAGE`) reads the bodies
marked for the index on its standard input, one JSON line each, as the build renders them, writes each as a bare
page at its file's place, and once the input ends runs Pagefind on them and removes them. Pagefind reads
of a page only the element marked `data-pagefind-body` and the language of its `<html>`, and names a page by
its file's place in the site, so the bare pages give the index the finished ones would (tests/
test_search_index.py builds both and compares them file for file). Writing thousands of small files costs the
build's own process no time, and Pagefind starts as soon as the last page is rendered.
"""

from __future__ import annotations

import contextlib
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

PAGES = "pages"  # the bare pages, removed once indexed
BUNDLE = "bundle"  # what Pagefind writes
PIPE_BYTES = 1 << 20  # the bodies in flight to the worker before rendering waits for it (Linux's usual maximum)


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site: Path, bundle: Path | None = None) -> list[str]:
    """Pagefind on the HTML pages under `site`, its bundle in `site/pagefind` or in `bundle`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    return command + (["--output-path", str(bundle)] if bundle else [])


class EarlyIndex:
    """The worker process making the bundle in `folder`, fed the bodies as they are rendered (`add`)."""

    def __init__(self, folder: Path, process: subprocess.Popen):
        self.folder = folder
        self.process = process
        self.marked = 0  # bodies handed over for the index
        self.output = ""

    @classmethod
    def start(cls, language: str) -> EarlyIndex:
        folder = Path(tempfile.mkdtemp(prefix="timeline-search-"))
        command = [sys.executable, "-m", "generator.search_index", str(folder), language]
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=hasattr(os, "killpg"),
        )
        with contextlib.suppress(ImportError, AttributeError, OSError):  # Linux: slack for a busy moment of the worker
            import fcntl

            fcntl.fcntl(process.stdin.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        return cls(folder, process)

    def add(self, file: str, body: str) -> None:
        """One page's body; one that is not marked for the index is left out."""
        if INDEXED_BODY not in body or self.process.stdin.closed:
            return
        self.marked += 1
        try:
            self.process.stdin.write(json.dumps([file, body], ensure_ascii=False).encode("utf-8") + b"\n")
        except BrokenPipeError:  # the worker stopped (it names why): `finish` says so
            self._close_input()

    def end_input(self) -> EarlyIndex | None:
        """Every body handed over: Pagefind starts. None (and nothing left behind) when none was marked, since
        Pagefind then indexes every page whole, the theme's part too, which only the finished pages have."""
        if not self.marked:
            self.stop()
            return None
        self._close_input()
        return self

    def _close_input(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # the worker stopped early: `finish` gives its words
            self.process.stdin.close()

    def _wait(self) -> None:
        self._close_input()
        self.output += self.process.stdout.read().decode("utf-8", "replace")
        self.process.stdout.close()
        self.process.wait()

    def finish(self) -> Path:
        """The bundle, once written; a SearchIndexError with Pagefind's words when it could not be."""
        self._wait()
        if self.process.returncode != 0:
            raise SearchIndexError(self.output.strip() or f"the indexing process ended with {self.process.returncode}")
        return self.folder / BUNDLE

    def stop(self) -> None:
        """The build failed before the index was needed: no process and no temporary folder is left behind."""
        if self.process.returncode is None:  # not yet waited for
            if self.process.poll() is None and hasattr(os, "killpg"):
                os.killpg(self.process.pid, 9)  # the worker and the Pagefind it runs
            elif self.process.poll() is None:
                self.process.kill()
            if not self.process.stdout.closed:
                self._wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def index_bodies_early(bodies: Iterable[tuple[str, str]], language: str) -> EarlyIndex | None:
    """The worker started on the bodies marked for the index; None when none is marked (`EarlyIndex.end_input`)."""
    early = EarlyIndex.start(language)
    for file, body in bodies:
        early.add(file, body)
    return early.end_input()


def write_bare_pages(lines: Iterable[bytes], folder: Path, language: str) -> Path:
    """Each body of the JSON lines as a page at its file's place under `folder/pages`."""
    pages = folder / PAGES
    for line in lines:
        file, body = json.loads(line)
        target = pages / file
        if Path(file).is_absolute() or ".." in Path(file).parts:
            raise SearchIndexError(f"a page's file leaves the site: {file}")
        target.parent.mkdir(parents=True, exist_ok=True)
        # the body is final HTML, escaped where it was made (render/format.py); the language is the theme's
        target.write_text(f'<!doctype html><html lang="{escape(language)}"><body>{body}</body></html>', "utf-8")
    return pages


def main(argv: list[str]) -> int:
    folder, language = Path(argv[0]), argv[1]
    try:
        pages = write_bare_pages(sys.stdin.buffer, folder, language)
    except (OSError, ValueError, SearchIndexError) as err:
        print(f"the pages to index could not be written: {err}", file=sys.stderr)
        return 1
    try:
        return subprocess.run(pagefind_command(pages, folder / BUNDLE)).returncode
    finally:
        shutil.rmtree(pages, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
