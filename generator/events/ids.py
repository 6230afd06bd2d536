"""Event ids: the page address of an event, from its date, its place and what happened.

An event's id comes from its anchor: the first report of it (earliest
publication, then file name). Later reports join without renaming it, so
adding an article never changes another event's id; what happened is the
anchor headline's first distinguishing words. A maintainer's `id:` wins,
and the id the event would have had becomes an alias whose page redirects.
"""

from __future__ import annotations

from collections import Counter

from ..model import Extraction
from ..slug import slugify
from .similarity import STOPWORDS
from .titles import clean_headline

WHAT_WORDS = 3
MAX_CHARS = 70


def event_slug(value: str, place: str | None, title: str) -> str:
    """('2022-08-24', 'Chaplyne', 'Russian strike on station') -> '2022-08-24-chaplyne-russian-strike-station'"""
    words = [w for w in slugify(title).split("-") if w not in STOPWORDS][:WHAT_WORDS]
    where = slugify(place or "")
    what = "-".join(w for w in words if w not in where.split("-"))
    return slugify(f"{value} {where} {what}", max_chars=MAX_CHARS) or value


def anchor_of(extractions: list[Extraction]) -> Extraction:
    return min(extractions, key=lambda x: (x.article.date, x.article.id))


def automatic_id(extractions: list[Extraction]) -> str:
    """The id a cluster of reports gets from its anchor, before any override."""
    anchor = anchor_of(extractions)
    title = (
        anchor.main.title
        if anchor.article.title_from_text
        else clean_headline(anchor.article.title, None, anchor.article.language)
    )
    return event_slug(anchor.main.date, anchor.main.place, title)


def unique_ids(bases: list[str], anchors: list[tuple]) -> list[str]:
    """Give a second event with the same base '-2', a third '-3', in the order of their anchors.

    Ordering by anchor (first report) rather than by assembly means a new
    article can take a suffix only from events first reported after it.
    """
    used: Counter = Counter()
    result = [""] * len(bases)
    for i in sorted(range(len(bases)), key=lambda i: anchors[i]):
        used[bases[i]] += 1
        result[i] = bases[i] if used[bases[i]] == 1 else f"{bases[i]}-{used[bases[i]]}"
    return result
