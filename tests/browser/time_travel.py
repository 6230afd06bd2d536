"""What a reader does on the timeline's pages, as steps the seeds and the large-build tests share."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.render.format import MONTHS

EVENT_LINK = re.compile(r"events/([^/]+)/$")
LABEL = re.compile(r"(?:(\d+)(?:–(\d+))? )?(?:([A-Z][a-z]+) )?(\d{4})(?:, part \d+)?")


def timeline_data(site: Path) -> dict:
    return json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))


def newest_event_date(site: Path) -> str:
    return max(event["date"] for event in timeline_data(site)["events"])


def label_covers(label: str, date: str) -> bool:
    """Whether a page labelled '8–14 March 2022' (or 'March 2022', '2019', '24 February 2022, part 2') holds a date."""
    first, last, month, year = LABEL.fullmatch(label).groups()
    if date[:4] != year or (month and date[5:7] != f"{MONTHS.index(month) + 1:02d}"):
        return False
    if not first or len(date) < 10:
        return True
    return int(first) <= int(date[8:]) <= int(last or first)


def card_dates(page) -> list[str]:
    """The dates of the cards a reader sees, top to bottom."""
    return page.locator(".tl-card:visible time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")


def open_filters(page) -> None:
    """Open the filters (which fetches the year's filter index) unless the address already did."""
    box = page.locator("details.tl-filter-box")
    box.wait_for(timeout=15000)
    if not box.evaluate("d => d.open"):
        box.locator("summary").click()
    page.locator("form.tl-filters:not([hidden])").wait_for(timeout=15000)


def choose_filter(page, name: str, value: str) -> None:
    open_filters(page)
    page.select_option(f'select[data-filter="{name}"]', value)


def shown_results(page) -> list[str]:
    """The events the filters list (every batch drawn), by id."""
    more = page.locator(".tl-results .tl-more")
    while more.is_visible():
        more.click()
    hrefs = page.locator(".tl-results a.tl-title").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [EVENT_LINK.search(href).group(1) for href in hrefs]


def jump_to(page, year: str, month: str, day: str) -> None:
    """Go to a date with the date jump, and wait for the page (or the place on it) it leads to."""
    form = page.locator("form.tl-jump:not([hidden])")
    form.wait_for(timeout=15000)
    page.select_option('select[data-jump="year"]', year)
    page.select_option('select[data-jump="month"]', month)
    page.select_option('select[data-jump="day"]', day)
    date = year + (f"-{month}" + (f"-{day}" if day else "") if month else "")
    page.locator("form.tl-jump button").click()
    page.wait_for_function("date => decodeURIComponent(location.hash.slice(1)) === date", arg=date)
    page.wait_for_load_state("load")
    page.locator("form.tl-jump:not([hidden])").wait_for(timeout=15000)


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def sideways_overflow_on_a_phone(browser, url: str) -> int:
    """How far a timeline page, its filters open, scrolls sideways at 390 px (0 or less: it fits)."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(url)
        open_filters(page)
        return overflow(page)
    finally:
        context.close()
