"""Extraction cache: an article whose content has not changed is not extracted again.

Keyed by a hash of the article (id, date, metadata, text); the whole cache is
dropped when anything that decides the results changes (its fingerprint:
`tables.py`). A build that adds or changes a few articles writes only those
to a second, small file, so adding one article to 10,000 does not rewrite
them all.

Cache files are data, never code: a header line (what the file holds, the
fingerprint it was made under, the SHA-256 of the rest) and JSON rows
(`cache_codec.py`). A file that is damaged, of another format or made for
another fingerprint is set aside with a one-line note and rebuilt; it can
neither stop a build nor load with other content than it was written with.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .cache_codec import FORMAT, extraction_from_row, extraction_to_row
from .model import Article, Extraction

CACHE_DIR = Path(".timeline-cache")
SUFFIX = ".json"
SMALL_CHANGE = 50  # entries a build may add or drop before the main file is written again
# A file modified this close to a build's start may be modified again within the same tick of the file system's
# clock (a second, two on FAT) with the same size: its stat is not trusted, and the next build reads it again.
RACY_NS = 2_000_000_000
MAGIC = "timeline-cache"


class DamagedCache(ValueError):
    """A cache file that cannot be trusted; the message says why, in a few words."""


def note_to_stderr(message: str) -> None:
    print(f"timeline: {message}", file=sys.stderr)


def article_key(article: Article) -> str:
    digest = hashlib.sha256()
    for part in (
        article.id,
        article.path,
        article.date.isoformat(),
        article.title,
        article.outlet or "",
        article.url or "",
        article.language,
        str(article.title_from_text),
        str(article.republish),
        article.license or "",
        article.body,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, directory: Path | None, fingerprint_value: str, note: Callable[[str], None] = note_to_stderr):
        self.fingerprint = fingerprint_value
        self.path = directory / f"extractions-{fingerprint_value}{SUFFIX}" if directory else None
        self.entries: dict[str, Extraction] = {}
        self.files: dict[str, tuple[int, int, int, str]] = {}  # path -> (mtime_ns, size, inode, article key)
        self.started_ns = time.time_ns()  # this build's start: files modified since shortly before are racy
        self.hits = self.misses = 0
        self.changed = False
        self._keys: dict[int, tuple[Article, str]] = {}  # id(article) -> (article, key): hash each text once
        self._stats: dict[str, os.stat_result] = {}  # files looked at in this build
        self.recent_path = self.path.with_name(f"extractions-{fingerprint_value}.recent{SUFFIX}") if self.path else None
        self._in_main: set[str] = set()  # keys of the entries the main file holds
        if self.path and self.path.is_file():
            try:
                self.entries, self.files = self._read(self.path, "extractions")
                self._in_main = set(self.entries)
                if self.recent_path.is_file():
                    recent, self.files = self._read(self.recent_path, "extractions.recent")
                    self.entries.update(recent)
            except DamagedCache as err:
                note(f"cache: {err}; extracting again")
                self.entries, self.files, self._in_main = {}, {}, set()
                self.changed = True  # the damaged file is replaced by this build's

    def _read(self, path: Path, kind: str) -> tuple[dict[str, Extraction], dict[str, tuple[int, int, str]]]:
        known = remembered(path, kind)
        if known is None:
            data = read_cache_file(path, kind, self.fingerprint)
            try:
                entries = {_key(k): extraction_from_row(row) for k, row in data["entries"].items()}
                # a row of an older layout (no inode) only makes its file be read again
                rows = [(p, row) for p, row in data["files"].items() if len(row) == 4]
                files = {_key(p): (int(m), int(s), int(i), _key(k)) for p, (m, s, i, k) in rows}
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
                raise DamagedCache(f"{path.name} holds rows of another shape ({type(err).__name__})") from err
            known = remember(path, kind, (entries, files))
        entries, files = known
        return dict(entries), dict(files)  # this build's to change; what the file holds stays as it is

    def start_build(self) -> None:
        """Forget what the last build looked at (files, hashed texts), keep the entries: the next build of a
        process that keeps this cache (`KeptCaches`)."""
        self._keys, self._stats = {}, {}
        self.hits = self.misses = 0
        self.started_ns = time.time_ns()

    def unchanged_article(self, path: Path, shown: str) -> Article | None:
        """The Article of a file whose modification time, size and inode are as when it was last read, and were
        not racy then (`remember_file`): no need to read it."""
        try:
            stat = self._stats[str(path)] = path.stat()
        except OSError:
            return None
        known = self.files.get(str(path))
        if not known or known[:3] != (stat.st_mtime_ns, stat.st_size, stat.st_ino):
            return None
        extraction = self.entries.get(known[3])
        if not extraction or extraction.article.path != shown:
            return None
        self._keys[id(extraction.article)] = (extraction.article, known[3])
        return extraction.article

    def key(self, article: Article) -> str:
        known = self._keys.get(id(article))
        if known and known[0] is article:
            return known[1]
        key = article_key(article)
        self._keys[id(article)] = (article, key)
        return key

    def remember_file(self, path: Path, article: Article) -> None:
        try:
            stat = self._stats.get(str(path)) or path.stat()
        except OSError:
            return
        if stat.st_mtime_ns >= self.started_ns - RACY_NS:  # it may change again unseen: read it next time
            self.changed |= self.files.pop(str(path), None) is not None
            return
        entry = (stat.st_mtime_ns, stat.st_size, stat.st_ino, self.key(article))
        if self.files.get(str(path)) != entry:
            self.files[str(path)] = entry
            self.changed = True

    def get(self, article: Article) -> Extraction | None:
        found = self.entries.get(self.key(article))
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, article: Article, extraction: Extraction) -> None:
        self.entries[self.key(article)] = extraction
        self.changed = True

    def save(self, keep: Iterable[Article]) -> None:
        """Write the entries of the articles still present; drop the rest."""
        if not self.path:
            return
        wanted = {self.key(a) for a in keep}
        if not self.changed and wanted == set(self.entries):
            return
        self.entries = {k: v for k, v in self.entries.items() if k in wanted}
        self.files = {p: f for p, f in self.files.items() if f[3] in wanted}
        recent = {k: v for k, v in self.entries.items() if k not in self._in_main}
        stale = len(self._in_main - wanted)
        self.changed = False  # written below: a kept cache's next build writes only if it changes again
        if self._in_main and len(recent) + stale <= max(SMALL_CHANGE, len(self.entries) // 20):
            self._write(self.recent_path, "extractions.recent", recent)
            return
        self._write(self.path, "extractions", self.entries)
        self.recent_path.unlink(missing_ok=True)
        self._in_main = set(self.entries)

    def _write(self, path: Path, kind: str, entries: dict[str, Extraction]) -> None:
        data = {
            "entries": {k: extraction_to_row(x) for k, x in sorted(entries.items())},
            "files": {p: list(f) for p, f in sorted(self.files.items())},
        }
        write_cache_file(path, kind, self.fingerprint, data)
        # as reading the file back would give them: in its order (it is sorted), the same values
        remember(path, kind, (dict(sorted(entries.items())), dict(sorted(self.files.items()))))


class KeptCaches:
    """The extraction cache kept in memory between the builds of one process (a `timeline serve` session): its
    file is read once, and an unchanged article comes back as the same object build after build; the
    compiled registry and gazetteer, while their files are unchanged; and grouping's states."""

    def __init__(self) -> None:
        self.kept: tuple[Path | None, str, ExtractionCache] | None = None
        self.tables = None  # the last build's BuildTables (`tables.load_tables` reuses them when unchanged)
        self.states: dict[str, tuple[Path | None, str, object]] = {}  # name -> (folder, fingerprint, state)
        self.unsaved: dict[str, Callable] = {}  # name -> its encoder: states changed since their file was written

    def state(self, name: str, directory: Path | None, fingerprint_value: str):
        """The last build's state of a stage (grouping's, its readings) in this session, or None (then it is read
        from its file)."""
        kept = self.states.get(name)
        return kept[2] if kept and kept[:2] == (directory, fingerprint_value) else None

    def keep_state(self, name: str, directory: Path | None, fingerprint_value: str, state, changed: bool, encode):
        """Keep a stage's state for the next build; its file is written by the session's first build and when
        the session ends (`save`), not after every edit: writing grouping's 6 MB took longer than grouping the
        edit. A file older than the session's last state only makes the next build work out more again."""
        first = self.state(name, directory, fingerprint_value) is None
        self.states[name] = (directory, fingerprint_value, state)
        if changed and first:
            save_state(directory, name, fingerprint_value, encode(state))
        elif changed:
            self.unsaved[name] = encode

    def save(self) -> None:
        """Write what the session kept only in memory (at its end)."""
        for name, encode in self.unsaved.items():
            directory, fingerprint_value, state = self.states[name]
            save_state(directory, name, fingerprint_value, encode(state))
        self.unsaved = {}

    def extraction_cache(
        self, directory: Path | None, fingerprint_value: str, note: Callable[[str], None] = note_to_stderr
    ) -> ExtractionCache:
        if self.kept and self.kept[:2] == (directory, fingerprint_value):
            self.kept[2].start_build()
        else:  # new tables or another folder: the file of that fingerprint, read anew
            self.kept = (directory, fingerprint_value, ExtractionCache(directory, fingerprint_value, note))
        return self.kept[2]


def _key(value) -> str:
    if not isinstance(value, str):
        raise TypeError("a key is not text")
    return value


def read_cache_file(path: Path, kind: str, fingerprint_value: str):
    """The JSON value a cache file holds, after checking its header and checksum; DamagedCache otherwise."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DamagedCache(f"cannot read {path.name} ({err.strerror})") from err
    cut = raw.find(b"\n")
    head, body = (raw, b"") if cut < 0 else (raw[:cut], memoryview(raw)[cut + 1 :])  # the body is 50 MB: no copy
    try:
        header = json.loads(head)
    except (ValueError, RecursionError) as err:
        raise DamagedCache(f"{path.name} is not a cache file of this version") from err
    expected = {"cache": MAGIC, "kind": kind, "format": FORMAT, "fingerprint": fingerprint_value}
    if not isinstance(header, dict) or {k: header.get(k) for k in expected} != expected:
        raise DamagedCache(f"{path.name} is not a cache file of this version")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise DamagedCache(f"{path.name} is damaged (its checksum does not match)")
    try:
        return json.loads(str(body, "ascii"))
    except (ValueError, RecursionError) as err:
        raise DamagedCache(f"{path.name} is damaged (not JSON)") from err


def write_cache_file(path: Path, kind: str, fingerprint_value: str, data) -> None:
    """Atomically, dropping the files of other fingerprints (and older formats) of the same kind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # ASCII (\u escapes): decoding it is cheap, and a lone surrogate in an article survives the round trip
    body = json.dumps(data, separators=(",", ":")).encode("ascii")
    header = {"cache": MAGIC, "kind": kind, "format": FORMAT, "fingerprint": fingerprint_value}
    header["sha256"] = hashlib.sha256(body).hexdigest()
    stem = kind.split(".")[0]
    for old in path.parent.glob(f"{stem}-*"):
        stale = old.suffix == SUFFIX and not old.name.startswith(f"{stem}-{fingerprint_value}.")
        if stale or old.suffix == ".pickle":  # pickles were this cache's format once; they are never read
            old.unlink(missing_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # two builds at once must not share it
    temporary.write_bytes(json.dumps(header).encode() + b"\n" + body)
    os.replace(temporary, path)


def load_state(
    directory: Path | None, name: str, fingerprint_value: str, decode, note: Callable[[str], None] = note_to_stderr
):
    """A stage's saved state (e.g. grouping's), decoded from its JSON data; None when absent, damaged or stale."""
    path = directory / f"{name}-{fingerprint_value}{SUFFIX}" if directory else None
    if not path or not path.is_file():
        return None
    try:
        data = remembered(path, name)
        if data is None:
            data = remember(path, name, read_cache_file(path, name, fingerprint_value))
        try:
            return decode(data)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
            raise DamagedCache(f"{path.name} holds data of another shape ({type(err).__name__})") from err
    except DamagedCache as err:
        note(f"cache: {err}; working it out again")
        return None


def save_state(directory: Path | None, name: str, fingerprint_value: str, data) -> None:
    if directory:
        path = directory / f"{name}-{fingerprint_value}{SUFFIX}"
        write_cache_file(path, name, fingerprint_value, data)
        remember(path, name, data)  # plain JSON values: reading the file back gives them as they are


# What this process last read or wrote of each cache file, while the file is as it was then (its modification
# time, size, inode and change time): a second build in the same process (`bench`'s rebuild, `timeline diff`,
# tests) does not read, check and decode 50 MB again. A one-shot site build forgets it before rendering.
_REMEMBERED: dict[tuple[str, str], tuple[tuple[int, ...], object]] = {}


def _file_state(path: Path) -> tuple[int, ...] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)


def remembered(path: Path, kind: str):
    """What the file held when this process last read or wrote it, if it has not changed since; else None."""
    found = _REMEMBERED.get((str(path), kind))
    if found is None or found[0] != _file_state(path):
        return None
    return found[1]


def remember(path: Path, kind: str, value):
    """Keep `value` as what the file holds now (the caller must not change it); gives it back."""
    state = _file_state(path)
    if state is not None:
        _REMEMBERED[(str(path), kind)] = (state, value)
    return value


def forget_remembered() -> None:
    _REMEMBERED.clear()
