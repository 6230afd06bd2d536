"""`timeline new`: flags (and a pasted text) -> a new article file in `content/articles/`.

The file name is `<date>_<slug>.md` with an ASCII slug built here, so no
title can reach outside the folder; an existing file is never overwritten.
Values go into the front matter through the YAML dumper, so a title with a
colon or a quote still reads back as written.
"""

from __future__ import annotations

import argparse
import re
import select
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .ingest import ARTICLE_SUFFIXES
from .slug import slugify as project_slug
from .validate import PLACEHOLDER, URL, is_language_code

SLUG_WORDS = 8
SLUG_CHARS = 60
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def run_new(args: argparse.Namespace) -> int:
    """Write the file and say where it is; a bad flag is a message naming it, exit 2. With `--claims FILE`
    (and no --date), only list what the extractor reads in FILE."""
    listing = getattr(args, "claims", None)
    if listing and not args.date:
        return _list_claims(Path(listing), args)
    error = _flag_error(args)
    if error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = _pasted_text(getattr(args, "stdin", False))
    folder = Path(args.into)
    name = f"{args.date}_{article_slug(args.title, args.outlet, args.url, text)}"
    clash = next((folder / f"{name}{s}" for s in ARTICLE_SUFFIXES if (folder / f"{name}{s}").exists()), None)
    if clash:
        print(f"error: {clash} already exists; not overwriting it", file=sys.stderr)
        print("fix: edit that file, or pass a different --title to get another name", file=sys.stderr)
        return 1
    path = folder / f"{name}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(article_text(args, text))
    except FileExistsError:
        print(f"error: {path} already exists; not overwriting it", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: cannot write {path}: {err.strerror}", file=sys.stderr)
        return 1
    print(f"created {path}")
    if not text:
        print("next: paste the article's text into it, then run `timeline check`")
    elif listing is not None:
        return _list_claims(path, args)
    return 0


def _list_claims(path: Path, args: argparse.Namespace) -> int:
    from .claims_listing import print_claims  # the extractor loads only when asked for

    return print_claims(path, [Path(p) for p in (getattr(args, "content", None) or ["content"])])


def _flag_error(args: argparse.Namespace) -> str | None:
    if not args.date:
        return "--date is required: the publication date as YYYY-MM-DD, e.g. --date 2023-01-02"
    if not ISO_DATE.match(args.date):
        return f"--date '{args.date}' must be YYYY-MM-DD, e.g. --date 2023-01-02"
    try:
        date.fromisoformat(args.date)
    except ValueError:
        return f"--date '{args.date}' is not a real date"
    if args.url and not URL.match(args.url):
        return f"--url '{args.url}' must be a full address starting with https://"
    if args.language and not is_language_code(args.language):
        return f"--language '{args.language}' must be a language code such as en, uk, ru or es"
    return None


def article_slug(title: str | None, outlet: str | None, url: str | None, text: str = "") -> str:
    """An ASCII slug from the first of title, outlet, the URL's site or the text that has letters."""
    host = urlsplit(url).hostname if url else None
    for source in (title, outlet, host and host.removeprefix("www."), text[:200]):
        slug = slugify(source or "")
        if slug:
            return slug
    return "article"


def slugify(text: str) -> str:
    """An article's slug: at most SLUG_WORDS words and SLUG_CHARS characters of the project's slug."""
    return project_slug(text, SLUG_WORDS, SLUG_CHARS)


def article_text(args: argparse.Namespace, text: str) -> str:
    """Front matter with every key (empty ones left blank to fill in) and the body."""
    meta = [
        ("title", args.title),
        ("date", args.date),
        ("outlet", args.outlet),
        ("url", args.url),
        ("language", args.language),
    ]
    lines = ["---"]
    for key, value in meta:
        lines.append(f"{key}: {_yaml_scalar(value)}" if value else f"{key}:")
    lines += ["---", "", text or PLACEHOLDER, ""]
    return "\n".join(lines)


def _yaml_scalar(value: str) -> str:
    """The value as YAML writes it: quoted when it would otherwise read back differently."""
    if ISO_DATE.match(value):
        return value  # a date stays a date
    dumped = yaml.safe_dump({"k": value}, allow_unicode=True, width=1_000_000, default_flow_style=False)
    return dumped[len("k: ") :].rstrip("\n")


def _pasted_text(forced: bool) -> str:
    """The text on standard input: with --stdin always, otherwise only when a pipe has data waiting."""
    stream = sys.stdin
    if stream is None:
        return ""
    if not forced:
        if stream.isatty():
            return ""
        try:
            ready, _, _ = select.select([stream], [], [], 0)
        except (OSError, ValueError):  # no select on this stream (Windows pipes, closed stdin)
            return ""
        if not ready:
            return ""
    try:
        raw = stream.read()
    except (OSError, ValueError):
        return ""
    return raw.replace("\r\n", "\n").strip()
