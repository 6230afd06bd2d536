"""Text is shown exactly: whatever an article or a registry says, a reader sees those characters, nothing else.

Property tests (Hypothesis) over hostile strings: quotes, ampersands, `#`, `<`, entities written out,
Markdown and Jinja characters, emoji, right-to-left text. Pages are read back with Python's HTML parser,
which decodes character references as a browser does; the browser tests repeat this in Chromium.
"""

from __future__ import annotations

import html
import json
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from text_samples import PIECES, ShownText, hostile_text, hostile_timeline, one_line

from generator.render import render_site
from generator.render.format import escape
from generator.serialize import timeline_to_json

SPECIALS = set("&<>\"'{}[]*_`\\#|!~^")
MADE_BY_ESCAPE = re.compile(r"&(?:amp|lt|gt|quot|#\d+);")


@settings(max_examples=500)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | hostile_text())
def test_escaped_text_decodes_to_the_input(value):
    out = escape(value)
    assert html.unescape(out) == value.replace("\0", "\ufffd")
    assert not SPECIALS & set(MADE_BY_ESCAPE.sub("", out)), out  # nothing left that HTML or Markdown reads


def test_an_apostrophe_is_escaped_once():
    # the old two-pass helper turned the entity's '#' into '&#35;', so pages showed "O&#x27;Brien"
    assert html.unescape(escape("O'Brien & Co #1")) == "O'Brien & Co #1"
    assert html.unescape(html.unescape(escape("&amp;"))) != html.unescape(escape("&amp;"))


def shown_pages(timeline) -> dict[str, tuple[str, ShownText]]:
    """Each page's title as the browser shows it (front matter) and its body's elements."""
    shown = {}
    for page in render_site(timeline):
        if not page.path.endswith(".md"):  # data files (the filter indexes): read as data below
            continue
        title = yaml.safe_load(page.front_matter.split("---\n")[1])["title"]
        shown[page.path] = (html.unescape(title), ShownText(page.html))
    return shown


TEXTS = st.fixed_dictionaries(
    {
        "title": hostile_text(),
        "place": hostile_text(),
        "claimant": hostile_text(),
        "quote": hostile_text(2),
        "outlet": hostile_text(),
        "label": hostile_text(),
    }
)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_every_page_shows_titles_quotes_claimants_and_places_exactly(texts):
    pages = shown_pages(hostile_timeline(**texts))
    title, place, claimant, quote = texts["title"], texts["place"], texts["claimant"], texts["quote"]

    event_title, event = pages["events/2023-01-01-strike.md"]
    assert event_title == one_line(title + " (1 January 2023)")
    assert event.texts("h1") == [title]
    assert place in event.texts("a")  # the place link under the title
    assert event.texts("blockquote")[0].startswith(quote)
    assert event.texts("span", "tl-who")[0] == claimant
    assert texts["label"] in event.texts("a")  # the party's column and the quote's credit
    assert texts["outlet"] + " · published 2 January 2023 · reports this event" in event.texts("p", "tl-meta")

    article_title, article = pages["articles/a1.md"]
    assert article_title == one_line(title)
    assert article.texts("h1") == [title]
    assert article.texts("mark", "tl-claim") == [quote]
    assert texts["outlet"] in article.texts("td")

    _, home = pages["index.md"]
    assert home.texts("a", "tl-title") == [title] and home.texts("a", "tl-place") == [place]

    place_pages = [shown for path, shown in pages.items() if path.startswith("places/") and path != "places/index.md"]
    assert [shown.texts("h1") for _, shown in place_pages] == [[place]]
    _, actor = next(shown for path, shown in pages.items() if path.startswith("actors/") and path != "actors/index.md")
    assert actor.texts("h1") == [texts["label"]] and claimant in actor.texts("h2")


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_timeline_json_keeps_every_value_as_written(texts):
    data = json.loads(timeline_to_json(hostile_timeline(**texts)))
    event = data["events"][0]
    assert (event["title"], event["place"]) == (texts["title"], texts["place"])
    assert event["claims"][0]["claimant"] == texts["claimant"] and event["claims"][0]["quote"] == texts["quote"]
    assert (data["articles"][0]["title"], data["articles"][0]["outlet"]) == (texts["title"], texts["outlet"])


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_the_filter_index_keeps_titles_places_parties_and_outlets_as_written(texts):
    files = {p.path: p.content for p in render_site(hostile_timeline(**texts)) if p.path.endswith(".json")}
    data = json.loads(files["data/filters/2023.json"])
    assert data["events"][0][2] == texts["title"].replace("\0", "\ufffd")
    assert [label for _, label in data["places"]] == [texts["place"].replace("\0", "\ufffd")]
    assert texts["label"].replace("\0", "\ufffd") in [label for _, label in data["parties"]]
    assert [label for _, label in data["outlets"]] == [texts["outlet"].replace("\0", "\ufffd")]


def test_the_samples_cover_what_broke_pages():
    assert {"'", "&", "#", "<", "&amp;", "{{", "{%", "*", "_", "[", "]"} <= set(PIECES)
