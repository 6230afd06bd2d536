"""Hostile text for the "text is shown exactly" tests: strategies, a timeline that carries it, and a text reader.

Shared by `test_text_exact.py` (Python's HTML parser) and the browser tests (Chromium).
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from hypothesis import strategies as st

from generator.model import Article, Claim, Discrepancy, Event, Figure, Timeline

# What broke pages before, or could: HTML specials, entities written out, Markdown and Jinja, emoji, RTL.
PIECES = [
    "'", '"', "&", "#", "<", ">", "&amp;", "&#x27;", "&#39;", "&lt;", "&quot", "&#35;", "<script>", "</p>", "<b>",
    "*", "**", "_", "__", "[", "]", "[a](javascript:x)", "`", "\\", "|", "!", "~", "^", "%",
    "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{{ config }}", "{% raw %}",
    "😀", "👩🏽‍🚀", "🇺🇦", "שלום", "مرحبا بكم", "\u200f", "\u200e", "Київ", "O'Brien", " ",
]  # fmt: skip
# Any printable character: no control characters (ingest keeps them out) and no lone surrogates (not UTF-8).
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))


def hostile_text(min_pieces: int = 1) -> st.SearchStrategy[str]:
    """A non-blank string mixing hostile pieces and random printable characters, without leading/trailing space."""
    piece = st.one_of(st.sampled_from(PIECES), st.text(PRINTABLE, min_size=1, max_size=4))
    return st.lists(piece, min_size=min_pieces, max_size=10).map(lambda parts: "".join(parts).strip()).filter(bool)


def one_line(value: str) -> str:
    """Runs of whitespace as one space: how a page title (front matter) and a paragraph's lines are shown."""
    return " ".join(value.split())


def hostile_timeline(title: str, place: str, claimant: str, quote: str, outlet: str, label: str) -> Timeline:
    """One event from one article, every shown value chosen by the test."""
    body = f"Intro. {quote}\n\nMore text."
    start = body.index(quote)
    source = Article("a1", "a1.md", date(2023, 1, 2), title, outlet, None, "en", body)
    figure = Figure("killed", 63, "exact", start, start + 1)
    said = Claim("a1-c1", "a1", claimant, "russia", quote, (start, start + len(quote)), (figure,), 0)
    other = Claim("a1-c2", "a1", None, "ukraine", quote, (start, start + len(quote)), (figure,), 0)
    event = Event(
        id="2023-01-01-strike",
        title=title,
        date="2023-01-01",
        date_precision="day",
        date_reported={"2023-01-01": ["a1"]},
        place=place,
        articles=("a1",),
        main_articles=("a1",),
        claims=(said, other),
        discrepancies=(Discrepancy("killed", {"russia": [63], "ukraine": [400]}, ("a1",)),),
    )
    return Timeline((source,), (event,), {"a1": event.id}, parties={"russia": label, "ukraine": "Ukraine"})


class ShownText(HTMLParser):
    """The text content of every element of an HTML fragment, as a browser's DOM has it (entities decoded)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict, list[str]]] = []
        self.elements: list[tuple[str, dict, str]] = []  # (tag, attributes, text content), in document order
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        while self.open:
            name, attrs, parts = self.open.pop()
            content = "".join(parts)
            self.elements.append((name, attrs, content))
            if self.open:
                self.open[-1][2].append(content)
            if name == tag:
                break

    def handle_data(self, data):
        if self.open:
            self.open[-1][2].append(data)

    def texts(self, tag: str, css_class: str = "") -> list[str]:
        return [
            content
            for name, attrs, content in self.elements
            if name == tag and (not css_class or css_class in (attrs.get("class") or "").split())
        ]
