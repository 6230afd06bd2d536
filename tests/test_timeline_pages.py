"""Timeline pages: time cut into pages a reader can travel (Background, years, months, ranges of days),
the home page newest first, and the per-year filter indexes.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

from test_render import PARTIES, Tags, pages_of, strike_timeline

from generator.model import Article, Event, Timeline
from generator.render import render_site
from generator.render.filter_index import FIELDS
from generator.render.pages import EVENTS_PER_PAGE, HOME_EVENTS
from generator.render.periods import timeline_periods
from generator.render.timeline import years_nav
from generator.render.timeline_nav import period_map

PER_PAGE = 10


def event_on(day: str, number: int = 0) -> Event:
    precision = {10: "day", 7: "month"}.get(len(day), "year")
    return Event(
        f"{day}-e{number:03d}", f"Event {number} of {day}", day, precision, {day: ["a1"]}, None, ("a1",), ("a1",), ()
    )


def timeline_of(events, first_published: str = "2022-01-05") -> Timeline:
    source = Article("a1", "a1.md", date.fromisoformat(first_published), "A report", "Example News", None, "en", "x")
    return Timeline((source,), tuple(events), {}, parties=PARTIES)


def month_of(year_month: str, per_day: dict[int, int]) -> list[Event]:
    return [event_on(f"{year_month}-{day:02d}", n) for day, count in per_day.items() for n in range(count)]


def shown_ids(periods) -> list[str]:
    return [e.id for p in periods for e in p.events]


# ------------------------------------------------------------ periods


def test_a_year_that_fits_a_page_is_one_page():
    events = month_of("2022-03", {1: 3, 20: 2}) + [event_on("2022-07", 1)]
    periods = timeline_periods(timeline_of(events), PER_PAGE)
    (year,) = periods.by_year["2022"]
    assert (year.key, year.label, year.url, year.path) == ("2022", "2022", "years/2022/", "years/2022.md")
    assert len(year.events) == 6 and not year.index


def test_a_big_year_is_cut_by_month_and_a_big_month_by_week_ranges():
    march = month_of("2023-03", {1: 3, 7: 3, 8: 4, 16: 5, 31: 4})  # 19 events: more than a page
    april = month_of("2023-04", {2: 2})
    known_by_year = [event_on("2023", 1)]
    periods = timeline_periods(timeline_of(march + april + known_by_year), PER_PAGE)
    year = periods.by_year["2023"]
    assert [(p.key, p.label, len(p.events)) for p in year] == [
        ("2023", "2023", 1),  # the year's index: the events known only by their year
        ("2023-03", "1–7 March 2023", 6),
        ("2023-03-08", "8–14 March 2023", 4),
        ("2023-03-15", "15–21 March 2023", 5),
        ("2023-03-22", "22–31 March 2023", 4),
        ("2023-04", "April 2023", 2),
    ]
    assert year[0].index and not any(p.index for p in year[1:])
    assert [p.url for p in year[1:3]] == ["years/2023/03/", "years/2023/03/08/"]
    assert sorted(shown_ids(year)) == sorted(e.id for e in march + april + known_by_year)  # each once


def test_a_week_too_big_for_a_page_is_cut_into_runs_of_whole_days():
    periods = timeline_periods(timeline_of(month_of("2022-02", {23: 4, 24: 9, 25: 2, 28: 3})), PER_PAGE)
    assert [(p.key, p.label, p.last_day, len(p.events)) for p in periods.by_year["2022"][1:]] == [
        ("2022-02", "22–23 February 2022", "23", 4),
        ("2022-02-24", "24 February 2022", "24", 9),
        ("2022-02-25", "25–28 February 2022", "28", 5),
    ]


def test_a_day_too_big_for_a_page_is_cut_into_parts():
    timeline = timeline_of(month_of("2022-02", {23: 3, 24: 25}))
    periods = timeline_periods(timeline, PER_PAGE).by_year["2022"][1:]
    assert [(p.key, p.label, p.short, len(p.events)) for p in periods] == [
        ("2022-02", "22–23 February 2022", "22–23", 3),
        ("2022-02-24", "24 February 2022, part 1", "24, part 1", 10),
        ("2022-02-24-2", "24 February 2022, part 2", "24, part 2", 10),
        ("2022-02-24-3", "24 February 2022, part 3", "24, part 3", 5),
    ]
    assert periods[2].url == "years/2022/02/24/2/"
    tokens = period_map(timeline_periods(timeline, PER_PAGE)).split()
    assert tokens == ["2022-02/23", "2022-02-24/24"]  # a date leads to its day's first part


def test_events_dated_by_the_month_open_the_months_first_page():
    events = month_of("2022-05", {9: 6, 20: 6})
    first = timeline_periods(timeline_of(events), PER_PAGE).by_year["2022"][1]
    assert (first.key, first.label, len(first.events)) == ("2022-05", "8–14 May 2022", 6)  # nothing in 1–7
    first = timeline_periods(timeline_of([*events, event_on("2022-05", 1)]), PER_PAGE).by_year["2022"][1]
    assert (first.key, first.label, [e.date for e in first.events]) == ("2022-05", "1–7 May 2022", ["2022-05"])


def test_years_before_the_first_articles_year_share_the_background_page():
    recalled = [event_on("1812-09-07"), event_on("1941-06-22"), event_on("2014-03-18"), event_on("2021")]
    periods = timeline_periods(timeline_of([*recalled, event_on("2022-02-24")]), PER_PAGE)
    assert periods.background.label == "Background" and periods.background.url == "years/background/"
    assert [e.date for e in periods.background.events] == ["1812-09-07", "1941-06-22", "2014-03-18", "2021"]
    assert periods.years == ("2022",) and periods.since == "2022"
    nav = years_nav(timeline_of([*recalled, event_on("2022-02-24")]))
    assert nav == [{"Background": "years/background.md"}, {"2022": "years/2022.md"}]


# ------------------------------------------------------------ pages


def many_events_timeline() -> Timeline:
    """Three months of 2022 over a page each (the first with events dated by the month), and some of 2023."""
    days = {day: 8 for day in range(1, 29)}
    events = [*month_of("2022-01", days), *month_of("2022-02", days), event_on("2022-02", 99)]
    events += [*month_of("2022-03", days), *month_of("2023-01", {5: 3, 6: 2}), event_on("1991-08-24")]
    return timeline_of(events)


def h1(page: str) -> str:
    return " ".join(Tags(re.search(r"<h1>.*?</h1>", page).group(0)).text)


def test_every_page_is_labelled_with_its_range_and_holds_at_most_a_page():
    pages = pages_of(many_events_timeline())
    assert (
        h1(pages["years/2022/02.md"]) == "1–7 February 2022"
        and 'title: "1–7 February 2022"' in pages["years/2022/02.md"]
    )
    assert h1(pages["years/2022/02/22.md"]) == "22–28 February 2022"
    assert h1(pages["years/2023.md"]) == "2023" and h1(pages["years/background.md"]) == "Background"
    for path, content in pages.items():
        if path.startswith("years/"):
            assert content.count('class="tl-card"') <= EVENTS_PER_PAGE, path
    assert not any("page-" in path for path in pages)


def test_previous_and_next_lead_across_ranges_months_and_years():
    pages = pages_of(many_events_timeline())

    def neighbours(path: str) -> tuple[str | None, str | None]:
        pager = re.search(r'<nav class="tl-pager".*?</nav>', pages[path]).group(0)
        prev = re.search(r'rel="prev" href="([^"]+)"', pager)
        after = re.search(r'rel="next" href="([^"]+)"', pager)
        return (prev.group(1) if prev else None, after.group(1) if after else None)

    assert neighbours("years/2022/02.md") == ("../../../years/2022/01/22/", "../../../years/2022/02/08/")
    assert neighbours("years/2022/03/22.md") == ("../../../../years/2022/03/15/", "../../../../years/2023/")
    assert neighbours("years/background.md") == (None, "../../years/2022/01/")
    assert pages["years/2022/02/22.md"].count('class="tl-pager"') == 2  # above and below the cards


def test_the_year_index_lists_each_month_with_its_ranges():
    index = pages_of(many_events_timeline())["years/2022.md"]
    months = re.findall(r"<li>(.*?)</li>", re.search(r'<ul class="tl-month-list">.*?</ul>', index).group(0))
    assert ["".join(Tags(m).text) for m in months] == [
        "January 2022 · 224 events: 1–7 · 8–14 · 15–21 · 22–31",
        "February 2022 · 225 events: 1–7 · 8–14 · 15–21 · 22–28",
        "March 2022 · 224 events: 1–7 · 8–14 · 15–21 · 22–31",
    ]
    assert 'href="../../years/2022/02/15/"' in months[1]


def test_the_home_page_shows_the_newest_events_first_and_indexes_every_month():
    timeline = many_events_timeline()
    home = pages_of(timeline)["index.md"]
    dates = re.findall(r'<li class="tl-card"[^>]*><time datetime="([^"]+)"', home)
    newest = sorted((e.date, e.id) for e in timeline.events)[::-1][:HOME_EVENTS]
    assert len(dates) == HOME_EVENTS and dates == [d for d, _ in newest]
    assert dates[0] == "2023-01-06"
    index = re.search(r'<nav class="tl-month-index".*?</nav>', home).group(0)
    targets = re.findall(r'href="([^"]+)"', index)
    assert targets[:2] == ["years/2023/", "years/2023/#2023-01"]  # an uncut year: its months are places on its page
    assert {"years/2022/01/", "years/2022/02/", "years/2022/03/", "years/background/"} <= set(targets)


def test_where_the_home_page_cuts_a_day_it_keeps_that_days_most_reported_happenings():
    newest = [event_on("2023-02-01", n) for n in range(3)]
    cut_day = [event_on("2023-01-31", n) for n in range(HOME_EVENTS)]
    widely = replace(cut_day[-1], main_articles=("a1", "a2", "a3"))  # its id sorts last on its day
    events = [*newest, *cut_day[:-1], widely]
    home = pages_of(timeline_of(events))["index.md"]
    shown = re.findall(r'<li class="tl-card"[^>]*>.*?</li>', home, re.S)
    assert len(shown) == HOME_EVENTS and widely.title in shown[len(newest)]  # kept, and first of its day


def test_a_day_and_a_month_are_addresses_on_their_page():
    pages = pages_of(many_events_timeline())
    feb = pages["years/2022/02.md"]
    assert 'id="2022-02"' in feb and feb.count('id="2022-02-03"') == 1  # the day's first card only
    assert 'id="2023-01"' in pages["years/2023.md"]


def test_the_date_jump_carries_the_map_of_pages():
    home = pages_of(many_events_timeline())["index.md"]
    form = re.search(r'<form class="tl-jump"[^>]*>', home).group(0)
    tokens = re.search(r'data-periods="([^"]*)"', form).group(1).split()
    assert tokens[:5] == ["2022-01/07", "2022-01-08/14", "2022-01-15/21", "2022-01-22/31", "2022-02/07"]
    assert tokens[-1] == "2023" and 'data-background="2022"' in form and " hidden " in form
    assert re.search(r'data-years="([^"]*)"', form).group(1) == "2023 2022 1991"


# ------------------------------------------------------------ filters over the whole year


def test_filters_are_labelled_and_read_the_years_index():
    pages = pages_of(many_events_timeline())
    feb = pages["years/2022/02/08.md"]
    form = re.search(r'<form class="tl-filters".*?</form>', feb).group(0)
    labels = [t.strip() for t in Tags(form).text if t.strip() and t.strip() != "all"]
    assert labels == ["Party", "Place", "Figure kind", "Outlet", "Disputed only"]
    assert 'data-index="../../../../data/filters/2022.json"' in form and 'data-scope="in 2022"' in form
    home_form = re.search(r'<form class="tl-filters"[^>]*>', pages["index.md"]).group(0)
    indexes = re.search(r'data-index="([^"]*)"', home_form).group(1).split()
    assert indexes == ["data/filters/background.json", "data/filters/2022.json", "data/filters/2023.json"]
    assert all(path in pages for path in indexes)


def test_the_filter_index_holds_every_event_of_the_year_and_only_what_filters_need():
    timeline = strike_timeline()
    second = replace(timeline.articles[1], outlet="Example <News> & Co")
    events = [*timeline.events, *(event_on("2023-02-10", n) for n in range(3))]
    data = json.loads(
        pages_of(replace(timeline, articles=(timeline.articles[0], second), events=tuple(events)))[
            "data/filters/2023.json"
        ]
    )
    assert tuple(data["fields"]) == FIELDS and data["scope"] == "2023"
    rows = {row[0]: dict(zip(FIELDS, row, strict=True)) for row in data["events"]}
    assert set(rows) == {"2023-01-01-makiivka", "2023-02-10-e000", "2023-02-10-e001", "2023-02-10-e002"}
    strike = rows["2023-01-01-makiivka"]
    assert strike["date"] == "2023-01-01" and strike["title"] == "Strike on barracks" and strike["disputed"] == 1
    assert [data["parties"][n] for n in strike["parties"]] == [["russia", "Russia"], ["ukraine", "Ukraine"]]
    assert [data["places"][n] for n in strike["places"]] == [["makiivka", "Makiivka"]]
    assert [data["kinds"][n][0] for n in strike["kinds"]] == ["injured", "killed"]
    assert [data["outlets"][n] for n in strike["outlets"]] == [["example-news-co", "Example <News> & Co"]]
    assert rows["2023-02-10-e000"]["disputed"] == 0 and rows["2023-02-10-e000"]["parties"] == []


def test_the_filter_index_is_small():
    timeline = many_events_timeline()
    index = next(p for p in render_site(timeline) if p.path == "data/filters/2022.json")
    events = len(json.loads(index.content)["events"])
    assert events == 28 * 8 * 3 + 1 and len(index.content.encode()) / events < 100  # bytes per event


def test_cards_carry_no_filter_data():
    home = pages_of(strike_timeline())["index.md"]
    assert (
        "data-party" not in home
        and "data-kind" not in home
        and "<option" not in home.replace('<option value="">all</option>', "")
    )


def test_without_articles_nothing_is_background():
    periods = timeline_periods(Timeline((), (event_on("1991-08-24"),), {}, parties=PARTIES), PER_PAGE)
    assert periods.background is None and periods.years == ("1991",)


def test_the_month_index_marks_the_month_a_page_shows():
    pages = pages_of(many_events_timeline())
    index_of = {
        p: re.search(r'<nav class="tl-month-index".*?</nav>', pages[p]).group(0)
        for p in ("years/2022/02/15.md", "years/2023.md")
    }
    marked = re.findall(r'<a [^>]*aria-current="page"[^>]*>([^<]+)</a>', index_of["years/2022/02/15.md"])
    assert marked == ["Feb", "15–21"]  # the month in its year's line, the range among the month's pages
    assert "aria-current" not in index_of["years/2023.md"]  # one page for the year: its months are places on it


def test_on_a_day_the_most_reported_happening_comes_first():
    single = event_on("2022-08-24", 1)
    reported = replace(event_on("2022-08-24", 2), main_articles=("a1", "a2", "a3"), articles=("a1", "a2", "a3"))
    earlier = event_on("2022-08-23", 3)
    periods = timeline_periods(timeline_of([single, reported, earlier]), PER_PAGE)
    (period,) = periods.by_year["2022"]
    assert [e.id for e in period.events] == [earlier.id, reported.id, single.id]
