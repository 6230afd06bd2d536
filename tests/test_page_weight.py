"""Light pages: what the theme adds around an event's content stays under 8 KB, and the sidebar lists no years.

A site of 20,000 pages pays the theme's share on every page: the navigation is pruned (the Years
section is one link), the theme's indentation is dropped, and the icons are Material's small ones.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from stage_helpers import ROOT

from generator.plugin import without_indentation
from generator.site import build_site

BEYOND_CONTENT_LIMIT = 8 * 1024


def beyond_content(page: str) -> int:
    """Bytes of a built page outside its <article> (the page's own content)."""
    start, end = page.index("<article"), page.index("</article>") + len("</article>")
    return len(page.encode()) - len(page[start:end].encode())


def primary_nav(page: str) -> str:
    return re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', page, re.S).group(0)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("weight") / "site"
    assert build_site([ROOT / "content", ROOT / "seeds"], out, ROOT / "mkdocs.yml") == 0
    return out


def test_an_event_page_carries_at_most_8_kb_beyond_its_content(site):
    pages = sorted((site / "events").glob("*/index.html"))
    assert pages
    for path in pages:
        weight = beyond_content(path.read_text(encoding="utf-8"))
        assert weight <= BEYOND_CONTENT_LIMIT, f"{path.relative_to(site)}: {weight} bytes beyond its content"


def test_the_sidebar_does_not_list_the_years_on_event_and_article_pages(site):
    years = sorted(p.name for p in (site / "years").iterdir() if p.name.isdigit() or p.name == "background")
    assert len(years) >= 2  # the seeds' year and Background: a list the sidebar could show
    for path in [*(site / "events").glob("*/index.html"), *(site / "articles").glob("*/index.html")]:
        links = re.findall(r'href="[^"]*years/(\d{4}|background)/"', primary_nav(path.read_text(encoding="utf-8")))
        assert len(links) <= 1, (path.relative_to(site), links)  # the Years section is one link, not a list


class Text(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.feed(page)

    def handle_data(self, data):
        self.parts.append(data)


def test_dropping_indentation_keeps_what_a_reader_sees(site):
    for path in [site / "index.html", site / "events" / "2023-01-02-makiivka-attack" / "index.html"]:
        page = path.read_text(encoding="utf-8")
        assert "\n " not in page  # the build dropped it
    sample = '<div>\n    <p>One\n      <a href="x">two</a>\n  three</p>\n</div>'
    assert " ".join("".join(Text(without_indentation(sample)).parts).split()) == "One two three"
    assert "".join(Text(without_indentation(sample)).parts).split() == "".join(Text(sample).parts).split()
    kept = "<pre>\n    indented code\n</pre>"
    assert without_indentation(kept) == kept  # preformatted text keeps its spaces
