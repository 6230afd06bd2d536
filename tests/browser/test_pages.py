"""Beyond the main path: party and place pages, the opening summary, sticky headings, palettes, the 404 page."""

from __future__ import annotations

import re

import pytest
from time_travel import open_filters

pytestmark = pytest.mark.browser  # `-m "not browser"` runs the suite without Chromium
MAKIIVKA = "events/2023-01-02-makiivka-attack/"


def test_event_summary_says_who_claimed_what(page, base_url):
    page.goto(base_url + MAKIIVKA)
    summary = page.locator("p.tl-summary").inner_text()
    assert "63" in summary and "400" in summary and "January 2023" in summary


def test_party_page_is_reachable_from_the_event_and_leads_back(page, base_url):
    page.goto(base_url + MAKIIVKA)
    page.locator("table.tl-compare th.tl-party a", has_text="Russia").first.click()
    page.wait_for_url(re.compile(r"actors/russia/"))
    assert page.locator("h1").inner_text().strip() == "Russia"
    page.locator(f'a[href$="{MAKIIVKA}"]').first.click()
    page.wait_for_url(re.compile(MAKIIVKA))


def test_place_page_is_reachable_from_the_event(page, base_url):
    page.goto(base_url + MAKIIVKA)
    page.locator("p.tl-meta a", has_text="Makiivka").click()
    page.wait_for_url(re.compile(r"places/makiivka/"))
    assert page.locator(f'a[href$="{MAKIIVKA}"]').count() == 1


def test_year_and_month_headings_stay_visible_while_scrolling(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 500})
    page = context.new_page()
    page.goto(base_url)
    page.mouse.wheel(0, 700)
    page.wait_for_timeout(300)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    tops = page.evaluate(
        "[...document.querySelectorAll('.tl-year-head, .tl-month-head')]"
        ".map(h => { const box = h.getBoundingClientRect();"
        " return [h.className, Math.round(box.top), Math.round(box.bottom)]; })"
    )
    context.close()
    year = next((top, bottom) for name, top, bottom in tops if "year" in name and top >= 0)
    assert year[0] == round(header)  # stuck right under the header
    assert any("month" in name and top == year[1] for name, top, _ in tops)  # a month stuck under its year


def test_palette_follows_the_reader_and_the_toggle_switches_it(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.evaluate(scheme) == "default"
    context.close()


def test_not_found_page_is_ours_and_leads_home(page, base_url):
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text().strip() == "Page not found"
    assert page.locator("article a", has_text="Back to the timeline").count() == 1
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("favicon.svg")


def test_place_filter_keeps_only_that_place(page, base_url):
    page.goto(base_url)
    open_filters(page)
    page.select_option('select[data-filter="place"]', "makiivka")
    shown = page.locator(".tl-results .tl-card")
    assert shown.count() == 1 and shown.locator("a.tl-title").get_attribute("href").endswith("-makiivka-attack/")
    assert shown.locator(".tl-card-meta").inner_text() == "Makiivka"
    assert page.locator(".tl-count").inner_text() == "1 of 3 events in the whole timeline match"


def test_the_comparison_shows_every_figure_on_a_phone_without_a_sideways_swipe(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base_url + MAKIIVKA)
    boxes = page.locator("table.tl-compare td a:not(.tl-src)").evaluate_all(
        "links => links.map(a => [a.textContent, a.getBoundingClientRect().left, a.getBoundingClientRect().right])"
    )
    page_width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    inside = [text for text, left, right in boxes if left >= 0 and right <= 390]
    assert inside == [text for text, _, _ in boxes], boxes  # every figure of every party, inside the viewport
    assert "63" in inside and any(re.fullmatch(r"\D?400", text) for text in inside), inside  # Russia's, Ukraine's
    assert page_width <= 390
