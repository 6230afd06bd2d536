"""Text is shown exactly, in Chromium: rendered pages, a real build of hostile articles, and its search results.

The hostile build's articles are written by Hypothesis (titles, outlets) around fixed hostile strings; what
Chromium shows is compared with the file's values and with `timeline.json`.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import ROOT, serve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from text_samples import hostile_text, hostile_timeline, one_line  # noqa: E402

from generator.render import render_site  # noqa: E402
from generator.render.format import slug  # noqa: E402
from generator.site import build_site  # noqa: E402

pytestmark = pytest.mark.browser
FIXED_TITLES = [
    "Strike in O'Brien's town & \"#1\" &amp; &#x27; <script>alert(1)</script>",
    "{{ config.site_name }} {% raw %} *bold* _it_ [x](javascript:alert(1)) 😀 שלום Київ",
]
SHOWN = """() => {
  const all = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
  return {title: document.title, h1: all("h1"), who: all(".tl-who"), quote: all("blockquote > p"),
          mark: all("mark.tl-claim"), card: all("a.tl-title"), place: all("a.tl-place")};
}"""


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def shown_in_chromium(tab, page) -> dict:
    title = html.unescape(yaml.safe_load(page.front_matter.split("---\n")[1])["title"])
    tab.set_content(f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title><body>{page.html}")
    return tab.evaluate(SHOWN)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.fixed_dictionaries(
        {k: hostile_text() for k in ("title", "place", "claimant", "outlet", "label")} | {"quote": hostile_text(2)}
    )
)
def test_rendered_pages_show_random_text_exactly_in_chromium(tab, texts):
    pages = {p.path: p for p in render_site(hostile_timeline(**texts))}
    event = shown_in_chromium(tab, pages["events/2023-01-01-strike.md"])
    assert event["title"] == one_line(texts["title"] + " (1 January 2023)")
    assert event["h1"] == [texts["title"]] and event["who"][0] == texts["claimant"]
    assert event["quote"] == [texts["quote"]]
    article = shown_in_chromium(tab, pages["articles/a1.md"])
    assert article["h1"] == [texts["title"]] and article["mark"] == [texts["quote"]]
    home = shown_in_chromium(tab, pages["index.md"])
    assert home["card"] == [texts["title"]] and home["place"] == [texts["place"]]


# ------------------------------------------------------------ a real build of hostile articles

WORDS = ["capybara", "bandicoot", "axolotl", "pangolin"]  # one per article, so search finds each


def write_hostile_articles(folder: Path, titles: list[str], outlets: list[str]) -> list[dict]:
    written = []
    for number, (title, outlet) in enumerate(zip(titles, outlets, strict=True)):
        day = f"2023-03-{number * 3 + 2:02d}"
        # the headline names a happening, so the article reports an event of its own (its claims are published)
        meta = {"title": f"Strike kills 5 in Kharkiv {title} {WORDS[number]}", "date": day, "outlet": outlet}
        meta["language"] = "en"
        meta["url"] = "https://example.org/a?b=1&c=2#x"
        body = (
            f'Officials in Kharkiv said 5 people were killed on Monday & "{WORDS[number]}" isn\'t <b>bold</b> '
            f"&amp; #{number} {{{{ x }}}}.\n\nMore text about the {WORDS[number]}."
        )
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**9)
        (folder / f"{day}_hostile-{number}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
        written.append(meta | {"id": f"{day}_hostile-{number}"})
    return written


def search_results(page, base_url: str, word: str) -> list[dict]:
    page.goto(base_url + "search/")
    page.locator("#tl-search input").wait_for(timeout=15000)
    page.locator("#tl-search input").type(word)
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    return page.evaluate(
        """() => [...document.querySelectorAll(".pagefind-ui__result")].map((r) => ({
             title: r.querySelector(".pagefind-ui__result-link").textContent,
             excerpt: r.querySelector(".pagefind-ui__result-excerpt")?.textContent || ""}))"""
    )


def check_hostile_site(site: Path, written: list[dict], page) -> None:
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    server = serve(site)
    base_url = f"http://127.0.0.1:{server.server_port}/"
    try:
        for meta in written:
            published = articles[meta["id"]]
            assert (published["title"], published["outlet"]) == (meta["title"], meta["outlet"])
            page.goto(base_url + published["page"])
            shown = page.evaluate(SHOWN)
            assert shown["h1"] == [meta["title"]] and shown["title"].startswith(one_line(meta["title"]) + " - ")
            quotes = [c["quote"] for e in data["events"] for c in e["claims"] if c["article"] == meta["id"]]
            assert quotes and shown["mark"] == quotes
            assert meta["outlet"] in page.locator("table.tl-article-meta td").all_text_contents()
            event = next(e for e in data["events"] if meta["id"] in e["articles"])
            page.goto(base_url + event["page"])
            shown = page.evaluate(SHOWN)
            assert shown["h1"] == [event["title"]] and quotes[0] in shown["quote"]
            assert [c["claimant"] for c in event["claims"]][0] == shown["who"][0]
            # the filters' data, which timeline.js puts into the page: the outlet and the title as written
            outlet = slug(meta["outlet"])
            page.goto(f"{base_url}?outlet={quote(outlet)}")
            page.locator(".tl-results .tl-card").first.wait_for(timeout=15000)
            assert event["title"] in page.locator(".tl-results a.tl-title").all_text_contents()
            if [slug(m["outlet"]) for m in written].count(outlet) == 1:
                chosen = page.locator('select[data-filter="outlet"] option:checked').text_content()
                assert chosen == meta["outlet"]
            found = search_results(page, base_url, WORDS[written.index(meta)])
            assert one_line(meta["title"]) in [one_line(r["title"]) for r in found], found
            for result in found:  # what the excerpt shows is the page's text: no entity made visible
                assert not re.search(r"&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);", result["excerpt"]), result
    finally:
        server.shutdown()


def test_hostile_articles_are_shown_exactly_on_pages_and_in_search(tmp_path, page):
    content = tmp_path / "content"
    content.mkdir()
    written = write_hostile_articles(content, FIXED_TITLES, ["Smith & O'Neil <i>News</i>", "#1 &amp; {% x %}"])
    assert build_site([content], tmp_path / "site", ROOT / "mkdocs.yml") == 0
    check_hostile_site(tmp_path / "site", written, page)


@settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each try is a whole build
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(hostile_text(), min_size=2, max_size=2), st.lists(hostile_text(), min_size=2, max_size=2))
def test_random_titles_and_outlets_are_shown_exactly_after_a_build(tmp_path_factory, page, titles, outlets):
    folder = tmp_path_factory.mktemp("random")
    (folder / "content").mkdir()
    written = write_hostile_articles(folder / "content", titles, outlets)
    assert build_site([folder / "content"], folder / "site", ROOT / "mkdocs.yml") == 0
    check_hostile_site(folder / "site", written, page)
