"""Watch the content folders for `timeline serve`: takes the folders, gives what MkDocs' live-reload server polls.

The server polls what it watches, walking every file twice a second: over a
corpus folder of 10,000 articles that walk keeps a core busy and holds the
interpreter lock while a rebuild runs (a third of a reload's time, measured).
Here the operating system reports changes (inotify on Linux, through
watchdog, which MkDocs already depends on) and each change touches one small
signal file, which is all the server polls. A folder the system cannot watch
is handed to the server's own polling, as before.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})  # never "opened": a build reads files


class ContentWatch(FileSystemEventHandler):
    """One serve session's watch of the content folders; `paths_to_poll` go to the server's `watch`."""

    def __init__(self, folders: list[Path]):
        self.signal_dir = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
        self.signal = self.signal_dir / "content-changed"
        self.signal.write_text("0", encoding="utf-8")
        self.observer = Observer()
        for folder in folders:
            self.observer.schedule(self, str(folder), recursive=True)
        try:
            self.observer.start()
            unwatched: list[Path] = []
        except OSError:  # e.g. the system's limit of watches reached: the server polls the folders itself
            self.observer.stop()
            unwatched = list(folders)
        self.paths_to_poll = [self.signal, *unwatched]

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory and event.event_type in CHANGES:
            self.signal.write_text(str(time.time_ns()), encoding="utf-8")

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(timeout=5)
        shutil.rmtree(self.signal_dir, ignore_errors=True)
