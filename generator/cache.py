"""Extraction cache: an article whose content has not changed is not extracted again.

Keyed by a hash of the article (id, date, metadata, text); the whole cache is
dropped when the rules, the actors registry, the gazetteer or the extractor's
code change (its fingerprint). One file, written atomically; our own data.
A build that adds or changes a few articles writes only those to a second,
small file, so adding one article to 10,000 does not rewrite them all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from .model import Article, Extraction

CACHE_DIR = Path(".timeline-cache")
SMALL_CHANGE = 50  # entries a build may add or drop before the main file is written again
PACKAGE = Path(__file__).resolve().parent
CODE_FILES = (
    "model.py",
    "sentences.py",
    "dates.py",
    "figures.py",
    "claims.py",
    "actors.py",
    "places.py",
    "extract.py",
)


GROUPING_CODE_FILES = (
    "model.py",
    "places.py",
    "slug.py",
    *(f"events/{p.name}" for p in sorted((PACKAGE / "events").glob("*")) if p.suffix in (".py", ".yml")),
)


def fingerprint(data_files: Iterable[Path], code_files: Iterable[str] = CODE_FILES) -> str:
    digest = hashlib.sha256()
    paths = [PACKAGE / name for name in code_files] + sorted((PACKAGE / "rules").glob("*.yml")) + list(data_files)
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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
        article.body,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, directory: Path | None, fingerprint_value: str):
        self.path = directory / f"extractions-{fingerprint_value}.pickle" if directory else None
        self.entries: dict[str, Extraction] = {}
        self.files: dict[str, tuple[int, int, str]] = {}  # path -> (mtime_ns, size, article key)
        self.hits = self.misses = 0
        self.changed = False
        self._keys: dict[int, tuple[Article, str]] = {}  # id(article) -> (article, key): hash each text once
        self._stats: dict[str, os.stat_result] = {}  # files looked at in this build
        self.recent_path = self.path.with_name(self.path.stem + ".recent.pickle") if self.path else None
        self._in_main: set[str] = set()  # keys of the entries the main file holds
        if self.path and self.path.is_file():
            try:
                self.entries, self.files = _read_pair(self.path)
                self._in_main = set(self.entries)
                if self.recent_path.is_file():
                    recent, self.files = _read_pair(self.recent_path)
                    self.entries.update(recent)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
                self.entries, self.files = {}, {}  # a damaged or stale cache is rebuilt, never trusted
                self._in_main = set()

    def unchanged_article(self, path: Path, shown: str) -> Article | None:
        """The Article of a file whose size and modification time are as last read (no need to read it)."""
        try:
            stat = self._stats[str(path)] = path.stat()
        except OSError:
            return None
        known = self.files.get(str(path))
        if not known or known[:2] != (stat.st_mtime_ns, stat.st_size):
            return None
        extraction = self.entries.get(known[2])
        if not extraction or extraction.article.path != shown:
            return None
        self._keys[id(extraction.article)] = (extraction.article, known[2])
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
        entry = (stat.st_mtime_ns, stat.st_size, self.key(article))
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
        self.files = {p: f for p, f in self.files.items() if f[2] in wanted}
        recent = {k: v for k, v in self.entries.items() if k not in self._in_main}
        stale = len(self._in_main - wanted)
        if self._in_main and len(recent) + stale <= max(SMALL_CHANGE, len(self.entries) // 20):
            _write(self.recent_path, (recent, self.files))
            return
        _write(self.path, (self.entries, self.files))
        self.recent_path.unlink(missing_ok=True)
        self._in_main = set(self.entries)


def _read_pair(path: Path) -> tuple[dict, dict]:
    with path.open("rb") as handle:
        loaded = pickle.load(handle)
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and all(isinstance(x, dict) for x in loaded)):
        raise ValueError("not this version's cache")
    return loaded


def load_state(directory: Path | None, name: str, fingerprint_value: str, kind: type):
    """A stage's saved state (e.g. grouping's), or None when absent, damaged, stale or of another shape."""
    path = directory / f"{name}-{fingerprint_value}.pickle" if directory else None
    if not path or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, ImportError):
        return None
    return value if isinstance(value, kind) else None


def save_state(directory: Path | None, name: str, fingerprint_value: str, value: object) -> None:
    if directory:
        _write(directory / f"{name}-{fingerprint_value}.pickle", value)


def _write(path: Path, value: object) -> None:
    """Atomically, dropping the files of other fingerprints of the same name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    name = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{name}-*.pickle"):
        if not old.name.startswith(path.name.split(".")[0]):
            old.unlink(missing_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # two builds at once must not share it
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
