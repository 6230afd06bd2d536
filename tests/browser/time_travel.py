"""What a reader does on the timeline's pages, as steps the seeds and the large-build tests share."""

from __future__ import annotations

import json
import re
from pathlib import Path

EVENT_LINK = re.compile(r"events/([^/]+)/$")


def timeline_data(site: Path) -> dict:
    return json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))


def newest_event_date(site: Path) -> str:
    return max(event["date"] for event in timeline_data(site)["events"])


def card_dates(page) -> list[str]:
    """The dates of the cards a reader sees, top to bottom."""
    return page.locator(".tl-card:visible time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")


def choose_filter(page, name: str, value: str) -> None:
    page.locator("form.tl-filters:not([hidden])").wait_for(timeout=15000)
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
