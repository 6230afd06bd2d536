"""Rows of news data -> records by field name: CSV or JSONL, columns named by flags or found by their usual names.

Also reads the values every news dataset writes its own way: publication
dates in any of the corpus's shapes, and the outlet behind a URL.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from .model import Problem

ROW_FILES = (".csv", ".tsv", ".jsonl", ".ndjson")
FIELDS = ("date", "url", "title", "text", "outlet")
# Header names each field goes by in news datasets, compared case-insensitively without spaces, '_' or '-'.
COLUMN_ALIASES = {
    "date": ("date", "published", "publishedat", "publicationdate", "pubdate", "datetime", "time", "timestamp"),
    "url": ("url", "link", "weburl", "href", "articleurl"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "fulltext", "article", "articletext"),
    "snippet": ("snippet", "leadparagraph", "lead", "summary"),
    "outlet": ("outlet", "source", "publisher", "sourcename", "media", "newspaper"),
    "language": ("language", "lang"),
}
# Readable outlet names for the domains of the corpus and other large outlets; others show their domain.
OUTLET_DOMAINS = {
    "dailymail.co.uk/wires/ap": "Associated Press",
    "dailymail.co.uk/wires/reuters": "Reuters",
    "dailymail.co.uk": "Daily Mail",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "rt.com": "RT",
    "huffpost.com": "HuffPost",
    "foxnews.com": "Fox News",
    "mirror.co.uk": "Daily Mirror",
    "cnn.com": "CNN",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "theguardian.com": "The Guardian",
    "nbcnews.com": "NBC News",
    "express.co.uk": "Daily Express",
    "reuters.com": "Reuters",
    "nytimes.com": "New York Times",
    "apnews.com": "Associated Press",
    "washingtonpost.com": "Washington Post",
    "aljazeera.com": "Al Jazeera",
    "kyivindependent.com": "Kyiv Independent",
    "tass.com": "TASS",
}
OTHER_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


@dataclass(frozen=True)
class SkippedRow:
    """A row that became no article: `reason` groups the summary, `problem` names the row."""

    reason: str
    problem: Problem


class UnreadableFile(Exception):
    """The file as a whole cannot be imported: it is missing, empty, not CSV, or lacks a needed column."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def parse_published(value: str) -> date | None:
    """The calendar date as the outlet wrote it; converting zones would move late stories to the next day."""
    text = value.strip()
    match = re.match(
        r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$", text
    )
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for shape in OTHER_DATE_FORMATS:
        try:
            return datetime.strptime(text, shape).date()
        except ValueError:
            continue
    return None


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name from the URL: a known outlet's name, else its domain without 'www.'."""
    if not url:
        return None
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if "." not in host or " " in host:
        return None
    path = parts.path.strip("/") + "/"
    for domain, name in OUTLET_DOMAINS.items():
        domain_host, _, domain_path = domain.partition("/")
        on_host = host == domain_host or host.endswith(f".{domain_host}")
        if on_host and (not domain_path or path.startswith(f"{domain_path}/")):
            return name
    return host


def read_records(source: Path, columns: dict[str, str]) -> Iterator[tuple[int, int, dict[str, str] | SkippedRow]]:
    """(row number, line, fields by name) for every row; a row that is not a record is a SkippedRow."""
    try:
        handle = source.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as err:
        raise UnreadableFile(Problem(str(source), 1, f"cannot read file: {err.strerror}", "check the path")) from err
    with handle:
        if source.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _json_records(handle, source, columns)
        else:
            yield from _csv_records(handle, source, columns)


def _csv_records(handle, source: Path, columns: dict[str, str]):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one corpus article is 125,703 characters
    reader = csv.reader(handle, delimiter="\t" if source.suffix.lower() == ".tsv" else ",")
    try:
        header = next(reader, None)
    except csv.Error as err:
        raise UnreadableFile(Problem(str(source), 1, f"not a CSV file: {err}", "save it as CSV with a header")) from err
    if not header:
        raise UnreadableFile(Problem(str(source), 1, "the file is empty", "export the rows with a header line"))
    mapping = _column_positions(header, columns, source)
    number, line = 0, reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise UnreadableFile(
                Problem(str(source), line, f"row {number + 1}: CSV stops parsing here: {err}", "fix the quoting")
            ) from err
        number += 1
        if row:
            yield number, line, {name: row[i] if i < len(row) else "" for name, i in mapping.items()}
        else:
            number -= 1  # a blank line is no row
        line = reader.line_num + 1


def _json_records(handle, source: Path, columns: dict[str, str]):
    number = 0
    for line, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        number += 1
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            problem = Problem(str(source), line, f"row {number}: not JSON: {err.msg}", "write one JSON object a line")
            yield number, line, SkippedRow("not JSON", problem)
            continue
        if not isinstance(value, dict):
            problem = Problem(str(source), line, f"row {number}: not a JSON object", "write one JSON object a line")
            yield number, line, SkippedRow("not a JSON object", problem)
            continue
        keys = list(value)
        try:
            mapping = _column_positions(keys, columns, source, line)
        except UnreadableFile as err:  # in JSONL each row names its own keys, so a missing one costs one row
            yield number, line, SkippedRow("missing field", err.problem)
            continue
        yield number, line, {name: _json_text(value[keys[i]]) for name, i in mapping.items()}


def _json_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n\n".join(_json_text(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _column_positions(header: list[str], columns: dict[str, str], source: Path, line: int = 1) -> dict:
    """Field name -> position in the header; flags first, then the usual names in any case."""
    folded = {_fold(name): i for i, name in reversed(list(enumerate(header))) if _fold(name)}
    found = {}
    for name in (*FIELDS, "snippet", "language"):
        if name in columns:
            if _fold(columns[name]) not in folded:
                raise UnreadableFile(
                    Problem(
                        str(source),
                        line,
                        f"no column '{columns[name]}' for --{name}-column",
                        f"use one of: {', '.join(h for h in header if h)}",
                    )
                )
            found[name] = folded[_fold(columns[name])]
            continue
        alias = next((a for a in COLUMN_ALIASES[name] if a in folded and folded[a] not in found.values()), None)
        if alias is not None:
            found[name] = folded[alias]
    for needed in ("date", "text"):
        if needed not in found:
            raise UnreadableFile(
                Problem(
                    str(source),
                    line,
                    f"no {needed} column among: {', '.join(h for h in header if h)}",
                    f"name it with --{needed}-column",
                )
            )
    return found


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", str(name)).casefold()
