"""Ways through the timeline's pages: years, the month index, previous and next, a date jump, filters, search.

Takes the periods (`periods.py`) and the address of the page being built,
and gives HTML pieces with links relative to that page, so they work under
any sub-path (GitHub Pages' /REPO/). The date jump and the filters are
forms that `theme/assets/timeline.js` brings to life: they carry, as data
attributes, the map of periods (the date jump finds a day's page without a
server) and the addresses of the filter indexes; without JavaScript they
stay hidden and the pages show their cards and links.
"""

from __future__ import annotations

from .filter_index import filter_index_url
from .format import MONTHS, escape
from .pages import link_to
from .periods import BACKGROUND, Period, Periods

FILTERS = (("party", "Party"), ("place", "Place"), ("kind", "Figure kind"), ("outlet", "Outlet"))


def search_form(url: str) -> str:
    """A plain form to the search page, which opens with the results for `q`."""
    return (
        f'<form class="tl-search-form" role="search" action="{link_to(url, "search/")}">'
        '<label>Search events and articles <input type="search" name="q" required></label> '
        '<button type="submit">Search</button></form>'
    )


def _current(flag: bool) -> str:
    return ' aria-current="page"' if flag else ""


def year_jump(url: str, periods: Periods, scope: str = "") -> str:
    links = [
        f'<a href="{link_to(url, periods.by_year[y][0].url)}"{_current(y == scope)}>{y}</a>' for y in periods.years
    ]
    if periods.background:
        here = _current(scope == BACKGROUND)
        links.insert(0, f'<a href="{link_to(url, periods.background.url)}"{here}>Background</a>')
    return f'<nav class="tl-years" aria-label="Years">Years: {" ".join(links)}</nav>'


def _month_entries(url: str, periods: Periods, year: str) -> list[tuple[str, str, int, list[Period]]]:
    """A year's months: (month, name, number of events, pages), each with the address of its first page;
    an uncut year's months are places on its one page ("years/2019/#2019-03")."""
    entries = []
    for month, count, pages in periods.months[year]:
        href = link_to(url, pages[0].url) + (f"#{month}" if pages[0].key == year else "")
        entries.append((month, href, count, pages))
    return entries


def month_index(url: str, periods: Periods, years, current: Period | None = None) -> str:
    """Each year's months as links, newest year first, then Background; on a month's page (`current`),
    the ranges of a month cut into several pages follow its year's line."""
    lines = []
    for year in sorted(years, reverse=True):
        entries = _month_entries(url, periods, year)
        links = " ".join(
            f'<a href="{href}" title="{_month_name(month)}: {events_count(count)}"'
            f"{_current(current is not None and current.key[:7] == month)}>{_month_name(month)[:3]}</a>"
            for month, href, count, _ in entries
        ) or events_count(sum(len(p.events) for p in periods.by_year[year]))  # events dated by the year alone
        year_link = f'<a class="tl-month-year" href="{link_to(url, periods.by_year[year][0].url)}">{year}</a>'
        lines.append(f"<li>{year_link}: {links}</li>")
        cut = [pages for month, _, _, pages in entries if current is not None and current.key[:7] == month]
        if cut and len(cut[0]) > 1:
            lines.append(_ranges_line(url, cut[0], current))
    if periods.background and current is None:
        lines.append(
            f'<li><a class="tl-month-year" href="{link_to(url, periods.background.url)}">Background</a>: '
            f"{events_count(len(periods.background.events))} before {periods.since}</li>"
        )
    return f'<nav class="tl-month-index" aria-label="Months"><ul>{"".join(lines)}</ul></nav>'


def month_list(url: str, periods: Periods, year: str) -> str:
    """A year cut into months, on its own page: a line per month with its number of events and its ranges."""
    items = []
    for month, href, count, pages in _month_entries(url, periods, year):
        ranges = " · ".join(f'<a href="{link_to(url, p.url)}">{p.short}</a>' for p in pages)
        items.append(
            f'<li><a href="{href}">{_month_name(month)}</a> · {events_count(count)}'
            + (f": {ranges}" if len(pages) > 1 else "")
            + "</li>"
        )
    return f'<ul class="tl-month-list">{"".join(items)}</ul>'


def _month_name(month: str) -> str:
    """'2022-03' -> 'March 2022'."""
    return f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}"


def events_count(count: int) -> str:
    return f"{count:,} event{'s' if count != 1 else ''}"


def _ranges_line(url: str, pages: list[Period], current: Period) -> str:
    month = _month_name(current.key)
    links = " · ".join(f'<a href="{link_to(url, p.url)}"{_current(p == current)}>{p.short}</a>' for p in pages)
    return f'<li class="tl-ranges">Pages of {month}: {links}</li>'


def pager(url: str, before: Period | None, after: Period | None, where: str) -> str:
    """Links to the pages just before and after this one in time, across months and years."""
    if not before and not after:
        return ""
    links = (f'<a rel="prev" href="{link_to(url, before.url)}">← {escape(before.label)}</a>' if before else "") + (
        f'<a rel="next" href="{link_to(url, after.url)}">{escape(after.label)} →</a>' if after else ""
    )
    return f'<nav class="tl-pager" aria-label="Earlier and later pages, {where}">{links}</nav>'


def period_map(periods: Periods) -> str:
    """The date jump's map: each page's key, and for a range of days its last day ("2022-03-08/14").

    A day's later parts ("2022-02-24-2") are left out: a date leads to its first part.
    """
    tokens = []
    for period in periods.pages:
        if period.scope != BACKGROUND and len(period.key) <= len("2022-02-24"):
            tokens.append(period.key + (f"/{period.last_day}" if period.last_day else ""))
    return " ".join(tokens)


def date_jump(url: str, periods: Periods, current_key: str = "") -> str:
    """Year, month and day selects; timeline.js fills them and goes to the page of that date."""
    years = periods.event_years
    fields = "".join(
        f'<label>{name} <select data-jump="{name.lower()}"></select></label> ' for name in ("Year", "Month", "Day")
    )
    return (
        f'<form class="tl-jump" hidden aria-label="Go to a date" data-root="{link_to(url, "")}"'
        f' data-periods="{escape(period_map(periods))}" data-years="{" ".join(years)}"'
        f' data-background="{periods.since if periods.background else ""}"'
        f' data-current="{escape(current_key)}">{fields}<button type="submit">Go</button></form>'
    )


def filters(url: str, scopes: list[str], scope_words: str, newest_first: bool = False) -> str:
    """Party, place, figure kind, outlet and disputed only, over every event of `scopes` (filter indexes);
    `scope_words` says which in the count of matches ("in 2022"); the matches are listed in time order, or
    newest first as on the home page.

    The options come from the indexes, which timeline.js fetches when the
    reader opens the filters (or the address holds some), so a page carries
    none of the year's hundreds of places and a reader who does not filter
    fetches nothing; the address keeps the choice (?party=russia&disputed=1),
    so a link reopens the same view.
    """
    indexes = " ".join(link_to(url, filter_index_url(scope)) for scope in scopes)
    selects = "".join(
        f'<label>{label} <select data-filter="{name}"><option value="">all</option></select></label>'
        for name, label in FILTERS
    )
    return (
        '<details class="tl-filter-box" hidden><summary>Filters: party, place, figure kind, outlet, disputed</summary>'
        f'<form class="tl-filters" hidden aria-label="Filter events" data-root="{link_to(url, "")}"'
        f' data-index="{indexes}" data-scope="{escape(scope_words)}"{" data-newest-first" if newest_first else ""}>'
        f"{selects}"
        '<label><input type="checkbox" data-filter="disputed" value="1"> Disputed only</label>'
        '<output class="tl-count" aria-live="polite"></output></form></details>'
        '<section class="tl-results" hidden aria-label="Events that match the filters">'
        '<nav class="tl-result-months" aria-label="Months of the matches"></nav><div class="tl-result-list"></div>'
        '<button type="button" class="tl-more" hidden>Show more</button></section>'
    )
