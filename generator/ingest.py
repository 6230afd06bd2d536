"""Ingest: article files on disk -> `Article` objects, or `Problem`s naming the fix.

Two formats: the seed format (a `.txt` whose first line starts with
` date YYYY-MM-DD ` and goes on with the body) and Markdown with YAML front
matter. Nothing here interprets the article text; it is kept as data.
"""

from __future__ import annotations

import operator
import os
import re
from datetime import date
from pathlib import Path

import yaml

from .model import Article, Problem
from .rules import detect_language
from .validate import article_problems, file_problem, publish_terms_problems
from .yaml_text import SAFE_LOADER, yaml_error_line

ARTICLE_SUFFIXES = (".txt", ".md")
NOT_ARTICLES = {"pages"}  # content/pages holds the site's own pages (About), not articles
FRONT_MATTER_KEYS = {"title", "date", "outlet", "url", "language", "republish", "license"}
SEED_HEADER = re.compile(r"^\s*date\s+(\S+)\s?")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_SENTENCE = re.compile(r"^(.{20,200}?[.!?])(?=\s|$)", re.S)


YEARS = (1800, 2100)  # publication dates outside are mistakes, and date arithmetic near year 1 or 9999 overflows
# Runs that no article needs and that make the extraction's patterns slow: cut before anything matches them.
SPACE_RUN = 20  # spaces or tabs in a row
REPEATS = 4  # the same word, or phrase of up to three words, in a row
LONG_SPACE = re.compile(rf"[^\S\n]{{{SPACE_RUN + 1},}}")
REPEATED = re.compile(rf"(?<!\S)(\S+(?:[^\S\n]+\S+){{0,2}}?)(?:[^\S\n]+\1(?!\S)){{{REPEATS},}}")
FRONT_MATTER_LIMIT = 20_000  # characters; five keys never need more
NESTING_LIMIT = 20  # brackets open at once
ODD_CHARACTERS = re.compile("[\x00\ud800-\udfff]")  # NUL, and halves of a character (lone surrogates)


class _TextDatesLoader(yaml.SafeLoader):
    """Dates stay text, so `_parse_date` reports an impossible one (2023-13-01) instead of PyYAML raising.

    Aliases are refused: front matter never needs them, and a few hundred bytes of nested aliases
    expand to billions of values (an "alias bomb")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed here", mark)
        return super().compose_node(parent, index)


class _FastTextDatesLoader(SAFE_LOADER):
    """The same reading through libyaml, for front matter that cannot hold an alias (no '*' in it): pure-Python
    PyYAML took half of a cold build's reading of 10.7k articles. Any error is reported by `_TextDatesLoader`."""


for _loader in (_TextDatesLoader, _FastTextDatesLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def article_files(folders: list[Path]) -> list[Path]:
    """Every article file under the folders, in a stable order (skipping hidden files and `pages/` folders)."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
            continue
        base = folder / "articles" if (folder / "articles").is_dir() else folder
        if base.is_dir():
            found.extend(_files_under(base))
    return sorted(found, key=lambda p: (p.stem, str(p)))


def _files_under(folder: Path) -> list[Path]:
    """Article files in a folder tree; directory entries say what is a file, so nothing is stat'ed twice."""
    found, pending = [], [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # an unreadable folder holds nothing we can read
        for entry in entries:
            if entry.name.startswith(".") or entry.name in NOT_ARTICLES:
                continue
            if entry.is_symlink():  # never followed (a link loop would run forever): read_articles refuses it
                if entry.name.endswith(ARTICLE_SUFFIXES) or _links_a_folder(entry):
                    found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.name.endswith(ARTICLE_SUFFIXES) and _is_file(entry):
                found.append(Path(entry.path))
    return found


def _links_a_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return True  # a link loop: list it, so that reading it names the problem


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file() or entry.is_symlink()
    except OSError:
        return True


def read_articles(
    folders: list[Path], root: Path | None = None, reuse=None, kept=None
) -> tuple[list[Article], list[Problem]]:
    """Read every article under the folders; each bad file becomes a Problem, never a crash.

    `reuse(path, shown)` may return the Article of a file that has not changed since it was last read;
    `kept(article)` is told of each article kept, in order, as soon as it is (the build starts extracting).
    Every article, reused or read, passes `validate` (as in `timeline check`); one that fails is left out.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    base = (root or Path.cwd()).resolve()
    for path in article_files(folders):
        shown = display_path(path, base)
        refused = file_problem(path, shown)
        if refused:
            problems.append(refused)
            continue
        known = reuse(path, shown) if reuse else None  # an unchanged file, as read last time
        article, found = (known, []) if known else read_article(path, shown)
        found = found + (article_problems(article) if article else [])
        problems.extend(found)
        if article is None or any(p.severity == "error" for p in found):
            continue
        if article.id in seen:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"duplicate article id '{article.id}' (also {seen[article.id]})",
                    "rename one of the files: the id is the file name without extension",
                )
            )
            continue
        seen[article.id] = shown
        articles.append(article)
        if kept:
            kept(article)
    return articles, problems


def read_article(path: Path, shown: str | None = None) -> tuple[Article | None, list[Problem]]:
    shown = shown or str(path)
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not valid UTF-8 (byte {err.start})", "re-save the file as UTF-8")]
    except OSError as err:
        return None, [Problem(shown, 1, f"cannot read file: {err.strerror}", "check the file's permissions")]
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    if "\0" in raw:
        line = raw.count("\n", 0, raw.index("\0")) + 1
        return None, [Problem(shown, line, "the file contains a NUL byte", "delete it, or re-save the file as text")]
    if path.suffix == ".md" or raw.startswith("---"):
        return _read_markdown(path, shown, raw)
    return _read_seed_format(path, shown, raw)


def _read_seed_format(path: Path, shown: str, raw: str) -> tuple[Article | None, list[Problem]]:
    match = SEED_HEADER.match(raw)
    if not match:
        return None, [
            Problem(
                shown,
                1,
                "no publication date: the first line must start with ' date YYYY-MM-DD '",
                "begin the file with ' date 2023-01-02 ' or use Markdown front matter with 'date:'",
            )
        ]
    published, problem = _parse_date(match.group(1), shown, 1)
    if problem:
        return None, [problem]
    body = raw[match.end() :]
    return _finish(path, shown, published, body, {}, 1)


def _read_markdown(path: Path, shown: str, raw: str) -> tuple[Article | None, list[Problem]]:
    lines = raw.split("\n")
    if lines[0].strip() != "---":
        return None, [
            Problem(
                shown,
                1,
                "Markdown article without front matter",
                "start the file with a '---' line, 'date: YYYY-MM-DD', and a closing '---'",
            )
        ]
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return None, [
            Problem(shown, 1, "front matter is never closed", "add a line '---' after the last front matter key")
        ]
    meta, problem = _parse_front_matter(shown, "\n".join(lines[1:close]))
    if problem:
        return None, [problem]
    odd = next((key for key, value in meta.items() if _has_odd_characters(key) or _has_odd_characters(value)), None)
    if odd is not None:
        line = _key_line(lines, close, odd) if isinstance(odd, str) and not _has_odd_characters(odd) else 2
        return None, [
            Problem(shown, line, "front matter holds a NUL or half a character (\\0, \\ud800)", "delete the escape")
        ]
    problems = []
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            problems.append(
                Problem(
                    shown,
                    _key_line(lines, close, key),
                    f"unknown front matter key '{key}'",
                    f"use only {', '.join(sorted(FRONT_MATTER_KEYS))}",
                )
            )
    problems += publish_terms_problems(shown, meta, lambda key: _key_line(lines, close, key))
    if "date" not in meta or meta["date"] in (None, ""):
        problems.append(
            Problem(
                shown,
                1,
                "no publication date in the front matter",
                "add a line 'date: YYYY-MM-DD' between the '---' lines",
            )
        )
        return None, problems
    published, problem = _parse_date(meta["date"], shown, _key_line(lines, close, "date"))
    if problem:
        return None, problems + [problem]
    if problems:
        return None, problems
    body = "\n".join(lines[close + 1 :])
    return _finish(path, shown, published, body, meta, close + 2)


def _parse_front_matter(shown: str, front: str) -> tuple[dict, Problem | None]:
    """The front matter's keys and values, or the Problem that stops it being read."""
    if len(front) > FRONT_MATTER_LIMIT or _nesting(front) > NESTING_LIMIT:  # PyYAML is quadratic in nesting
        return {}, Problem(shown, 2, "front matter too long or nested too deeply", "write each key as 'key: value'")
    try:
        meta = _load_front_matter(front)
    except RecursionError:
        return {}, Problem(shown, 2, "front matter nested too deeply", "write each key as 'key: value'")
    except yaml.YAMLError as err:
        line = yaml_error_line(err, first_line=2)  # the front matter starts on the file's second line
        reason = getattr(err, "problem", None) or "invalid YAML"
        fix = "write each key as 'key: value'; quote values that contain ':' or '#'"
        if "aliases" in reason:
            fix = "write each value out in full: anchors (&name) and aliases (*name) are not read"
        return {}, Problem(shown, line, f"broken front matter: {reason}", fix)
    if not isinstance(meta, dict):
        return {}, Problem(
            shown, 2, "front matter is not a set of 'key: value' lines", "write each key as 'key: value'"
        )
    return meta, None


def _load_front_matter(front: str):
    if "*" not in front:
        try:
            return yaml.load(front, Loader=_FastTextDatesLoader) or {}
        except yaml.YAMLError:
            pass  # read again below, for the same message and line as ever
    return yaml.load(front, Loader=_TextDatesLoader) or {}


def _finish(
    path: Path, shown: str, published: date, body: str, meta: dict, body_line: int
) -> tuple[Article | None, list[Problem]]:
    body = cut_runs(body.strip("\n").rstrip())
    if not body.strip():
        return None, [
            Problem(
                shown, body_line, "the article has no text", "paste the article's text after the date or front matter"
            )
        ]
    title = _text_or_none(meta.get("title"))
    title_from_text = title is None
    if title is None:
        title = first_sentence(body)
    return Article(
        id=path.stem,
        path=shown,
        date=published,
        title=title,
        outlet=_text_or_none(meta.get("outlet")),
        url=_text_or_none(meta.get("url")),
        language=_text_or_none(meta.get("language")) or detect_language(body),
        body=body,
        title_from_text=title_from_text,
        republish=meta.get("republish"),
        license=_text_or_none(meta.get("license")),
    ), []


def cut_runs(body: str) -> str:
    """Runs of more than SPACE_RUN spaces, and a phrase said more than REPEATS times in a row, cut to that many."""
    body = LONG_SPACE.sub(lambda m: m.group(0)[:SPACE_RUN], body)
    if not _may_repeat(body):  # the pattern tries every word of every text; almost none repeats a phrase
        return body
    return REPEATED.sub(lambda m: " ".join([m.group(1)] * REPEATS), body)


def _may_repeat(body: str) -> bool:
    """Whether a line holds a phrase of up to three words said more than REPEATS times in a row: then each of
    at least REPEATS × its length words in a row equals the word that many words on (what REPEATED needs)."""
    for line in body.split("\n"):
        words = line.split()
        for length in (1, 2, 3):
            needed = REPEATS * length
            if len(words) <= needed:
                break
            # one byte per word, 1 where it equals the word `length` on: a run of `needed` ones is what REPEATED needs
            if b"\1" * needed in bytes(map(operator.eq, words, words[length:])):
                return True
    return False


def first_sentence(body: str) -> str:
    text = " ".join(body[:600].split())
    match = FIRST_SENTENCE.match(text)
    sentence = match.group(1) if match else text[:120]
    return sentence.rstrip(".") if len(sentence) <= 160 else sentence[:157].rsplit(" ", 1)[0] + "…"


def _parse_date(value, shown: str, line: int) -> tuple[date | None, Problem | None]:
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    try:
        published = date.fromisoformat(text) if ISO_DATE.match(text) else None
    except ValueError:
        published = None
    if published is None:
        message = f"date '{text}' is not a real date in the form YYYY-MM-DD"
    elif not YEARS[0] <= published.year <= YEARS[1]:
        message = f"date '{text}' is outside the years {YEARS[0]}–{YEARS[1]}"
    else:
        return published, None
    return None, Problem(shown, line, message, "write the publication date as YYYY-MM-DD, e.g. 2023-01-02")


def _nesting(text: str) -> int:
    depth = deepest = 0
    for character in re.findall(r"[\[\]{}]", text):
        depth = depth + 1 if character in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _has_odd_characters(value) -> bool:
    if isinstance(value, str):
        return bool(ODD_CHARACTERS.search(value))
    if isinstance(value, dict):
        return any(_has_odd_characters(k) or _has_odd_characters(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_odd_characters(v) for v in value)
    return False


def _key_line(lines: list[str], close: int, key: str) -> int:
    for i in range(1, close):
        if lines[i].split(":", 1)[0].strip() == key:
            return i + 1
    return 1


def _text_or_none(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def display_path(path: Path, base: Path) -> str:
    """The path as a maintainer would type it: relative to the project where it lies inside."""
    absolute = str(path if path.is_absolute() else base / path)
    prefix = str(base).rstrip(os.sep) + os.sep
    return absolute[len(prefix) :] if absolute.startswith(prefix) else str(path)
