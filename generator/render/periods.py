"""Time on the timeline: a Timeline's events -> the periods its pages show.

Years before the first article's year (history the articles recall, from
1812 to 2014) share one Background period. A later year is one period when
its events fit a page; a bigger year is cut by month, and a month bigger
than a page by weeks (1–7, 8–14, 15–21, 22 to the end), a week too big by
runs of whole days, a day too big by parts. Weeks are fixed rather than
filled to a count, so articles added in one week never move another week's
pages. Each period knows its label ("8–14 March 2022") and its key, from
which both its address and the date jump's map are made.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..model import Event, Timeline
from .format import MONTHS

BACKGROUND = "background"
WEEK_STARTS = (1, 8, 15, 22)  # a big month's ranges of days; the last runs to the month's end


@dataclass(frozen=True)
class Period:
    """The events one timeline page shows.

    `key` is what the page's address is made of: "background", a year
    ("2019"), a month ("2022-03") or the first day of a range ("2022-03-08").
    A year cut into months keeps a period of its own, `index`, for its
    month list and the events dated only by the year; a day with more
    events than a page is cut into parts ("2022-02-24", "2022-02-24-2").
    """

    key: str
    label: str
    scope: str  # the year whose filter index the page uses, or "background"
    events: tuple[Event, ...]
    index: bool = False
    last_day: str = ""  # a range's last day of the month ("14"); "" for a whole month or year
    short: str = ""  # a range's label within its month: "8–14", "24, part 2"

    @property
    def url(self) -> str:
        return "years/" + self.key.replace("-", "/") + "/"

    @property
    def path(self) -> str:
        return "years/" + self.key.replace("-", "/") + ".md"


@dataclass(frozen=True)
class Periods:
    """Every period of the timeline in time order (Background first), and the years each group holds.

    What every timeline page's navigation shows is worked out once per build (cached properties): the pages
    are immutable, and working it out for each of 60 pages walked all 5,000 events 60 times."""

    background: Period | None
    since: str  # the first article's year: the years before it are Background
    years: tuple[str, ...]  # the covered years: each has its own page
    by_year: dict[str, tuple[Period, ...]]  # a covered year's periods; the first is the year's own page

    @cached_property
    def pages(self) -> tuple[Period, ...]:
        """Periods a reader pages through, in time order: Background, then each year's or month's ranges."""
        first = (self.background,) if self.background else ()
        return first + tuple(p for y in self.years for p in self.by_year[y] if not p.index)

    @cached_property
    def every(self) -> tuple[Period, ...]:
        first = (self.background,) if self.background else ()
        return first + tuple(p for y in self.years for p in self.by_year[y])

    @cached_property
    def event_years(self) -> list[str]:
        """The years of every event, newest first (the date jump's choice)."""
        return sorted({e.date[:4] for p in self.every for e in p.events}, reverse=True)

    @cached_property
    def months(self) -> dict[str, list[tuple[str, int, list[Period]]]]:
        """Each covered year's months in order: (month "2022-03", its number of events, the pages that show it);
        an uncut year's months are places on its one page."""
        found = {}
        for year in self.years:
            pages_of: dict[str, list[Period]] = defaultdict(list)
            for period in self.by_year[year]:
                if not period.index:
                    for month in sorted({e.date[:7] for e in period.events if e.date_precision != "year"}):
                        if period not in pages_of[month]:
                            pages_of[month].append(period)
            found[year] = [
                (month, sum(e.date[:7] == month for p in pages for e in p.events), pages)
                for month, pages in sorted(pages_of.items())
            ]
        return found


def reading_order(event: Event) -> tuple[str, int, str]:
    """Time order; on one day, the happening the most reports tell first (a busy day's main strike before its
    single-source items), then by id."""
    return (event.date, -len(event.main_articles), event.id)


def first_article_year(timeline: Timeline) -> int | None:
    return min((a.date.year for a in timeline.articles), default=None)


def timeline_periods(timeline: Timeline, per_page: int) -> Periods:
    """The Background period and each covered year's periods; `per_page` events is what one page holds."""
    events = sorted(timeline.events, key=reading_order)
    first = first_article_year(timeline)
    old = tuple(e for e in events if first is not None and int(e.date[:4]) < first)
    background = Period(BACKGROUND, "Background", BACKGROUND, old) if old else None
    by_year: dict[str, list[Event]] = defaultdict(list)
    for event in events[len(old) :]:
        by_year[event.date[:4]].append(event)
    return Periods(
        background,
        str(first or ""),
        tuple(sorted(by_year)),
        {year: year_periods(year, year_events, per_page) for year, year_events in sorted(by_year.items())},
    )


def year_periods(year: str, events: list[Event], per_page: int) -> tuple[Period, ...]:
    """A year that fits a page is one period; else its index (events known only by year), then its months."""
    if len(events) <= per_page:
        return (Period(year, year, year, tuple(events)),)
    by_month: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_month[event.date[:7] if event.date_precision != "year" else ""].append(event)
    periods = [Period(year, year, year, tuple(by_month.pop("", ())), index=True)]
    for month, month_events in sorted(by_month.items()):
        periods.extend(month_periods(month, month_events, per_page))
    return tuple(periods)


def month_periods(month: str, events: list[Event], per_page: int) -> list[Period]:
    """A month that fits a page is one period; else its week ranges, a week too big cut into runs of days.

    The month's first period takes the month's address ("2022-03") and the
    events dated only by the month; the others are keyed by their first day.
    """
    year, number = month.split("-")
    if len(events) <= per_page:
        return [Period(month, f"{MONTHS[int(number) - 1]} {year}", year, tuple(events))]
    month_end = calendar.monthrange(int(year), int(number))[1]
    by_day: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_day[int(event.date[8:10]) if event.date_precision == "day" else 0].append(event)
    counts = {day: len(by_day.get(day, ())) for day in range(1, month_end + 1)}
    counts[1] += len(by_day.get(0, ()))  # events dated by the month alone open its first page
    ranges: list[tuple[int, int]] = []
    for start, end in zip(WEEK_STARTS, (*[s - 1 for s in WEEK_STARTS[1:]], month_end), strict=True):
        ranges.extend(_days_that_fit(counts, start, end, per_page))
    periods: list[Period] = []
    for start, end in ranges:
        days = range(0 if not periods else start, end + 1)
        chosen = [e for day in days for e in by_day.get(day, ())]
        parts = [chosen[i : i + per_page] for i in range(0, len(chosen), per_page)]  # a day too big for a page
        for part, part_events in enumerate(parts, 1):
            key = (month if not periods else f"{month}-{start:02d}") + (f"-{part}" if part > 1 else "")
            days_label = f"{start}" if start == end else f"{start}–{end}"  # '8–14'; one day: '24'
            part_label = f", part {part}" if len(parts) > 1 else ""
            label = f"{days_label} {MONTHS[int(number) - 1]} {year}{part_label}"
            periods.append(
                Period(key, label, year, tuple(part_events), last_day=f"{end:02d}", short=days_label + part_label)
            )
    return periods


def _days_that_fit(counts: dict[int, int], start: int, end: int, per_page: int) -> list[tuple[int, int]]:
    """A week's days as one range if it fits a page, else as runs of whole days that each fit (a day too big
    for a page alone is a run of its own, cut into parts later)."""
    if sum(counts[day] for day in range(start, end + 1)) <= per_page:
        return [(start, end)]
    runs, first, count = [], start, 0
    for day in range(start, end + 1):
        if count and count + counts[day] > per_page:
            runs.append((first, day - 1))
            first, count = day, 0
        count += counts[day]
    return [*runs, (first, end)]
