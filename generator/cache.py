"""Extraction cache: an article whose content has not changed is not extracted again.

Keyed by a hash of the article (id, date, metadata, text); the whole cache is
dropped when the rules, the actors registry, the gazetteer or the extractor's
code change (its fingerprint). One file, written atomically; our own data.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from .model import Article, Extraction

CACHE_DIR = Path(".timeline-cache")
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


def fingerprint(data_files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    paths = [PACKAGE / name for name in CODE_FILES] + sorted((PACKAGE / "rules").glob("*.yml")) + list(data_files)
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
        if self.path and self.path.is_file():
            try:
                with self.path.open("rb") as handle:
                    loaded = pickle.load(handle)
                if not (isinstance(loaded, tuple) and len(loaded) == 2 and all(isinstance(x, dict) for x in loaded)):
                    raise ValueError("not this version's cache")
                self.entries, self.files = loaded
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
                self.entries, self.files = {}, {}  # a damaged or stale cache is rebuilt, never trusted

    def unchanged_article(self, path: Path, shown: str) -> Article | None:
        """The Article of a file whose size and modification time are as last read (no need to read it)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        known = self.files.get(str(path))
        if not known or known[:2] != (stat.st_mtime_ns, stat.st_size):
            return None
        extraction = self.entries.get(known[2])
        return extraction.article if extraction and extraction.article.path == shown else None

    def remember_file(self, path: Path, article: Article) -> None:
        try:
            stat = path.stat()
        except OSError:
            return
        entry = (stat.st_mtime_ns, stat.st_size, article_key(article))
        if self.files.get(str(path)) != entry:
            self.files[str(path)] = entry
            self.changed = True

    def get(self, article: Article) -> Extraction | None:
        found = self.entries.get(article_key(article))
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, article: Article, extraction: Extraction) -> None:
        self.entries[article_key(article)] = extraction
        self.changed = True

    def save(self, keep: Iterable[Article]) -> None:
        """Write the entries of the articles still present; drop the rest."""
        if not self.path:
            return
        wanted = {article_key(a) for a in keep}
        if not self.changed and wanted == set(self.entries):
            return
        self.entries = {k: v for k, v in self.entries.items() if k in wanted}
        self.files = {p: f for p, f in self.files.items() if f[2] in wanted}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob("extractions-*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")  # two builds at once must not share it
        with temporary.open("wb") as handle:
            pickle.dump((self.entries, self.files), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
