"""Travelling in time on the seeds build: newest first, filters kept in the address, the date jump, Background.

The large build's counterparts are in test_large_site.py; `time_travel.py` holds the steps both use.
"""

from __future__ import annotations

import json
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from time_travel import (
    card_dates,
    choose_filter,
    jump_to,
    newest_event_date,
    shown_results,
    sideways_overflow_on_a_phone,
)

pytestmark = pytest.mark.browser


def test_the_home_pages_first_card_is_the_newest_event(page, base_url, built_site):
    page.goto(base_url)
    assert card_dates(page)[0] == newest_event_date(built_site)
    dates = card_dates(page)
    assert dates == sorted(dates, reverse=True)


def test_a_filter_goes_into_the_address_and_the_address_restores_it(page, base_url, built_site):
    page.goto(base_url + "years/2023/")
    choose_filter(page, "party", "russia")
    assert urlsplit(page.url).query == "party=russia"
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    expected = sorted(
        e["id"]
        for e in data["events"]
        if e["date"].startswith("2023") and any(c["party"] == "russia" for c in e["claims"])
    )
    assert expected and sorted(shown_results(page)) == expected
    assert page.locator(".tl-line").is_hidden()
    page.locator('[data-filter="disputed"]').check()
    assert urlsplit(page.url).query == "party=russia&disputed=1"
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)  # a link someone shared: the same filters, the same events
    page.locator(".tl-results .tl-card").first.wait_for()
    assert page.locator('select[data-filter="party"]').input_value() == "russia"
    assert page.locator('[data-filter="disputed"]').is_checked()
    assert sorted(shown_results(page)) == expected
    choose_filter(page, "party", "")
    page.locator('[data-filter="disputed"]').uncheck()
    assert urlsplit(page.url).query == "" and page.locator(".tl-line").is_visible()


def test_filters_on_the_home_page_cover_every_year_and_background(page, base_url):
    page.goto(base_url)
    choose_filter(page, "place", "crimea")  # a curated event of 2014: Background, not on the home's year
    assert shown_results(page) == ["2014-03-18-crimea-annexation"]
    assert page.locator(".tl-count").inner_text().startswith("1 of 3 events")
    link = page.locator(".tl-month-index a", has_text="Background")
    assert link.get_attribute("href").endswith("?place=crimea")  # the timeline's links keep the filters


def test_the_date_jump_lands_on_the_page_of_that_date(page, base_url):
    page.goto(base_url)
    jump_to(page, "2023", "01", "01")
    assert urlsplit(page.url).path == "/years/2023/" and urlsplit(page.url).fragment == "2023-01-01"
    assert page.locator('[id="2023-01-01"]').is_visible()
    jump_to(page, "2014", "03", "")
    assert urlsplit(page.url).path == "/years/background/"
    assert page.locator("h1").inner_text().strip() == "Background"
    assert "2014-03-18" in card_dates(page)


def test_background_holds_the_years_before_the_first_article(page, base_url, built_site):
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    first = min(a["date"] for a in data["articles"])[:4]
    page.goto(base_url + "years/background/")
    assert sorted(card_dates(page)) == sorted(e["date"] for e in data["events"] if e["date"][:4] < first)
    years = page.locator(".tl-years a").all_inner_texts()
    assert years[0] == "Background" and all(y >= first for y in years[1:])


def test_without_javascript_the_cards_show_and_the_forms_stay_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "years/2023/")
    assert page.locator(".tl-line .tl-card").count() > 0 and page.locator(".tl-card").first.is_visible()
    assert page.locator("form.tl-filters").is_hidden() and page.locator("form.tl-jump").is_hidden()
    assert page.locator("details.tl-filter-box").is_hidden()
    context.close()


@pytest.mark.parametrize("path", ["", "years/2023/?party=russia", "years/background/?place=crimea"])
def test_timeline_pages_fit_a_phone(browser, base_url, path):
    assert sideways_overflow_on_a_phone(browser, base_url + path) <= 0


class SubPath(SimpleHTTPRequestHandler):
    """GitHub Pages for a project site: the build under /REPO/, nothing elsewhere."""

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if not local.startswith("/REPO/"):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path(path[len("/REPO") :])

    def log_message(self, *args):
        pass


def test_filters_and_the_date_jump_work_under_a_sub_path(page, built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPath, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        root = f"http://127.0.0.1:{server.server_address[1]}/REPO/"
        page.goto(root + "years/background/")
        choose_filter(page, "place", "crimea")
        assert shown_results(page) == ["2014-03-18-crimea-annexation"]
        result = page.locator(".tl-results a.tl-title").first
        assert urlsplit(result.get_attribute("href")).path.startswith("../../events/")
        result.click()
        page.wait_for_url(re.compile(r"/REPO/events/2014-03-18-crimea-annexation/"))
        page.goto(root + "years/background/")
        jump_to(page, "2023", "01", "01")
        assert urlsplit(page.url).path == "/REPO/years/2023/"
    finally:
        server.shutdown()
        server.server_close()
