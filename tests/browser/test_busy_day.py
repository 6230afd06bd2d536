"""A busy day of the real corpus, built inside the test run: its strike is its own event, found from the timeline.

Every corpus article of the week around 24 August 2022 is built (the day Ukraine's Independence Day
was hit at Chaplyne, among some fifty other stories), and a reader finds the strike on the timeline
as one event, with its own title, reported by several outlets. Skipped, with a message, where
../shared/corpus is absent.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, timedelta

import pytest
from conftest import ROOT, serve

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-media"
BUSY_DAY = date(2022, 8, 24)
WEEK = [(BUSY_DAY + timedelta(days=d)).isoformat() for d in range(-3, 4)]


@pytest.fixture(scope="module")
def busy_week(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not found: {CORPUS} (the busy-day test needs the corpus)")
    from generator.importer import KnownArticles, import_file
    from generator.site import build_site

    work = tmp_path_factory.mktemp("busy")
    rows, week = work / "rows", work / "articles"
    rows.mkdir()
    known = KnownArticles.in_folder(week)
    for source in sorted(CORPUS.glob("*.csv")):  # the week's rows of each file, imported as a maintainer would
        import_file(_rows_of_the_week(source, rows / source.name), week, known=known)
    site = work / "site"
    assert build_site([week], site, ROOT / "mkdocs.yml") == 0
    server = serve(site)
    yield site, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _rows_of_the_week(source, target):
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="utf-8", newline="") as read, target.open("w", encoding="utf-8", newline="") as write:
        reader = csv.DictReader(read)
        writer = csv.DictWriter(write, reader.fieldnames)
        writer.writeheader()
        writer.writerows(row for row in reader if (row.get("Date") or "")[:10] in WEEK)
    return target


def _chaplyne_strike(timeline: dict) -> dict:
    found = [e for e in timeline["events"] if e["date"] == BUSY_DAY.isoformat() and e.get("place") == "Chaplyne"]
    assert len(found) == 1, [e["title"] for e in found]
    return found[0]


def test_the_chaplyne_strike_is_one_event_with_a_title_of_its_own(busy_week):
    site, _ = busy_week
    timeline = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    strike = _chaplyne_strike(timeline)
    reporting = [a for a in timeline["articles"] if a.get("event") == strike["id"]]
    assert len(reporting) >= 3  # several outlets reported it that day
    same_day = [e["title"] for e in timeline["events"] if e["date"] == strike["date"] and e["id"] != strike["id"]]
    assert strike["title"] not in same_day
    assert not strike["title"].endswith("…")


def test_a_reader_finds_the_strike_on_the_timeline_and_opens_it(busy_week, page):
    site, base = busy_week
    strike = _chaplyne_strike(json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8")))
    event_url = f"events/{strike['id']}/"
    # the timeline page (the home page, a year, a month or a range of days) whose cards link to the strike
    other_pages = {"events", "articles", "places", "actors", "parties", "search", "about", "data"}
    listing = next(
        p
        for p in sorted(site.rglob("index.html"))
        if not other_pages & set(p.relative_to(site).parts) and event_url in p.read_text("utf-8")
    )
    page.goto(base + listing.relative_to(site).parent.as_posix() + "/")
    link = page.locator(f"a[href$='{event_url}']").first
    assert link.inner_text().strip() == strike["title"]
    link.click()
    page.wait_for_url(f"**/{event_url}")
    assert page.locator("h1").first.inner_text().strip() == strike["title"]
