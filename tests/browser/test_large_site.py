"""A large build, made inside the test run from 2,000+ real corpus articles: the site still works and stays light.

Skipped, with a message, where ../shared/corpus is absent.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse, urlsplit

import jsonschema
import pytest
from conftest import ROOT, serve
from test_data_files import check_atom, csv_rows, figure_count
from test_search import search_api
from time_travel import (
    card_dates,
    choose_filter,
    jump_to,
    label_covers,
    newest_event_date,
    shown_results,
    sideways_overflow_on_a_phone,
    timeline_data,
)

pytestmark = pytest.mark.browser  # `-m "not browser"` runs the suite without Chromium

CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-media"
ARTICLES = 2000
PAGE_LIMIT = 150 * 1024
SEARCH_LIMIT = 1024 * 1024
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
NOT_SHOWN = {"script", "style", "template"}
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}


# Two reports of one strike written for this test, each side's count of the dead: whatever the corpus sample
# holds, the site has a "disputed" event in 2022 with a Russian claim for the filters and the comparison to show.
TWO_SIDES = {
    "2022-06-05_test-wire_russia-says-strike-on-kramatorsk-base-killed-120.md": (
        "---\ntitle: Russia says strike on Kramatorsk base killed 120 Ukrainian soldiers\ndate: 2022-06-05\n"
        "outlet: Test Wire\n---\n\nRussia's Defence Ministry said on Sunday that its missiles struck a Ukrainian army "
        "base in Kramatorsk, killing 120 Ukrainian soldiers.\n"
    ),
    "2022-06-05_test-wire_ukraine-says-two-soldiers-killed-at-kramatorsk-base.md": (
        "---\ntitle: Ukraine says two soldiers killed in Russian strike on Kramatorsk base\ndate: 2022-06-05\n"
        "outlet: Test Wire\n---\n\nUkraine's General Staff said on Sunday that a Russian missile strike on an army "
        "base in Kramatorsk killed two soldiers.\n"
    ),
}


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not found: {CORPUS} (the large-build tests need the corpus)")
    from generator.importer import KnownArticles, import_file
    from generator.site import build_site

    work = tmp_path_factory.mktemp("large")
    articles = work / "articles"
    articles.mkdir()
    known = KnownArticles.in_folder(articles)
    files = sorted(CORPUS.glob("*.csv"))
    for source in files:  # a share of every outlet, so the sample covers the corpus's shapes
        import_file(source, articles, limit=ARTICLES // len(files) + 1, known=known)
    for source in sorted(files, key=lambda f: -f.stat().st_size):  # then top up from the largest files
        count = len(list(articles.glob("*.md")))
        if count >= ARTICLES:
            break
        import_file(source, articles, limit=ARTICLES - count, known=known)
    assert len(list(articles.glob("*.md"))) >= ARTICLES
    for name, text in TWO_SIDES.items():  # corpus figures rarely give two sides one count: a dispute, written here
        (articles / name).write_text(text, encoding="utf-8")
    site = work / "site"
    assert build_site([articles], site, ROOT / "mkdocs.yml") == 0
    server = serve(site)
    yield site, f"http://127.0.0.1:{server.server_port}/", articles
    server.shutdown()


def test_no_page_is_over_150_kb(large_site):
    site, _, _ = large_site
    sizes = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= PAGE_LIMIT, f"{largest} is {sizes[largest] // 1024} KB"


def test_the_timeline_is_split_by_year_month_and_range(large_site, page):
    site, base_url, _ = large_site
    page.goto(base_url)
    years = page.locator(".tl-month-index a.tl-month-year").all_inner_texts()
    assert len(years) >= 2 and "2022" in years
    page.locator(".tl-month-index a.tl-month-year", has_text="2022").click()
    page.wait_for_url(re.compile(r"years/2022/$"))
    months = page.locator(".tl-month-list > li")
    assert months.count() >= 6  # a big year is cut by month: its page lists them
    busiest = max(months.all(), key=lambda m: m.locator("a").count())
    busiest.locator("a").first.click()
    page.wait_for_url(re.compile(r"years/2022/\d\d/$"))
    label = page.locator("h1").inner_text().strip()
    dates = card_dates(page)
    assert dates and all(label_covers(label, d) for d in dates), (label, dates[:3])
    after = page.locator('.tl-pager a[rel="next"]').first
    following = after.inner_text().rstrip(" →")
    after.click()
    page.wait_for_url(re.compile(r"years/"))
    assert page.locator("h1").inner_text().strip() == following
    assert all(label_covers(following, d) for d in card_dates(page))


def test_the_large_home_pages_first_card_is_the_newest_event(large_site, page):
    site, base_url, _ = large_site
    page.goto(base_url)
    dates = card_dates(page)
    assert dates[0] == newest_event_date(site) and dates == sorted(dates, reverse=True)


def test_a_filter_covers_the_whole_year_and_the_address_restores_it(large_site, page):
    site, base_url, _ = large_site
    events = [e for e in timeline_data(site)["events"] if e["date"].startswith("2022")]
    expected = sorted(e["id"] for e in events if any(c["party"] == "russia" for c in e["claims"]))
    disputed = sorted(e["id"] for e in events if e["discrepancies"] and e["id"] in expected)
    page.goto(base_url + "years/2022/")
    page.locator(".tl-month-list a").nth(2).click()  # a page of one month: the filter still covers the year
    page.wait_for_url(re.compile(r"years/2022/\d\d/"))
    on_the_page = page.locator(".tl-line .tl-card").count()
    choose_filter(page, "party", "russia")
    page.locator('[data-filter="disputed"]').check()
    assert urlsplit(page.url).query == "party=russia&disputed=1"
    assert len(expected) > on_the_page and disputed and sorted(shown_results(page)) == disputed
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.locator(".tl-results .tl-card").first.wait_for()
    assert page.locator('select[data-filter="party"]').input_value() == "russia"
    assert sorted(shown_results(page)) == disputed
    count = page.locator(".tl-count").inner_text()
    assert count == f"{len(disputed):,} of {len(events):,} events in 2022 match"


def test_the_date_jump_lands_on_the_page_that_holds_the_date(large_site, page):
    site, base_url, _ = large_site
    days = sorted(e["date"] for e in timeline_data(site)["events"] if re.fullmatch(r"2022-\d\d-\d\d", e["date"]))
    target = days[len(days) // 2]
    page.goto(base_url)
    jump_to(page, target[:4], target[5:7], target[8:])
    label = page.locator("h1").inner_text().strip()
    assert label_covers(label, target), (label, target)
    card = page.locator(f'.tl-card:has(time[datetime="{target}"])').first
    assert card.is_visible() and card.evaluate("c => c.getBoundingClientRect().top") < page.viewport_size["height"]
    assert card.evaluate("c => c.getBoundingClientRect().top") >= 0  # scrolled to it
    headings_end = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.tl-sticky')].map(h => h.getBoundingClientRect())"
        ".filter(r => r.top >= 0 && r.top < innerHeight / 2).map(r => r.bottom))"
    )
    assert card.evaluate("c => c.getBoundingClientRect().top") >= headings_end  # not under the sticky headings


@pytest.mark.parametrize("path", ["", "years/2022/?party=russia", "years/background/"])
def test_large_timeline_pages_fit_a_phone(large_site, browser, path):
    _, base_url, _ = large_site
    assert sideways_overflow_on_a_phone(browser, base_url + path) <= 0


def test_the_filter_indexes_are_small(large_site):
    site, _, _ = large_site
    for path in (site / "data" / "filters").glob("*.json"):
        events = len(json.loads(path.read_text(encoding="utf-8"))["events"])
        assert path.stat().st_size <= 2048 + 200 * events, (path.name, path.stat().st_size, events)  # tables + rows


def test_an_event_page_opens_with_its_comparison(large_site, page):
    """A disputed event where the sample has one (disputes need two sides the text names, so few do), else
    an event with figures: its page opens with the comparison, marked exactly where the data says."""
    site, base_url, _ = large_site
    compared = [e for e in timeline_data(site)["events"] if e["claims"]]
    event = next((e for e in compared if e["discrepancies"]), compared[0])
    page.goto(base_url + event["page"])
    assert page.locator("table.tl-compare").count() == 1
    # the mark in the table, not the legend above it (which shows what the mark looks like)
    assert (page.locator("table.tl-compare .tl-disputed").count() >= 1) == bool(event["discrepancies"])


def test_search_finds_an_outlet_specific_word(large_site, page):
    _, base_url, articles = large_site
    # a word from an article's title that few articles share: the search must find that article
    chosen = None
    for path in sorted(articles.glob("*.md"))[::37]:
        title = next((line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("title:")), "")
        words = [w for w in re.findall(r"[A-Za-z]{9,}", title)]
        if words:
            chosen = (path.stem, words[0])
            break
    assert chosen, "no article title with a long word"
    article_id, word = chosen
    page.goto(base_url + "search/")
    page.locator("#tl-search input").wait_for(timeout=15000)
    page.locator("#tl-search input").type(word)
    page.locator(".pagefind-ui__result").first.wait_for(timeout=20000)
    page.wait_for_timeout(800)
    more = page.locator(".pagefind-ui__button")
    while more.count() and more.first.is_visible():
        more.first.click()
        page.wait_for_timeout(300)
    links = {urlparse(a.get_attribute("href")).path for a in page.locator(".pagefind-ui__result-link").all()}
    assert any(article_id in link for link in links), (word, article_id, sorted(links)[:10])


def test_first_search_results_come_after_at_most_1_mb(large_site, page):
    """Bytes the browser fetches for search (Pagefind's UI, runtime, index pieces, fragments) until a result shows."""
    _, base_url, _ = large_site
    fetched: dict[str, int] = {}

    def count(response):
        if "/pagefind/" in response.url:
            fetched[response.url] = len(response.body())

    page.on("response", count)
    page.goto(base_url + "search/")
    page.locator("#tl-search input").wait_for(timeout=15000)
    page.locator("#tl-search input").type("Ukraine")  # a word in nearly every article: the biggest index piece
    page.locator(".pagefind-ui__result").first.wait_for(timeout=20000)
    page.remove_listener("response", count)
    total = sum(fetched.values())
    print(f"search: {total / 1024:.0f} KB in {len(fetched)} files before the first result")
    assert any(".pf_meta" in url for url in fetched) and any("/index/" in url for url in fetched)
    assert total <= SEARCH_LIMIT, sorted(fetched.items(), key=lambda item: -item[1])[:5]


def test_large_build_keeps_the_data_file(large_site):
    site, _, _ = large_site
    assert Path(site / "data" / "timeline.json").stat().st_size > 100_000


class VisibleText(HTMLParser):
    """What a reader can see of a page: text outside scripts and styles, and the attributes shown on hover."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.texts: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag in NOT_SHOWN:
            self.hidden += 1
        self.texts.extend(value for name, value in attrs if name in SHOWN_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in NOT_SHOWN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


def test_no_page_shows_an_entity_the_articles_do_not_contain(large_site):
    """An entity on screen ('&#x27;', '&amp;') is text escaped twice, unless the article itself wrote it."""
    site, _, articles = large_site
    from generator.ingest import read_articles

    read, _ = read_articles([articles])
    sources = " ".join(" ".join(f"{a.title} {a.outlet or ''} {a.body}".split()) for a in read)
    shown_entities = []
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        if not ENTITY.search(html.unescape(raw)):  # nothing entity-like even in the decoded page: skip parsing
            continue
        for text in VisibleText(raw).texts:
            flat = " ".join(text.split())
            for match in ENTITY.finditer(flat):
                around = flat[max(0, match.start() - 12) : match.end() + 12]
                if around not in sources:
                    shown_entities.append(f"{path.relative_to(site)}: ...{around}...")
    assert len(pages) > 2000
    assert not shown_entities, f"{len(shown_entities)} visible entities, e.g. {shown_entities[:5]}"


def test_a_typical_event_page_carries_at_most_8_kb_beyond_its_content(large_site):
    """The theme's share of a page (header, pruned navigation, footer, scripts): most of the site's bytes otherwise."""
    site, _, _ = large_site
    weights = []
    for path in (site / "events").glob("*/index.html"):
        page = path.read_text(encoding="utf-8")
        content = page[page.index("<article") : page.index("</article>")]
        weights.append(len(page.encode()) - len(content.encode()))
    weights.sort()
    assert len(weights) > 500 and weights[len(weights) // 2] <= 8 * 1024, weights[len(weights) // 2]


def test_large_build_data_files_validate_and_agree(large_site):
    """The schema holds for a build of real articles; the CSV has every figure; the feed is Atom with its parts."""
    site, _, _ = large_site
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "timeline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    rows = csv_rows((site / "data" / "claims.csv").read_text(encoding="utf-8"))
    assert len(rows) == figure_count(data) > 500
    assert {r["source_url"] for r in rows} <= {a["url"] for a in data["articles"]} | {""}
    entries = check_atom((site / "data" / "feed.xml").read_bytes()).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 50


def test_kiev_finds_the_kyiv_events(large_site, page):
    site, base_url, _ = large_site
    events = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))["events"]
    kyiv = {f"/{e['page']}" for e in events if e["place"] == "Kyiv"}
    assert len(kyiv) >= 5
    found = search_api(page, base_url, "Kiev", {"Type": "Event"})
    assert kyiv <= {r["path"] for r in found}
    assert all(r["meta"]["type"] == "Event" and r["meta"]["date"] for r in found)


def test_spellings_of_one_name_find_the_same_pages(large_site, page):
    _, base_url, _ = large_site
    for spellings in (["Kyiv", "Kiev"], ["Zelensky", "Zelenskyy", "Zelenskiy"], ["Kharkiv", "Kharkov"]):
        found = [{r["path"] for r in search_api(page, base_url, s)} for s in spellings]
        union = set().union(*found)
        assert union and all(len(f) >= 0.95 * len(union) for f in found), dict(
            zip(spellings, map(len, found), strict=True)
        )


def test_an_event_ranks_above_its_own_articles(large_site, page):
    site, base_url, _ = large_site
    events = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))["events"]
    busy = sorted((e for e in events if len(e["main_articles"]) >= 3), key=lambda e: e["id"])[:5]
    assert busy
    for event in busy:
        paths = [r["path"] for r in search_api(page, base_url, event["title"])]
        own = [paths.index(f"/articles/{a}/") for a in event["main_articles"] if f"/articles/{a}/" in paths]
        assert f"/{event['page']}" in paths and own, event["title"]
        assert paths.index(f"/{event['page']}") < min(own), (event["title"], paths[:8])


def test_search_filters_by_outlet(large_site, page):
    _, base_url, _ = large_site
    found = search_api(page, base_url, "Ukraine", {"Outlet": "BBC"})
    assert found and all("BBC" in r["filters"]["Outlet"] for r in found)
