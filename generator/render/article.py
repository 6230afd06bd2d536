"""Article pages: metadata and the full text (when the site may publish it: else `quoted.py`), as text, with
every claim's sentence marked and anchored.

Long articles are cut into parts at paragraph breaks, so no page grows
without bound; a claim's anchor is on the part that holds its sentence.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Article, Claim
from .format import escape, human_date
from .pages import Page, SiteIndex, article_url, event_label, link_to, page
from .quoted import quoting_page
from .search import SearchFacts


def article_pages(index: SiteIndex, article: Article) -> list[Page]:
    if not index.publishes_text(article):
        meta = _article_meta(index, article, article_url(article.id))
        return [quoting_page(index, article, meta, _search_facts(index, article))]
    parts = index.parts[article.id]
    claims = sorted(index.claims_of_article.get(article.id, []), key=lambda c: c.span[0])
    pages, facts = [], _search_facts(index, article)
    for number, (start, end) in enumerate(parts):
        url = article_url(article.id, number)
        body = [f"<h1>{escape(article.title)}</h1>", _article_meta(index, article, url)]
        if len(parts) > 1:
            links = " ".join(
                f'<a href="{link_to(url, article_url(article.id, i))}"{" aria-current=page" if i == number else ""}>'
                f"{i + 1}</a>"
                for i in range(len(parts))
            )
            body.append(f'<nav class="tl-pages" aria-label="Parts of this article">Part: {links}</nav>')
        body.append(_article_text(article, start, end, [c for c in claims if start <= c.span[0] < end]))
        path = f"articles/{article.id}.md" if number == 0 else f"articles/{article.id}/part-{number + 1}.md"
        pages.append(page(path, article.title, body, facts, index.spellings))
    return pages


def _search_facts(index: SiteIndex, article: Article) -> SearchFacts:
    """An article's result says 'Article' and its publication date; its place is its main event's."""
    event = index.events.get(index.timeline.article_event.get(article.id, ""))
    filters = [("Type", "Article"), ("Year", str(article.date.year))]
    filters += [("Party", index.party(claim.party)) for claim in index.claims_of_article.get(article.id, [])]
    filters += [("Place", event.place)] if event and event.place else []
    filters += [("Outlet", article.outlet)] if article.outlet else []
    return SearchFacts(1.0, "Article", human_date(article.date.isoformat(), "day"), tuple(filters))


def _article_meta(index: SiteIndex, article: Article, url: str) -> str:
    rows = [
        ("Published", human_date(article.date.isoformat(), "day")),
        ("Outlet", escape(article.outlet or "—")),
        ("Language", escape(article.language)),
    ]
    if article.url and article.url.startswith(("http://", "https://")):
        rows.append(("Original", f'<a href="{escape(article.url)}" rel="nofollow noopener">{escape(article.url)}</a>'))
    if article.license:
        rows.append(("Licence", escape(article.license)))
    events = [index.events[e] for e in index.events_of_article.get(article.id, []) if e in index.events]
    if events:
        rows.append(
            ("Events", " · ".join(f'<a href="{link_to(url, e.page)}">{escape(event_label(e))}</a>' for e in events))
        )
    cells = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
    return f'<table class="tl-article-meta"><tbody>{cells}</tbody></table>'


def _article_text(article: Article, start: int, end: int, claims: list[Claim]) -> str:
    """The text as text: paragraphs, each claim's sentence marked, every claim id an anchor on it."""
    body = article.body
    by_span: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_span[claim.span].append(claim)
    pieces, cursor = [], start
    for (s, e), same in sorted(by_span.items()):
        if s < cursor or s >= end:
            continue
        e = min(e, end)
        pieces.append(_paragraphs(body[cursor:s]))
        first, *others = same
        anchors = "".join(f'<span id="{escape(c.id)}" class="tl-anchor"></span>' for c in others)
        who = escape(", ".join(dict.fromkeys(c.claimant or "the outlet" for c in same)))
        mark = f'<mark id="{escape(first.id)}" class="tl-claim" title="claim by {who}">'
        pieces.append(f"{mark}{anchors}{_paragraphs(body[s:e])}</mark>")
        cursor = e
    pieces.append(_paragraphs(body[cursor:end]))
    return f'<div class="tl-article-text"><p>{"".join(pieces)}</p></div>'


def _paragraphs(chunk: str) -> str:
    paragraphs = chunk.split("\n\n")
    return "</p><p>".join(" ".join(escape(line) for line in p.split("\n")) for p in paragraphs)
