"""Light pages: what the theme adds around an event's or an article's content stays under 4 KB, and the sidebar
lists no years.

A site of 16,000 pages pays the theme's share on every page: the navigation is pruned (the Years section is one
link) and written without white space, the theme's indentation is dropped, icons are drawn by CSS, and Material's
head script, settings and palette toggle come from one cached file (theme/assets/preferences.js, a static template);
an engine that does not render that file gets Material's inline forms. The site leaves out the theme's files no
page loads.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from stage_helpers import ROOT

from generator.plugin import without_indentation
from generator.site import build_site

BEYOND_CONTENT_LIMIT = 4 * 1024


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


def test_an_event_or_article_page_carries_at_most_4_kb_beyond_its_content(site):
    pages = sorted([*(site / "events").glob("*/index.html"), *(site / "articles").glob("*/index.html")])
    assert len(pages) >= 5
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


class References(HTMLParser):
    """The local files a page loads: stylesheets, icons, scripts and images."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.files: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("stylesheet", "icon") or tag in ("script", "img"):
            address = values.get("href") or values.get("src")
            if address and "//" not in address:
                self.files.append(address)


def test_every_file_a_page_loads_is_in_the_site_and_the_theme_files_no_page_loads_are_not(site):
    pages = [site / "index.html", site / "events" / "2023-01-02-makiivka-attack" / "index.html"]
    for path in pages:
        url = path.relative_to(site).as_posix()
        loaded = References(path.read_text(encoding="utf-8")).files
        assert any(a.endswith("assets/preferences.js") for a in loaded) and len(loaded) >= 6
        for address in loaded:
            assert (site / urljoin(url, address)).is_file(), (url, address)
    assert not (site / "assets" / "javascripts" / "lunr").exists()  # Material's search engine: its plugin is off
    assert not list(site.rglob("*.map"))  # source maps are for a developer's tools


def test_material_settings_and_palette_live_in_one_cached_file_not_on_each_page(site):
    page = (site / "events" / "2023-01-02-makiivka-attack" / "index.html").read_text(encoding="utf-8")
    assert 'id="__config"' not in page and "__md_scope=" not in page and "<svg" not in page
    assert 'data-md-component="palette"' not in page and "<script>__tl_palette_toggle()</script>" in page
    script = (site / "assets" / "preferences.js").read_text(encoding="utf-8")
    assert "{%" not in script and "{{" not in script  # rendered, not copied
    assert '"features":["navigation.instant"' in script and '"Switch to dark mode"' in script


def test_an_engine_without_the_static_template_gets_materials_inline_forms(tmp_path):
    """Zensical renders only its own static templates: pages then carry Material's settings, head script and palette
    form themselves, as Material writes them."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    - assets/preferences.js" in text
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        text.replace("    - assets/preferences.js", "    - 404.html").replace(
            "docs_dir: content/pages", f"docs_dir: {ROOT / 'content' / 'pages'}"
        ),
        encoding="utf-8",
    )
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    out = tmp_path / "site"
    assert build_site([ROOT / "seeds"], out, config) == 0
    page = (out / "events" / "2023-01-02-makiivka-attack" / "index.html").read_text(encoding="utf-8")
    assert '<script id="__config" type="application/json">{"base":"../..","features":["navigation.instant"' in page
    assert "__md_scope=new URL(" in page and 'data-md-component="palette"' in page
    assert page.count('name="__palette"') == 2 and "__tl_palette_toggle" not in page
