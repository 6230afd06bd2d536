"""Timeline pages: the home page (newest first), Background, and each year's, month's or range's page.

Takes the site's look-ups and gives the timeline's pages and their filter
indexes. Each event is a card on a vertical line: its date at its precision,
title, place, number of sources, and a badge naming the disputed figure and
its spread. The periods come from `periods.py`; the navigation between them
(years, month index, previous and next, date jump, filters) from
`timeline_nav.py`.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from itertools import groupby

from ..model import Event, Timeline
from .event import sources_label
from .filter_index import filter_index
from .format import MONTHS, escape, human_date, spread
from .pages import EVENTS_PER_PAGE, Page, SiteIndex, link_to, page, place_url
from .periods import BACKGROUND, Period, Periods, reading_order, timeline_periods
from .timeline_nav import date_jump, events_count, filters, month_index, month_list, pager, search_form, year_jump


def timeline_pages(index: SiteIndex) -> list[Page]:
    periods = timeline_periods(index.timeline, index.options.events_per_page)
    pages = [_home(index, periods)]
    shown = periods.pages
    for period in periods.every:
        if period.index:
            pages.append(_year_index_page(index, periods, period))
            continue
        at = shown.index(period)
        before, after = shown[at - 1] if at else None, shown[at + 1] if at + 1 < len(shown) else None
        pages.append(_period_page(index, periods, period, before, after))
    if periods.background:
        pages.append(filter_index(index, BACKGROUND, periods.background.events))
    for year in periods.years:
        pages.append(filter_index(index, year, (e for p in periods.by_year[year] for e in p.events)))
    return pages


def years_nav(
    timeline: Timeline, events_per_page: int = EVENTS_PER_PAGE, page_path=lambda path: path
) -> list[dict[str, str]]:
    """The navigation's Years section: Background, then each covered year's page; `page_path` maps a page's
    source path to where an exported build puts it."""
    periods = timeline_periods(timeline, events_per_page)
    background = [{"Background": page_path(periods.background.path)}] if periods.background else []
    return background + [{year: page_path(periods.by_year[year][0].path)} for year in periods.years]


def _card(event: Event, url: str, anchor: str = "") -> str:
    anchor_attribute = f' id="{escape(anchor)}"' if anchor else ""
    badges = "".join(
        f'<span class="tl-badge" title="sources disagree on {d.kind}">⚠ {d.kind}: '
        f"{spread([v for vs in d.values.values() for v in vs])}</span>"
        for d in event.discrepancies[:3]
    )
    place = (
        f'<a class="tl-place" href="{link_to(url, place_url(event.place))}">{escape(event.place)}</a> · '
        if event.place
        else ""
    )
    return (
        f'<li class="tl-card"{anchor_attribute}>'
        f'<time datetime="{escape(event.date)}">{human_date(event.date, event.date_precision)}</time>'
        f'<a class="tl-title" href="{link_to(url, event.page)}">{escape(event.title)}</a>'
        f'<span class="tl-card-meta">{place}{"context" if event.curated else escape(sources_label(event))}</span>'
        f"{badges}</li>"
    )


def _event_list(events: list[Event], url: str, newest_first: bool = False) -> str:
    """Events grouped by year and month, each heading sticky while its events scroll by.

    In time order each month's section and each day's first card carry the
    date as their id ("2022-03", "2022-03-08"), so a link can point at a day.
    """
    by_month: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        by_month[(event.date[:4], event.date[5:7] if event.date_precision != "year" else "")].append(event)
    months = sorted(by_month.items(), reverse=newest_first)
    out, current_year, anchored = ['<div class="tl-line">'], None, set()
    for (year, month), month_events in months:
        if year != current_year:
            out.append("</section>" if current_year is not None else "")
            out.append(f'<section class="tl-year"><h2 class="tl-sticky tl-year-head">{year}</h2>')
            current_year = year
        name = f"{MONTHS[int(month) - 1]} {year}" if month else f"During {year}"
        cards = []
        for event in _newest_days_first(month_events) if newest_first else month_events:
            day = event.date if event.date_precision == "day" and not newest_first else ""
            cards.append(_card(event, url, day if day not in anchored else ""))
            anchored.add(day)
        section_id = f' id="{year}-{month}"' if month and not newest_first else ""
        out.append(
            f'<section class="tl-month"{section_id}><h3 class="tl-sticky tl-month-head">{name}</h3>'
            f'<ol class="tl-events">{"".join(cards)}</ol></section>'
        )
    out.append("</section></div>" if current_year is not None else "</div>")
    return "".join(out)


def _newest_days_first(events: list[Event]) -> list[Event]:
    """Events in reading order, the newest day first; within a day the most reported still first."""
    days = [list(same_day) for _, same_day in groupby(events, key=lambda e: e.date)]
    return [event for day in reversed(days) for event in day]


def _home(index: SiteIndex, periods: Periods) -> Page:
    url = ""
    events = index.timeline.events
    shown = sorted(heapq.nlargest(index.options.home_events, events, key=_newsworthiness), key=reading_order)
    intro = (
        f'<p class="tl-summary">{len(index.timeline.articles)} articles, {len(events)} events. Each event '
        "shows what every source and every party claimed; ⚠ marks figures the sources disagree on.</p>"
    )
    newest = (
        f"<p>The newest {len(shown)} of {len(events)} events, newest first; every event is on its month's page.</p>"
        if len(shown) < len(events)
        else "<p>Newest first.</p>"
    )
    scopes = ([BACKGROUND] if periods.background else []) + list(periods.years)
    body = [
        "<h1>Timeline</h1>",
        intro,
        search_form(url),
        month_index(url, periods, periods.years),
        newest,
        date_jump(url, periods),
        filters(url, scopes, "in the whole timeline", newest_first=True),
        _event_list(shown, url, newest_first=True),
    ]
    return page("index.md", "Timeline", body)


def _newsworthiness(event: Event) -> tuple[str, int, str]:
    """What the home page keeps: the newest days, and where its cut falls inside a day, that day's most reported
    happenings (reading order puts them first within the day)."""
    return (event.date, len(event.main_articles), event.id)


def _period_page(
    index: SiteIndex, periods: Periods, period: Period, before: Period | None, after: Period | None
) -> Page:
    url = period.url
    background = period.scope == BACKGROUND
    body = [
        f"<h1>{escape(period.label)}</h1>",
        year_jump(url, periods, period.scope),
        _background_intro(periods.since) if background else month_index(url, periods, [period.scope], current=period),
        pager(url, before, after, "top"),
        date_jump(url, periods, period.key),
        filters(url, [period.scope], f"before {periods.since}" if background else f"in {period.scope}"),
        _event_list(list(period.events), url),
        pager(url, before, after, "bottom"),
    ]
    return page(period.path, period.label, body)


def _year_index_page(index: SiteIndex, periods: Periods, period: Period) -> Page:
    """A year cut into months: its months with their ranges, and the events dated only by the year."""
    url = period.url
    count = sum(len(p.events) for p in periods.by_year[period.scope])
    body = [
        f"<h1>{escape(period.label)}</h1>",
        year_jump(url, periods, period.scope),
        f'<p class="tl-summary">{events_count(count)}, by month:</p>',
        month_list(url, periods, period.scope),
        date_jump(url, periods, period.key),
        filters(url, [period.scope], f"in {period.scope}"),
        _event_list(list(period.events), url) if period.events else "",
    ]
    return page(period.path, period.label, body)


def _background_intro(first: str) -> str:
    return (
        f'<p class="tl-summary">What happened before {first}, the year of the first article: history the '
        "articles recall and context the maintainers list, on one page.</p>"
    )
