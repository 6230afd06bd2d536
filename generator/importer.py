"""`timeline import`: rows of news data (CSV or JSONL) -> Markdown article files that ingest reads back.

Takes a file (or a folder of them) whose rows carry a date, text and
optionally url, title and outlet, under column names given by flags or
detected. Gives one `.md` file per kept row, and for every other row the
row number and why it was skipped, as `Problem`s. Text is kept as data:
HTML remnants and mojibake stay as they are (the site escapes them) and
are only noted.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .ingest import ARTICLE_SUFFIXES, read_article
from .model import Problem
from .news_rows import (
    FIELDS,
    ROW_FILES,
    SkippedRow,
    UnreadableFile,
    outlet_from_url,
    parse_published,
    read_records,
)
from .scaffold import slugify
from .validate import URL, is_language_code

PROGRESS_EVERY = 1000
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>")
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]|\ufffd")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ImportedArticle:
    """One kept row, as it is written and as ingest must read it back."""

    date: date
    title: str | None
    outlet: str | None
    url: str | None
    language: str | None
    text: str


@dataclass(frozen=True)
class ImportResult:
    rows: int
    written: tuple[Path, ...]
    duplicates: tuple[SkippedRow, ...]
    rejected: tuple[SkippedRow, ...]
    notes: tuple[Problem, ...]
    failure: Problem | None = None  # the file itself could not be read


@dataclass
class KnownArticles:
    """URLs, texts and file names already taken, shared by every file of one import (and the folder's files)."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    stems: set[str] = field(default_factory=set)

    @classmethod
    def in_folder(cls, folder: Path) -> KnownArticles:
        """Articles already in the target folder count, so importing the same file twice writes nothing new."""
        known = cls()
        if not folder.is_dir():
            return known
        for path in folder.rglob("*"):
            if path.suffix not in ARTICLE_SUFFIXES or not path.is_file():
                continue
            known.stems.add(path.stem.lower())
            article, _ = read_article(path)
            if article is not None:
                known.remember(url_key(article.url), text_key(article.body), path.name)
        return known

    def duplicate_of(self, url: str | None, text: str) -> tuple[str, str] | None:
        if url and url in self.urls:
            return "duplicate URL", self.urls[url]
        if text in self.texts:
            return "duplicate text", self.texts[text]
        return None

    def remember(self, url: str | None, text: str, where: str) -> None:
        if url:
            self.urls.setdefault(url, where)
        self.texts.setdefault(text, where)


def run_import(args: argparse.Namespace) -> int:
    """Import every row file named (or found in the folder named); exit 1 only when a file cannot be read."""
    source, into = Path(args.file), Path(args.into)
    files = sorted(p for p in source.iterdir() if p.suffix.lower() in ROW_FILES) if source.is_dir() else [source]
    if not files:
        print(f"import: no .csv or .jsonl files in {source}", file=sys.stderr)
        return 1
    columns = {name: getattr(args, f"{name}_column", None) for name in FIELDS}
    columns = {name: value for name, value in columns.items() if value}
    started = time.monotonic()
    known = KnownArticles.in_folder(into)
    results: list[ImportResult] = []
    limit = args.limit
    for path in files:
        if limit is not None and limit <= 0:
            break
        result = import_file(path, into, columns, limit, known, progress=_print_progress)
        results.append(result)
        _print_details(result)
        _print_progress(f"import: {path.name}: {result.rows} rows, {len(result.written)} written")
        if limit is not None:
            limit -= len(result.written)
    print(import_summary(results, into, time.monotonic() - started))
    return 1 if any(r.failure for r in results) else 0


def import_file(
    source: Path,
    into: Path,
    columns: dict[str, str] | None = None,
    limit: int | None = None,
    known: KnownArticles | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Write one article per new, readable row; stop after `limit` articles."""
    known = known if known is not None else KnownArticles.in_folder(into)
    written: list[Path] = []
    duplicates: list[SkippedRow] = []
    rejected: list[SkippedRow] = []
    notes: list[Problem] = []
    rows = 0
    failure = None
    try:
        into.mkdir(parents=True, exist_ok=True)
        for number, line, record in read_records(source, columns or {}):
            if limit is not None and len(written) >= limit:
                break
            rows += 1
            where = f"row {number}"
            if isinstance(record, SkippedRow):
                rejected.append(record)
            else:
                outcome = _import_record(record, source, line, where, into, known)
                if isinstance(outcome, SkippedRow):
                    (duplicates if outcome.reason.startswith("duplicate") else rejected).append(outcome)
                else:
                    written.append(outcome[0])
                    notes.extend(outcome[1])
            if progress and rows % PROGRESS_EVERY == 0:
                progress(f"import: {source.name}: {rows} rows, {len(written)} written")
    except UnreadableFile as err:
        failure = err.problem
    except OSError as err:
        failure = Problem(str(source), 1, f"cannot read or write: {err.strerror}", "check the paths and permissions")
    return ImportResult(rows, tuple(written), tuple(duplicates), tuple(rejected), tuple(notes), failure)


def _import_record(
    record: dict[str, str], source: Path, line: int, where: str, into: Path, known: KnownArticles
) -> tuple[Path, list[Problem]] | SkippedRow:
    shown = str(source)
    article = article_from_record(record)
    if isinstance(article, str):
        return SkippedRow(article.split(" '")[0], Problem(shown, line, f"{where}: {article}", _fix_for(article)))
    url, text = url_key(article.url), text_key(article.text)
    duplicate = known.duplicate_of(url, text)
    if duplicate:
        reason, first = duplicate
        return SkippedRow(reason, Problem(shown, line, f"{where}: {reason}, same as {first}", "none needed", "note"))
    path = write_article(article, into, known.stems)
    known.remember(url, text, f"{where} of {source.name}")
    return path, _text_notes(article.text, shown, line, where)


def article_from_record(record: dict[str, str]) -> ImportedArticle | str:
    """The article a row describes, or why it cannot be one."""
    raw_date = record.get("date", "").strip()
    if not raw_date:
        return "empty date"
    published = parse_published(raw_date)
    if published is None:
        return f"unreadable date '{raw_date[:40]}'"
    text = _clean_text(record.get("text", ""))
    snippet = _clean_text(record.get("snippet", ""))
    if snippet and snippet not in text:
        text = f"{text}\n\n{snippet}" if text else snippet
    if not WORD.search(text):
        return "empty text"
    url = " ".join(record.get("url", "").split()) or None
    language = " ".join(record.get("language", "").split()).lower() or None
    return ImportedArticle(
        date=published,
        title=" ".join(record.get("title", "").split()) or None,
        outlet=" ".join(record.get("outlet", "").split()) or outlet_from_url(url),
        url=url if url and URL.match(url) else None,  # check refuses any other link: keep the article, not it
        language=language if language and is_language_code(language) else None,  # else detected from the text
        text=text,
    )


def url_key(url: str | None) -> str | None:
    """The same story under http/https, with or without 'www.', a trailing slash or a #fragment."""
    if not url:
        return None
    address = url.strip().split("#", 1)[0]
    address = re.sub(r"^[a-z]+://", "", address, flags=re.I)
    host, _, rest = address.partition("/")
    return f"{host.lower().removeprefix('www.')}/{rest}".rstrip("/")


def text_key(text: str) -> str:
    """Texts equal but for case, spacing and punctuation share a key."""
    words = " ".join(WORD.findall(text.casefold()))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


def write_article(article: ImportedArticle, into: Path, taken: set[str]) -> Path:
    """A new file with an ASCII name (date, outlet, title) made unique by a suffix; nothing is overwritten."""
    outlet = slugify(article.outlet or "")[:24].strip("-")
    title = slugify(article.title or article.text[:200]) or "article"
    base = f"{article.date.isoformat()}_{outlet + '_' if outlet else ''}{title}"
    meta = {"title": article.title, "date": article.date, "outlet": article.outlet, "url": article.url}
    meta["language"] = article.language
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v is not None}, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    content = f"---\n{front}---\n\n{article.text}\n"
    for n in range(1, 10_000):
        stem = base if n == 1 else f"{base}-{n}"
        if stem.lower() in taken:
            continue
        path = into / f"{stem}.md"
        try:
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(content)
        except FileExistsError:
            taken.add(stem.lower())
            continue
        taken.add(stem.lower())
        return path
    raise UnreadableFile(Problem(str(into), 1, f"too many files named {base}", "import into an empty folder"))


def _clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _text_notes(text: str, shown: str, line: int, where: str) -> list[Problem]:
    notes = []
    tags = sorted(set(HTML_TAG.findall(text)))
    if tags:
        shown_tags = ", ".join(tags[:3])
        notes.append(Problem(shown, line, f"{where}: HTML tags kept as text ({shown_tags})", "none needed", "note"))
    if MOJIBAKE.search(text) or any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text[:20000]):
        notes.append(Problem(shown, line, f"{where}: odd characters (mojibake?) kept as is", "none needed", "note"))
    return notes


def _fix_for(reason: str) -> str:
    if reason.startswith("empty text"):
        return "nothing to import: the row has no article text"
    if "date" in reason:
        return "give the row a date such as 2022-04-05 or 2022-04-05T15:49:47Z"
    return "check the row"


def _print_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print_details(result: ImportResult) -> None:
    if result.failure:
        print(str(result.failure), file=sys.stderr)
    for item in (*result.rejected, *result.duplicates):
        print(str(item.problem))
    for note in result.notes:
        print(str(note))


def import_summary(results: list[ImportResult], into: Path, seconds: float) -> str:
    """One line per total: rows in, articles written, duplicates and rejected rows by reason."""
    rows = sum(r.rows for r in results)
    written = sum(len(r.written) for r in results)
    duplicates = Counter(d.reason for r in results for d in r.duplicates)
    rejected = Counter(d.reason for r in results for d in r.rejected)
    notes = Counter(n.message.split(": ", 1)[1].split(" (")[0] for r in results for n in r.notes)
    failed = [r.failure for r in results if r.failure]

    def by_reason(counts: Counter) -> str:
        return f" ({', '.join(f'{n} {reason}' for reason, n in counts.most_common())})" if counts else ""

    lines = [
        f"import: {rows} rows from {len(results)} file(s) in {seconds:.1f} s",
        f"  written: {written} articles to {into}",
        f"  duplicates skipped: {sum(duplicates.values())}{by_reason(duplicates)}",
        f"  rejected: {sum(rejected.values())}{by_reason(rejected)}",
    ]
    if notes:
        lines.append(f"  notes: {by_reason(notes).strip(' ()')}")
    if failed:
        lines.append(f"  files that could not be read: {len(failed)}")
    return "\n".join(lines)
