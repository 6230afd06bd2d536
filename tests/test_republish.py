"""Quote, don't republish: whose full text a page carries, the quoting page, the text-fragment link, check."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from urllib.parse import unquote

from stage_helpers import ROOT

from generator.ingest import read_articles
from generator.model import Article, Claim, Event, Figure, Timeline
from generator.render import render_site
from generator.render.pages import SiteOptions
from generator.render.quoted import EXCERPT_CHARS, excerpt, text_fragment_link
from generator.site import build_site

LONG_BODY = (
    "Intro sentence about the night.\n\nThe governor said 12 people were killed in the strike on the market. "
    "Rescuers worked through the night, the emergency service said. "
    + " ".join(f"Paragraph filler sentence number {n} talks about the weather and the roads." for n in range(60))
)
QUOTE = "The governor said 12 people were killed in the strike on the market."


def linked_article(**fields) -> Article:
    base = Article("r1", "r1.md", date(2023, 1, 2), "A report", "Outlet", "https://news.example/r1", "en", LONG_BODY)
    return replace(base, **fields)


def timeline_of(article: Article) -> Timeline:
    start = article.body.index(QUOTE)
    figure = Figure("killed", 12, "exact", start + 18, start + 20)
    context = "Intro sentence about the night."
    made = Claim("r1-c1", article.id, "The governor", "ukraine", QUOTE, (start, start + len(QUOTE)), (figure,), 1)
    claim = replace(made, context=context)
    event = Event("2023-01-02-x", "Strike", "2023-01-02", "day", {}, None, (article.id,), (article.id,), (claim,))
    return Timeline((article,), (event,), {article.id: event.id}, parties={"ukraine": "Ukraine"})


def article_page(timeline: Timeline, options: SiteOptions | None = None) -> str:
    return next(p.html for p in render_site(timeline, options or SiteOptions()) if p.path == "articles/r1.md")


class Visible(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        self.text.append(data)


def test_an_article_with_a_url_is_quoted_not_republished():
    html = article_page(timeline_of(linked_article()))
    shown = Visible(html)
    text = " ".join(shown.text)
    assert "filler sentence number 40" not in text  # the body past the excerpt is not on the page
    assert QUOTE in text and "Intro sentence about the night." in text  # the quote and its context
    fragment = next(link for link in shown.links if "#:~:text=" in link)
    assert fragment.startswith("https://news.example/r1#:~:text=")


def test_the_excerpt_is_at_most_300_characters_and_from_the_start():
    cut = excerpt(LONG_BODY)
    assert 0 < len(cut) <= EXCERPT_CHARS and cut.startswith("Intro sentence")
    assert excerpt("Short text.") == "Short text."
    assert len(excerpt("word " * 200)) <= EXCERPT_CHARS


def test_republish_true_or_a_licence_publishes_the_full_text_and_false_withholds_it():
    for allowed in (linked_article(republish=True), linked_article(license="CC-BY-4.0")):
        assert "filler sentence number 40" in article_page(timeline_of(allowed))
    own = linked_article(url=None)
    assert own.republishable and "filler sentence number 40" in article_page(timeline_of(own))
    withheld = linked_article(url=None, republish=False)
    assert "filler sentence number 40" not in article_page(timeline_of(withheld))


def test_policy_never_quotes_even_republishable_articles():
    own = linked_article(url=None)
    assert "filler sentence number 40" not in article_page(timeline_of(own), SiteOptions(full_text="never"))


def test_text_fragment_encodes_the_directive_characters():
    link = text_fragment_link("https://x.example/a?b=1#top", "Kyiv-based, 5 & more: 50% said “no”.")
    base, _, directive = link.partition("#:~:text=")
    assert base == "https://x.example/a?b=1"
    assert "-" not in directive and "&" not in directive and " " not in directive and "," not in directive
    assert unquote(directive) == "Kyiv-based, 5 & more: 50% said “no”."


def test_a_long_sentence_is_found_by_its_first_and_last_words():
    sentence = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    directive = text_fragment_link("https://x.example/", sentence).partition("#:~:text=")[2]
    start, end = directive.split(",")
    assert unquote(start) == "one two three four five six" and unquote(end).endswith("thirteen fourteen")


def test_check_reads_republish_and_license_and_names_wrong_values(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    head = "---\ndate: 2023-01-02\nurl: https://news.example/a\n"
    (folder / "ok.md").write_text(head + "republish: true\nlicense: CC-BY-4.0\n---\n\nSome text here.\n")
    (folder / "bad.md").write_text(head + "republish: maybe\nlicense: [1, 2]\n---\n\nSome text here.\n")
    articles, problems = read_articles([folder], tmp_path)
    assert [(a.id, a.republish, a.license) for a in articles] == [("ok", True, "CC-BY-4.0")]
    messages = sorted(f"{p.path}:{p.line}: {p.message}" for p in problems)
    assert messages == [
        "content/bad.md:4: republish 'maybe' is not true or false",
        "content/bad.md:5: license '[1, 2]' is not the name of a licence",
    ]


def test_corpus_like_build_publishes_no_full_text_of_a_linked_article(tmp_path):
    """Every linked article's text must be absent from every file of the site, its data files included."""
    content = tmp_path / "content"
    content.mkdir()
    tail = " ".join(f"Distinct closing sentence {n} of article {{i}} about supply lines." for n in range(30))
    for i in range(6):
        body = f"Officials in Kharkiv said {i + 3} people were killed on Monday in shelling. " + tail.format(i=i)
        front = f"---\ndate: 2023-03-0{i + 1}\noutlet: Wire\nurl: https://wire.example/{i}\n---\n\n"
        (content / f"wire-{i}.md").write_text(front + body + "\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build_site([content], site, ROOT / "mkdocs.yml") == 0
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert data["articles"] and all("body" not in a and "text" not in a for a in data["articles"])
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".txt")]
    assert any(p.name == "index.html" and "articles" in p.parts for p in files)
    for i in range(6):
        late = f"Distinct closing sentence 25 of article {i} about supply lines."
        for path in files:
            assert late not in path.read_text(encoding="utf-8", errors="replace"), path
