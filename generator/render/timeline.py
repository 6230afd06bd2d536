"""Timeline pages: the home page, one page per year, and month pages where a year is large.

Each event is a card on a vertical line: its date at its precision, title,
place, number of sources, and a badge naming the disputed figure and its
spread. Cards carry data attributes for the page's own filters.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Event, Timeline
from .event import sources_label
from .format import KIND_LABEL, MONTHS, escape, human_date, slug, spread
from .pages import Page, SiteIndex, link_to, page, place_url

EARLIER_URL = "years/earlier/"


def timeline_pages(index: SiteIndex) -> list[Page]:
    events = sorted(index.timeline.events, key=lambda e: (e.date, e.id))
    by_year: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_year[event.date[:4]].append(event)
    covered, earlier = year_groups(index.timeline)
    pages = [_home(index, events, covered, earlier)]
    for year, year_events in sorted(by_year.items()):
        jump_years = earlier if year in earlier else covered
        pages.extend(_year_pages(index, year, year_events, jump_years, earlier))
    if earlier:
        pages.append(_earlier_page(covered, earlier, by_year))
    return pages


def year_groups(timeline: Timeline) -> tuple[list[str], list[str]]:
    """The years the site covers, and the earlier years that articles only recall.

    Covered: from the year before the first article was published (reports
    look back a year, as to a war's start). Articles also recall history
    (1941, 1991); listing every such year in the navigation would bury the
    years the site is about, so those share one page.
    """
    years = sorted({e.date[:4] for e in timeline.events})
    first = min((a.date.year for a in timeline.articles), default=None)
    earlier = [y for y in years if first is not None and int(y) < first - 1]
    return [y for y in years if y not in earlier], earlier


def year_url(year: str) -> str:
    return f"years/{year}/"


def _year_jump(url: str, years: list[str], earlier: list[str], current: str | None = None) -> str:
    links = " ".join(
        f'<a href="{link_to(url, year_url(y))}"{" aria-current=page" if y == current else ""}>{y}</a>' for y in years
    )
    if earlier and years is not earlier:
        links = f'<a href="{link_to(url, EARLIER_URL)}">Earlier</a> ' + links
    return f'<nav class="tl-years" aria-label="Jump to a year">Years: {links}</nav>'


def _earlier_page(covered: list[str], earlier: list[str], by_year: dict[str, list[Event]]) -> Page:
    """The years before the coverage that articles recall, each with its number of events."""
    url = EARLIER_URL
    items = "".join(
        f'<li><a href="{link_to(url, year_url(y))}">{y}</a> · {len(by_year[y])} '
        f"event{'s' if len(by_year[y]) != 1 else ''}</li>"
        for y in earlier
    )
    body = [
        "<h1>Earlier years</h1>",
        _year_jump(url, covered, earlier),
        f"<p>Years before {covered[0] if covered else 'the coverage'} that the articles recall.</p>",
        f'<ul class="tl-earlier">{items}</ul>',
    ]
    return page("years/earlier.md", "Earlier years", body)


def _search_form(url: str) -> str:
    """A plain form to the search page, which opens with the results for `q`."""
    return (
        f'<form class="tl-search-form" role="search" action="{link_to(url, "search/")}">'
        '<label>Search events and articles <input type="search" name="q" required></label> '
        '<button type="submit">Search</button></form>'
    )


def _filters(events: list[Event], index: SiteIndex) -> str:
    """Selects for party, place and kind of figure; `timeline.js` hides the cards that do not match."""
    parties = sorted({c.party for e in events for c in e.claims})
    places = sorted({e.place for e in events if e.place})
    kinds = sorted({f.kind for e in events for c in e.claims for f in c.figures})

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        items = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
        return (
            f'<label>{label} <select data-filter="{escape(name)}"><option value="">all</option>{items}</select></label>'
        )

    return (
        '<form class="tl-filters" aria-label="Filter events">'
        + select("party", "Party", [(slug(p), index.party(p)) for p in parties])
        + select("place", "Place", [(slug(p), p) for p in places])
        + select("kind", "Figure", [(k, KIND_LABEL.get(k, k)) for k in kinds])
        + '<output class="tl-count" aria-live="polite"></output></form>'
    )


def _card(index: SiteIndex, event: Event, url: str) -> str:
    parties = " ".join(sorted({slug(c.party) for c in event.claims}))
    kinds = " ".join(sorted({f.kind for c in event.claims for f in c.figures}))
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
        f'<li class="tl-card" data-party="{escape(parties)}" data-place="{escape(slug(event.place or ""))}"'
        f' data-kind="{escape(kinds)}">'
        f'<time datetime="{escape(event.date)}">{human_date(event.date, event.date_precision)}</time>'
        f'<a class="tl-title" href="{link_to(url, event.page)}">{escape(event.title)}</a>'
        f'<span class="tl-card-meta">{place}{"context" if event.curated else escape(sources_label(event))}</span>'
        f"{badges}</li>"
    )


def _event_list(index: SiteIndex, events: list[Event], url: str, heading_level: int = 2) -> str:
    """Events grouped by year and month, each heading sticky while its events scroll by."""
    out = ['<div class="tl-line">']
    by_month: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        by_month[(event.date[:4], event.date[5:7] if event.date_precision != "year" else "")].append(event)
    current_year = None
    for (year, month), month_events in sorted(by_month.items()):
        if year != current_year:
            if current_year is not None:
                out.append("</section>")
            out.append(
                f'<section class="tl-year" id="y{year}"><h{heading_level} class="tl-sticky tl-year-head">'
                f"{year}</h{heading_level}>"
            )
            current_year = year
        name = MONTHS[int(month) - 1] if month else "During the year"
        out.append(
            f'<section class="tl-month"><h{heading_level + 1} class="tl-sticky tl-month-head">{name} {year}'
            f'</h{heading_level + 1}><ol class="tl-events">'
            + "".join(_card(index, e, url) for e in month_events)
            + "</ol></section>"
        )
    if current_year is not None:
        out.append("</section>")
    out.append("</div>")
    return "".join(out)


def _home(index: SiteIndex, events: list[Event], years: list[str], earlier: list[str]) -> Page:
    url, home = "", index.options.home_events
    shown = [e for e in events if e.main_articles][-home:] if len(events) > home else events
    intro = (
        f'<p class="tl-summary">{len(index.timeline.articles)} articles, {len(events)} events. Each event '
        "shows what every source and every party claimed; ⚠ marks figures the sources disagree on.</p>"
    )
    more = (
        ""
        if shown is events
        else f"<p>Showing the latest {len(shown)} reported events; every event is on its year's page.</p>"
    )
    body = [
        "<h1>Timeline</h1>",
        intro,
        _search_form(url),
        _year_jump(url, years, earlier),
        _filters(shown, index),
        more,
        _event_list(index, shown, url),
    ]
    return page("index.md", "Timeline", body)


def _year_pages(index: SiteIndex, year: str, events: list[Event], years: list[str], earlier: list[str]) -> list[Page]:
    """One page per year; a year with more events than a page holds gets numbered pages."""
    size = index.options.events_per_page
    chunks = [events[i : i + size] for i in range(0, len(events), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks):
        path = f"years/{year}.md" if number == 0 else f"years/{year}/page-{number + 1}.md"
        url = year_url(year) + (f"page-{number + 1}/" if number else "")
        pager = ""
        if len(chunks) > 1:
            pager_links = " ".join(
                f'<a href="{link_to(url, year_url(year) + (f"page-{i + 1}/" if i else ""))}"'
                f"{' aria-current=page' if i == number else ''}>{human_date(c[0].date, c[0].date_precision)}</a>"
                for i, c in enumerate(chunks)
            )
            pager = f'<nav class="tl-pages" aria-label="Pages of {year}">Pages: {pager_links}</nav>'
        body = [
            f"<h1>{year}</h1>",
            _year_jump(url, years, earlier, year),
            pager,
            _filters(chunk, index),
            _event_list(index, chunk, url),
            pager,
        ]
        pages.append(page(path, year if number == 0 else f"{year} (page {number + 1})", body))
    return pages
