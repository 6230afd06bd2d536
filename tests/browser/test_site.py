"""What a reader does: browse the timeline, open an event, check a quote, search, filter, on phone and desktop."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from time_travel import open_filters

pytestmark = pytest.mark.browser  # `-m "not browser"` runs the suite without Chromium

AXE = None


def open_makiivka(page, base_url):
    page.goto(base_url)
    page.locator('a.tl-title[href*="-makiivka-"]').first.click()
    page.wait_for_url(re.compile(r"events/2023-01-02-makiivka-attack/"))


def test_timeline_leads_to_the_makiivka_comparison(page, base_url):
    open_makiivka(page, base_url)
    killed = page.locator("table.tl-compare tbody", has=page.locator("th.tl-kind", has_text="Killed"))
    assert "disputed" in killed.locator("th.tl-kind").inner_text()
    rows = {
        row.locator("th").inner_text().strip(): row.locator("td").inner_text() for row in killed.locator("tr").all()[1:]
    }
    assert "63" in rows["Russia"] and "400" in rows["Ukraine"]


def test_a_quote_leads_to_its_sentence(page, base_url):
    open_makiivka(page, base_url)
    link = page.locator("table.tl-compare a", has_text="63").first
    link.click()
    page.wait_for_url(re.compile(r"articles/.+#.+-c\d+"))
    anchor = urlparse(page.url).fragment
    target = page.locator(f'[id="{anchor}"]')
    assert target.count() == 1
    sentence = page.locator("mark.tl-claim", has=page.locator(f'[id="{anchor}"]')).or_(target).first
    assert "63" in sentence.inner_text()
    assert sentence.is_visible()


def search(page, base_url, words: str) -> list[str]:
    """Type into the site's search page; the result links, best first."""
    page.goto(base_url + "search/")
    page.locator("#tl-search input").wait_for(timeout=15000)
    page.locator("#tl-search input").type(words)
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
    page.wait_for_timeout(800)  # let the results finish drawing (and fading in, for axe)
    return [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]


def test_search_finds_the_event_above_its_articles(page, base_url):
    links = [urlparse(link).path for link in search(page, base_url, "Makiivka")]
    assert "/events/2023-01-02-makiivka-attack/" in links[:5]
    first_article = (
        next(i for i, link in enumerate(links) if "/articles/" in link)
        if any("/articles/" in link for link in links)
        else len(links)
    )
    assert links.index("/events/2023-01-02-makiivka-attack/") < first_article


def test_search_results_show_the_event_date(page, base_url):
    search(page, base_url, "Makiivka")
    result = page.locator(".pagefind-ui__result", has=page.locator('a[href*="2023-01-02-makiivka-attack"]')).first
    assert "1 January 2023" in result.inner_text()


def test_filters_change_what_is_shown(page, base_url):
    page.goto(base_url)
    total = page.locator(".tl-card:visible").count()
    open_filters(page)
    page.select_option('select[data-filter="party"]', "russia")
    filtered = page.locator(".tl-results .tl-card:visible").count()
    assert 0 < filtered < total and page.locator(".tl-line").is_hidden()
    page.select_option('select[data-filter="party"]', "")
    page.select_option('select[data-filter="kind"]', "missiles")
    assert 0 < page.locator(".tl-results .tl-card:visible").count() < total
    assert "match" in page.locator(".tl-count").inner_text()


def test_year_jump_opens_the_year(page, base_url):
    page.goto(base_url)
    page.locator(".tl-month-index a", has_text="2023").click()
    page.wait_for_url(re.compile(r"years/2023/"))
    assert page.locator("h1").inner_text().strip() == "2023"
    assert page.locator(".tl-card").count() > 0
    assert all(
        t.startswith("2023")
        for t in page.locator(".tl-card time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    )


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "years/2023/",
        "years/background/",
        "events/2023-01-02-makiivka-attack/",
        "articles/000_89fa540bf2fc3d56/",
        "actors/russia/",
        "search/",
    ],
)
def test_nothing_scrolls_sideways(browser, base_url, width, path):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_no_request_leaves_localhost(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    for path in [
        "",
        "events/2023-01-02-makiivka-attack/",
        "articles/004_da7275c3e96832db/",
        "years/2023/?party=russia",
        "years/background/",
        "about/",
        "actors/russia/",
        "places/makiivka/",
        "404.html",
    ]:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    search(page, base_url, "Makiivka")  # the search UI and its index pieces come from this site too
    page.wait_for_load_state("networkidle")
    context.close()
    assert hosts <= {"127.0.0.1"}, hosts


def axe_violations(page) -> list[dict]:
    from pathlib import Path

    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility_has_no_serious_violation(browser, base_url, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    found = {}
    for path in [
        "",
        "years/2023/?party=russia",
        "events/2023-01-02-makiivka-attack/",
        "articles/000_89fa540bf2fc3d56/",
        "actors/russia/",
        "404.html",
    ]:
        page.goto(base_url + path)
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == {"light": "default", "dark": "slate"}[scheme]
        found[path] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in axe_violations(page)]
    search(page, base_url, "Makiivka")
    found["search"] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in axe_violations(page)]
    context.close()
    assert not any(found.values()), found


def test_screenshot_for_the_readme(browser, base_url, screenshots_dir):
    """Makes the README's pictures from the real build: `make screenshots`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    shots = {"timeline.png": page.screenshot(full_page=True)}  # down to the disputed Makiivka card
    page.goto(base_url + "events/2023-01-02-makiivka-attack/")
    shots["event.png"] = page.screenshot(full_page=True)
    context.close()
    assert all(len(png) > 10_000 for png in shots.values())
    if screenshots_dir:
        screenshots_dir.mkdir(parents=True, exist_ok=True)
        for name, png in shots.items():
            (screenshots_dir / name).write_bytes(png)


def test_the_timelines_search_form_opens_results(page, base_url):
    page.goto(base_url)
    page.get_by_label("Search events and articles").first.fill("Makiivka")
    page.get_by_role("button", name="Search").click()
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
    links = [urlparse(a.get_attribute("href")).path for a in page.locator(".pagefind-ui__result-link").all()]
    assert "/events/2023-01-02-makiivka-attack/" in links
