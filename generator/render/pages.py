"""Render: a `Timeline` -> Markdown pages (source path -> text) for MkDocs.

Pages are Markdown files whose bodies are raw HTML blocks built from escaped
text, so nothing an article says is ever read as markup. Every page is
bounded in size: the timeline splits by year and month, long lists are cut
into numbered pages, long articles into parts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Article, Claim, Event, Timeline
from .format import KIND_LABEL, KIND_ORDER, front_matter_text, hedged, human_date, slug, spread, text
from .summary import event_summary

EVENTS_PER_PAGE = 150
HOME_EVENTS = 120
ARTICLE_PART_CHARS = 60_000
CLAIMS_PER_ACTOR_PAGE = 200


@dataclass(frozen=True)
class Page:
    path: str  # source path, e.g. "events/x.md"
    url: str  # site url, e.g. "events/x/"
    content: str


def url_of(path: str) -> str:
    if path == "index.md":
        return ""
    stem = path[:-3]
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def rel(from_url: str, to_url: str) -> str:
    """A link from one page to another that works under any sub-path (GitHub Pages)."""
    return "../" * from_url.count("/") + to_url


def page(path: str, title: str, body: list[str], search: str = "") -> Page:
    """A page; `search` is the attributes that put it in the search index ('' keeps it out)."""
    meta = f"---\ntitle: {front_matter_text(title)}\n---\n\n"
    blocks = [line for line in body if line]
    if search:
        blocks = [f"<div {search}>"] + blocks + ["</div>"]
    return Page(path, url_of(path), meta + "\n\n".join(blocks) + "\n")


def searchable(weight: float) -> str:
    """Pagefind attributes: index this page's body, its words weighing `weight` (events above articles)."""
    return f'data-pagefind-body data-pagefind-weight="{weight}"'


class SiteIndex:
    """Look-ups shared by the page builders: events by id, parts of articles, parties."""

    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        self.events = {e.id: e for e in timeline.events}
        self.articles = {a.id: a for a in timeline.articles}
        self.parts = {a.id: article_parts(a) for a in timeline.articles}
        self.labels = dict(timeline.parties)
        self.events_of_article: dict[str, list[str]] = defaultdict(list)
        for event in timeline.events:
            for article_id in event.articles:
                self.events_of_article[article_id].append(event.id)

    def party(self, key: str) -> str:
        return self.labels.get(key, key)

    def claim_url(self, claim: Claim) -> str:
        parts = self.parts[claim.article]
        number = next((i for i, (start, end) in enumerate(parts) if start <= claim.span[0] < end), 0)
        return article_url(claim.article, number) + f"#{claim.id}"


def article_parts(article: Article) -> list[tuple[int, int]]:
    """Character ranges of an article's pages: long texts are split at paragraph breaks."""
    body, parts, start = article.body, [], 0
    while len(body) - start > ARTICLE_PART_CHARS:
        cut = body.rfind("\n\n", start, start + ARTICLE_PART_CHARS)
        if cut <= start:
            cut = body.rfind(" ", start, start + ARTICLE_PART_CHARS)
        cut = cut if cut > start else start + ARTICLE_PART_CHARS
        parts.append((start, cut))
        start = cut
    parts.append((start, len(body)))
    return parts


def article_url(article_id: str, part: int = 0) -> str:
    return f"articles/{article_id}/" + (f"part-{part + 1}/" if part else "")


def event_label(event: Event) -> str:
    return f"{event.title} ({human_date(event.date, event.date_precision)})"


def render_site(timeline: Timeline) -> list[Page]:
    index = SiteIndex(timeline)
    pages: list[Page] = []
    from .entities import actor_pages, place_pages
    from .timeline import timeline_pages

    pages.extend(timeline_pages(index))
    pages.extend(event_page(index, event) for event in timeline.events)
    for article in timeline.articles:
        pages.extend(article_pages(index, article))
    pages.extend(actor_pages(index))
    pages.extend(place_pages(index))
    return pages


# ---------------------------------------------------------------- event pages


def event_page(index: SiteIndex, event: Event) -> Page:
    url = event.page
    body = [
        f"<h1>{text(event.title)}</h1>",
        '<p class="tl-meta">'
        f'<span class="tl-date">{human_date(event.date, event.date_precision)}</span>'
        + (f' · <a href="{rel(url, place_url(event.place))}">{text(event.place)}</a>' if event.place else "")
        + f" · {len(event.articles)} source{'s' if len(event.articles) != 1 else ''}</p>",
    ]
    summary = event_summary(event, index.labels)
    if summary:
        body.append(f'<p class="tl-summary">{text(summary)}</p>')
    body.append(_dates_reported(index, event))
    body.append(_comparison_table(index, event, url))
    body.append(_source_cards(index, event, url))
    body.append(_related(index, event, url))
    label = event_label(event)
    return page(f"events/{event.id}.md", label, body, searchable(8.0))


def _dates_reported(index: SiteIndex, event: Event) -> str:
    if not event.date_reported:
        return ""
    disputed = len(event.date_reported) > 1
    items = []
    for value, ids in sorted(event.date_reported.items()):
        precision = _precision(value)
        names = ", ".join(text(_source_name(index, i)) for i in ids[:12]) + (" …" if len(ids) > 12 else "")
        items.append(f"<li><strong>{human_date(value, precision)}</strong>: {names}</li>")
    heading = "Sources disagree on the date" if disputed else "Date given by the sources"
    marker = ' <span class="tl-flag" title="sources disagree">≠</span>' if disputed else ""
    return f'<h2 id="dates">{heading}{marker}</h2>\n<ul class="tl-dates">{"".join(items)}</ul>'


def _precision(value: str) -> str:
    return "day" if len(value) == 10 else "month" if len(value) == 7 else "year"


def _source_name(index: SiteIndex, article_id: str) -> str:
    article = index.articles.get(article_id)
    if article is None:
        return article_id
    return article.outlet or article.title


def _comparison_table(index: SiteIndex, event: Event, url: str) -> str:
    """Figure kinds as rows, one column per party; each cell names who said what, linked to the quote."""
    cells: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    parties: dict[str, None] = {}
    for claim in event.claims:
        for figure in claim.figures:
            parties[claim.party] = None
            href = rel(url, index.claim_url(claim))
            who = text(claim.claimant or "the outlet")
            key = f"{figure.value}|{figure.qualifier}|{claim.claimant}"
            cells[(figure.kind, claim.party)].setdefault(
                key, f'<a href="{href}">{hedged(figure.value, figure.qualifier)}</a> <span class="tl-who">{who}</span>'
            )
    if not parties:
        return '<h2 id="figures">Figures</h2>\n<p>No source gives a figure for this event.</p>'
    disputed = {d.kind: d for d in event.discrepancies}
    ordered = sorted(parties, key=lambda p: (p == "other", p))
    head = "".join(
        f'<th scope="col" class="tl-party tl-party-{slug(p)}">'
        f'<a href="{rel(url, actor_url(p))}">{text(index.party(p))}</a></th>'
        for p in ordered
    )
    rows = []
    for kind in [k for k in KIND_ORDER if any((k, p) in cells for p in ordered)]:
        mark = ""
        if kind in disputed:
            values = [v for vs in disputed[kind].values.values() for v in vs]
            mark = f'<br><span class="tl-disputed" title="sources disagree">⚠ disputed: {spread(values)}</span>'
        row = [f'<th scope="row">{KIND_LABEL[kind]}{mark}</th>']
        row += [f"<td>{'<br>'.join(cells[(kind, p)].values()) or '—'}</td>" for p in ordered]
        css = ' class="tl-row-disputed"' if kind in disputed else ""
        rows.append(f"<tr{css}>{''.join(row)}</tr>")
    return (
        '<h2 id="figures">Figures by party and source</h2>\n'
        '<p class="tl-legend">~ about · ≥ at least · ≤ up to · each figure links to the sentence that gives it; '
        '<span class="tl-disputed">⚠ disputed</span> marks figures the sources disagree on.</p>\n'
        f'<div class="tl-table-wrap"><table class="tl-compare"><thead><tr><th scope="col">Figure</th>{head}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _source_cards(index: SiteIndex, event: Event, url: str) -> str:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in event.claims:
        by_article[claim.article].append(claim)
    cards = []
    for article_id in event.articles:
        article = index.articles.get(article_id)
        if article is None:
            continue
        quotes = "".join(
            f"<blockquote><p>{text(c.quote)}</p><footer>— {text(c.claimant or 'the outlet itself')} "
            f'(<a class="tl-party tl-party-{slug(c.party)}" href="{rel(url, actor_url(c.party))}">'
            f"{text(index.party(c.party))}</a>) · "
            f'<a href="{rel(url, index.claim_url(c))}">in context</a></footer></blockquote>'
            for c in by_article.get(article_id, [])[:8]
        )
        role = "reports this event" if article_id in event.main_articles else "mentions this event"
        outlet = f"{text(article.outlet)} · " if article.outlet else ""
        cards.append(
            f'<div class="tl-source"><h3><a href="{rel(url, article_url(article_id))}">{text(article.title)}</a></h3>'
            f'<p class="tl-meta">{outlet}published {human_date(article.date.isoformat(), "day")} · {role}</p>'
            f"{quotes}</div>"
        )
    return '<h2 id="sources">Sources</h2>\n' + "\n".join(cards)


def _related(index: SiteIndex, event: Event, url: str) -> str:
    related = [index.events[r] for r in event.related if r in index.events][:30]
    if not related:
        return ""
    items = "".join(f'<li><a href="{rel(url, e.page)}">{text(event_label(e))}</a></li>' for e in related)
    return f'<h2 id="related">Related events</h2>\n<ul>{items}</ul>'


def place_url(place: str | None) -> str:
    return f"places/{slug(place or 'unknown')}/"


def actor_url(party: str) -> str:
    return f"actors/{slug(party)}/"


# -------------------------------------------------------------- article pages


def article_pages(index: SiteIndex, article: Article) -> list[Page]:
    parts = index.parts[article.id]
    claims = sorted(
        (c for e in index.timeline.events for c in e.claims if c.article == article.id), key=lambda c: c.span[0]
    )
    pages = []
    for number, (start, end) in enumerate(parts):
        url = article_url(article.id, number)
        body = [f"<h1>{text(article.title)}</h1>", _article_meta(index, article, url)]
        if len(parts) > 1:
            links = " ".join(
                f'<a href="{rel(url, article_url(article.id, i))}"{" aria-current=page" if i == number else ""}>'
                f"{i + 1}</a>"
                for i in range(len(parts))
            )
            body.append(f'<nav class="tl-pages" aria-label="Parts of this article">Part: {links}</nav>')
        body.append(_article_text(article, start, end, [c for c in claims if start <= c.span[0] < end]))
        path = f"articles/{article.id}.md" if number == 0 else f"articles/{article.id}/part-{number + 1}.md"
        pages.append(page(path, article.title, body, searchable(1.0)))
    return pages


def _article_meta(index: SiteIndex, article: Article, url: str) -> str:
    rows = [
        ("Published", human_date(article.date.isoformat(), "day")),
        ("Outlet", text(article.outlet or "—")),
        ("Language", text(article.language)),
    ]
    if article.url and article.url.startswith(("http://", "https://")):
        rows.append(("Original", f'<a href="{text(article.url)}" rel="nofollow noopener">{text(article.url)}</a>'))
    events = [index.events[e] for e in index.events_of_article.get(article.id, []) if e in index.events]
    if events:
        rows.append(("Events", " · ".join(f'<a href="{rel(url, e.page)}">{text(event_label(e))}</a>' for e in events)))
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
        anchors = "".join(f'<span id="{c.id}" class="tl-anchor"></span>' for c in others)
        who = text(", ".join(dict.fromkeys(c.claimant or "the outlet" for c in same)))
        pieces.append(
            f'<mark id="{first.id}" class="tl-claim" title="claim by {who}">{anchors}{_paragraphs(body[s:e])}</mark>'
        )
        cursor = e
    pieces.append(_paragraphs(body[cursor:end]))
    return f'<div class="tl-article-text"><p>{"".join(pieces)}</p></div>'


def _paragraphs(chunk: str) -> str:
    paragraphs = chunk.split("\n\n")
    return "</p><p>".join(" ".join(text(line) for line in p.split("\n")) for p in paragraphs)
