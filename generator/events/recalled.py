"""Recalled context: an article whose happening was read as a curated context event's day, weeks later.

A maintainer lists in `content/events.yml` the context events that many
articles recall (the start of the invasion). A report published weeks after
such a day whose main date came out as that very day ("Hours after Russia
invaded on Feb. 24, ...") is recalling the context in its lede, not reporting
it: its own happening is the report's day. Takes the extractions and the
maintainer's overrides; gives the extractions with those main dates moved.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Extraction, Override, first_day, precision_of

RECALL_DAYS = 7  # a report published more than a week after a context event's day is not its report


def date_recollections(extractions: list[Extraction], overrides: list[Override]) -> list[Extraction]:
    """The extractions, each that recalls a curated event's day as its own happening dated by its report."""
    days = {o.date for o in overrides if o.is_curated and precision_of(o.date) == "day"}
    if not days:
        return extractions
    return [_dated_by_report(x) if _recalls(x, days) else x for x in extractions]


def _recalls(x: Extraction, days: set[str]) -> bool:
    return x.main.date in days and (x.article.date - first_day(x.main.date)).days > RECALL_DAYS


def _dated_by_report(x: Extraction) -> Extraction:
    return replace(x, main=replace(x.main, date=x.article.date.isoformat(), precision="day"))
