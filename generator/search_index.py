"""Pagefind's index of the generated pages, made on the second core while the pages are rendered.

Takes (file in the site, page body) for every generated page and the site's language; gives a Pagefind bundle
in a temporary folder. Pagefind runs as a service (`pagefind --service`, the protocol its own Python and Node
packages speak: base64 JSON messages, each ended by a comma) and parses each body marked for the index as the
build renders it, so its parsing runs beside the rendering and only building and writing the index are left
once the last body is rendered; those run while the theme renders the pages. Pagefind reads of a page only the
element marked `data-pagefind-body` and the language of its `<html>`, and names a page by its file's place in
the site, so a bare page around each body gives the index the finished pages would: the same pages, words,
fragments and filters (tests/test_search_index.py builds both and compares them). Pages are numbered in the
order they are rendered, not in the order a file system lists a folder, so the bundle is the same on any
machine. The build's own process only encodes each body and hands it to a thread that writes it to Pagefind.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .render.format import escape
from .render.search import INDEXED_BODY

BUNDLE = "bundle"  # what Pagefind writes
PIPE_BYTES = 1 << 20  # the messages in flight to Pagefind (Linux's usual maximum pipe size)
BATCH_BYTES = 1 << 18  # messages handed to the writing thread together (one wake-up each, not one per page)
END = None  # put on the queue after the last message


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site: Path, bundle: Path | None = None) -> list[str]:
    """Pagefind on the HTML pages under `site`, its bundle in `site/pagefind` or in `bundle`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    return command + (["--output-path", str(bundle)] if bundle else [])


def pagefind_executable() -> Path:
    from pagefind.service import get_executable  # the binary the `pagefind` package installed (pagefind_bin)

    found = get_executable()
    if found is None:
        raise SearchIndexError("the Pagefind binary was not found (fix: pip install 'pagefind[bin]')")
    return found


class EarlyIndex:
    """Pagefind making the bundle in `folder`, fed the bodies as they are rendered (`add`)."""

    def __init__(self, folder: Path, process: subprocess.Popen, language: str):
        self.folder = folder
        self.process = process
        self.language = language
        self.marked = 0  # bodies handed over for the index
        self.problems: list[str] = []  # what Pagefind or `add` refused, named at `finish`
        self.sent = 0  # the last message's id
        self.outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.batch: list[bytes] = []  # messages not yet handed to the writing thread
        self.batch_bytes = 0
        self.replies = PagefindReplies(process.stdout)
        self.writer = threading.Thread(target=self._write_messages, daemon=True)
        self.writer.start()
        self.write_id = 0  # the message asking Pagefind to write the bundle

    @classmethod
    def start(cls, language: str) -> EarlyIndex:
        folder = Path(tempfile.mkdtemp(prefix="timeline-search-"))
        with (folder / "pagefind.log").open("wb") as log:  # Pagefind's own words, named if it fails
            process = subprocess.Popen(
                [str(pagefind_executable()), "--service"],
                cwd=folder,  # a page's file is named relative to it, as to the site (no file is read from it)
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=hasattr(os, "killpg"),
            )
        with contextlib.suppress(ImportError, AttributeError, OSError):  # Linux: slack for a busy moment
            import fcntl

            fcntl.fcntl(process.stdin.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        early = cls(folder, process, language)
        early._send({"type": "NewIndex", "config": {}})  # index 0, the service's first
        return early

    def add(self, file: str, body: str) -> None:
        """One page's body; one that is not marked for the index is left out."""
        if INDEXED_BODY not in body:
            return
        if Path(file).is_absolute() or ".." in Path(file).parts:
            self.problems.append(f"a page's file leaves the site: {file}")
            return
        self.marked += 1
        # the body is final HTML, escaped where it was made (render/format.py); the language is the theme's
        page = f'<!doctype html><html lang="{escape(self.language)}"><body>{body}</body></html>'
        self._send({"type": "AddFile", "index_id": 0, "file_path": file, "file_contents": page, "url": None})

    def _send(self, payload: dict) -> int:
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}, ensure_ascii=False).encode("utf-8")
        self.batch.append(base64.b64encode(message) + b",")
        self.batch_bytes += len(self.batch[-1])
        if self.batch_bytes >= BATCH_BYTES or payload["type"] != "AddFile":
            self.outbox.put(b"".join(self.batch))
            self.batch, self.batch_bytes = [], 0
        return self.sent

    def _write_messages(self) -> None:
        """The writing thread: each message to Pagefind in order, until END (or until Pagefind stops)."""
        while (message := self.outbox.get()) is not END:
            try:
                self.process.stdin.write(message)
            except (BrokenPipeError, ValueError):  # Pagefind stopped (`finish` names why); drain the rest
                continue
        with contextlib.suppress(BrokenPipeError, ValueError):
            self.process.stdin.flush()

    def end_input(self) -> EarlyIndex | None:
        """Every body handed over: Pagefind builds and writes the index. None (and nothing left behind) when
        none was marked, since Pagefind then indexes every page whole, the theme's part too, which only the
        finished pages have."""
        if not self.marked and not self.problems:
            self.stop()
            return None
        self.write_id = self._send({"type": "WriteFiles", "index_id": 0, "output_path": str(self.folder / BUNDLE)})
        self.outbox.put(END)
        return self

    def finish(self) -> Path:
        """The bundle, once written; a SearchIndexError with Pagefind's words when it could not be."""
        if not self.write_id:
            self.end_input()
        self.writer.join()
        replies = self.replies.wait_for(self.write_id)
        self._close()
        problems = self.problems + [r.get("message", str(r)) for r in replies.values() if r.get("type") == "Error"]
        if problems or self.write_id not in replies:
            log = (self.folder / "pagefind.log").read_text(encoding="utf-8", errors="replace").strip()
            said = "; ".join(problems) or log or f"Pagefind ended with {self.process.returncode}"
            raise SearchIndexError(said)
        return self.folder / BUNDLE

    def _close(self) -> None:
        with contextlib.suppress(BrokenPipeError, ValueError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._kill()
        self.replies.stop()

    def _kill(self) -> None:
        if self.process.poll() is None and hasattr(os, "killpg"):
            os.killpg(self.process.pid, 9)
        elif self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        """The build failed before the index was needed: no process and no temporary folder is left behind."""
        if self.writer.is_alive():
            self.outbox.put(END)
        self._kill()
        self.writer.join()
        with contextlib.suppress(BrokenPipeError, ValueError):
            self.process.stdin.close()
        self.replies.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class PagefindReplies:
    """The thread reading Pagefind's replies as they come (its pipe never fills): each one's payload by id."""

    def __init__(self, stream):
        self.stream = stream
        self.payloads: dict[int, dict] = {}
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        pending = b""
        while chunk := self.stream.read1(1 << 16):
            *complete, pending = (pending + chunk).split(b",")
            for encoded in complete:
                with contextlib.suppress(ValueError):  # not a reply: Pagefind's own words go to its log
                    reply = json.loads(base64.b64decode(encoded))
                    self.payloads[reply.get("message_id") or 0] = reply.get("payload") or {}

    def wait_for(self, message_id: int) -> dict[int, dict]:
        """Every reply, once the one to `message_id` came or Pagefind ended."""
        while message_id not in self.payloads and self.thread.is_alive():
            self.thread.join(0.05)
        return self.payloads

    def stop(self) -> None:
        self.thread.join(5)
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()


def index_bodies_early(bodies: Iterable[tuple[str, str]], language: str) -> EarlyIndex | None:
    """Pagefind started on the bodies marked for the index; None when none is marked (`EarlyIndex.end_input`)."""
    early = EarlyIndex.start(language)
    for file, body in bodies:
        early.add(file, body)
    return early.end_input()
