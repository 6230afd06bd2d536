"""Search on the seeds build, in Chromium: spellings find each other, results say what and when, filters exist."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from test_site import search

pytestmark = pytest.mark.browser  # `-m "not browser"` runs the suite without Chromium


def search_ui(page, base_url: str, words: str) -> list[dict]:
    """Type into the site's search page: each result's link path and the text it shows, best first."""
    search(page, base_url, words)
    return page.evaluate(
        """() => [...document.querySelectorAll(".pagefind-ui__result")].map((r) => ({
             path: new URL(r.querySelector(".pagefind-ui__result-link").href).pathname,
             text: r.innerText}))"""
    )


def search_api(page, base_url: str, words: str, filters: dict | None = None) -> list[dict]:
    """Every result of Pagefind's own API, ranked as the search page ranks: url and metadata, best first."""
    page.goto(base_url + "search/")
    return page.evaluate(
        """async ([bundle, words, filters]) => {
             const pagefind = await import(bundle);
             await pagefind.options({ranking: JSON.parse(document.getElementById("tl-search").dataset.ranking)});
             const found = await pagefind.search(words, {filters});
             return Promise.all(found.results.map(async (r) => {
               const data = await r.data();
               return {path: new URL(data.url, location.href).pathname, meta: data.meta, filters: data.filters};
             }));
           }""",
        [base_url + "pagefind/pagefind.js", words, filters or {}],
    )


def test_kiev_finds_the_pages_that_say_kyiv(page, base_url, built_site):
    articles = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))["articles"]
    kyiv = {f"/{a['page']}" for a in articles if "Kyiv" in (built_site / a["page"] / "index.html").read_text()}
    assert kyiv, "the seeds say Kyiv"
    found = {r["path"] for r in search_api(page, base_url, "Kiev")}
    assert kyiv <= found
    assert found == {r["path"] for r in search_api(page, base_url, "Kyiv")}  # one name, one set of pages


def test_every_spelling_of_zelensky_finds_the_same_pages(page, base_url):
    spellings = ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski"]
    found = [{r["path"] for r in search_api(page, base_url, s)} for s in spellings]
    assert found[0] and all(f == found[0] for f in found), dict(zip(spellings, found, strict=True))


def test_results_show_whether_a_hit_is_an_event_or_an_article_and_its_date(page, base_url):
    results = search_ui(page, base_url, "Makeyevka")  # the seeds write Makiivka
    by_path = {r["path"]: r["text"] for r in results}
    event = by_path["/events/2023-01-02-makiivka-attack/"]
    assert "Type: Event" in event and "Date: 1 January 2023" in event
    article = by_path["/articles/004_da7275c3e96832db/"]
    assert "Type: Article" in article and "Date: " in article
    place = by_path["/places/makiivka/"]
    assert "Type: Place" in place and "Date:" not in place
    assert [r["path"] for r in results].index("/events/2023-01-02-makiivka-attack/") < min(
        i for i, r in enumerate(results) if r["path"].startswith("/articles/")
    )


def test_search_filters_by_type_party_place_and_year(page, base_url):
    results = search_api(page, base_url, "Makiivka", {"Type": "Event"})
    assert [urlparse(r["path"]).path for r in results] == ["/events/2023-01-02-makiivka-attack/"]
    assert results[0]["filters"]["Party"] == ["Russia", "Ukraine"] and results[0]["filters"]["Year"] == ["2023"]
    assert {r["path"] for r in search_api(page, base_url, "Makiivka", {"Party": "Russia", "Type": "Party"})} == {
        "/actors/russia/"
    }
    assert search_api(page, base_url, "Makiivka", {"Year": "2014"}) == []
    search_ui(page, base_url, "Makiivka")
    names = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"Type", "Party", "Place", "Year"} <= {n.strip() for n in names}, names


def test_screenshot_of_search_for_the_readme(browser, base_url, screenshots_dir):
    """The README's search picture, from the real build: `make screenshots`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results = search_ui(page, base_url, "Makeyevka")
    page.locator(".pagefind-ui__filter-name", has_text="Type").click()  # one filter open, to show the counts
    page.wait_for_timeout(300)
    png = page.screenshot(full_page=False)
    context.close()
    assert any("Type: Event" in r["text"] for r in results) and len(png) > 10_000
    if screenshots_dir:
        screenshots_dir.mkdir(parents=True, exist_ok=True)
        (screenshots_dir / "search.png").write_bytes(png)
