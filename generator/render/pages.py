"""Render: a `Timeline` -> Markdown pages (source path -> text) for MkDocs.

This module holds what every page builder shares (page paths, links, the
site's look-ups); `timeline.py`, `event.py`, `article.py` and `entities.py`
each build one kind of page. Pages are Markdown files whose bodies are raw
HTML blocks built from escaped text, so nothing an article says is ever read
as markup. Every page is bounded in size: the timeline splits by year, long
lists are cut into numbered pages, long articles into parts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Claim, Event, Timeline
from .format import escape, front_matter_text, human_date, slug
from .search import INDEXED_BODY, SearchFacts, SpellingFinder, search_html

if TYPE_CHECKING:
    from .incremental import PageMemo

EVENTS_PER_PAGE = 150
HOME_EVENTS = 120
ARTICLE_PART_CHARS = 60_000
CLAIMS_PER_ACTOR_PAGE = 200
FULL_TEXT_POLICIES = ("republishable", "never")


@dataclass(frozen=True)
class SiteOptions:
    """What the maintainer sets about the pages (the plugin's config holds these): page sizes and whose full
    text is published ('republishable': articles that are ours or say so, 'never': every article quoted)."""

    events_per_page: int = EVENTS_PER_PAGE
    home_events: int = HOME_EVENTS
    article_part_chars: int = ARTICLE_PART_CHARS
    claims_per_actor_page: int = CLAIMS_PER_ACTOR_PAGE
    full_text: str = "republishable"
    repo_url: str = ""  # mkdocs.yml's repo_url: where a reader reports a problem ('' for no link)
    site_url: str = ""  # mkdocs.yml's site_url: the site's address, for the report's link back


@dataclass(frozen=True)
class Page:
    path: str  # source path, e.g. "events/x.md"
    url: str  # site url, e.g. "events/x/"
    front_matter: str  # the YAML block MkDocs reads the title from; a data file's whole text (see data_file)
    html: str  # the page body, final HTML: the plugin hands it to the theme without a Markdown pass

    @property
    def content(self) -> str:
        """The page as a Markdown source file (raw HTML blocks), for tools and tests that read pages as files."""
        return self.front_matter + self.html


def url_of(path: str) -> str:
    if path == "index.md":
        return ""
    stem = path[:-3]
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def rel(from_url: str, to_url: str) -> str:
    """A link from one page to another that works under any sub-path (GitHub Pages)."""
    return "../" * from_url.count("/") + to_url


def link_to(from_url: str, to_url: str) -> str:
    """`rel()` as an href attribute value: escaped like every value that lands in a page."""
    return escape(rel(from_url, to_url))


def page(
    path: str, title: str, body: list[str], search: SearchFacts | None = None, spellings: SpellingFinder | None = None
) -> Page:
    """A page; `search` puts it in the search index (None keeps it out), with what its result shows and the
    filters that find it, and every spelling `spellings` knows of the names it uses."""
    meta = f"---\ntitle: {front_matter_text(title)}\n---\n\n"
    blocks = [line for line in body if line]
    if search:
        # after the title, before the first section: the spellings belong to the page, not to its last section
        hidden = search_html(search, "\n".join(blocks), spellings)
        wrapper = f'<div {INDEXED_BODY} data-pagefind-weight="{search.weight}">'
        blocks = [wrapper, *blocks[:1], hidden, *blocks[1:], "</div>"]
    return Page(path, url_of(path), meta, "\n\n".join(blocks) + "\n")


def data_file(path: str, text: str) -> Page:
    """A file the site serves as it is (a filter index): MkDocs copies the text it is handed, here all of it."""
    return Page(path, path, text, "")


class SiteIndex:
    """Look-ups shared by the page builders: events by id, parts of articles, parties."""

    def __init__(self, timeline: Timeline, options: SiteOptions = SiteOptions()):
        self.timeline = timeline
        self.options = options
        self.repo_url, self.site_url = options.repo_url, options.site_url  # where problems are reported, the address
        self.events = {e.id: e for e in timeline.events}
        self.articles = {a.id: a for a in timeline.articles}
        self.parts = {
            a.id: article_parts(a, options.article_part_chars) if self.publishes_text(a) else [(0, len(a.body))]
            for a in timeline.articles
        }
        self.labels = dict(timeline.parties)
        self.spellings = SpellingFinder(timeline.spellings)
        self.events_of_article: dict[str, list[str]] = defaultdict(list)
        self.claims_of_article: dict[str, list[Claim]] = defaultdict(list)
        for event in timeline.events:
            for article_id in event.articles:
                self.events_of_article[article_id].append(event.id)
            for claim in event.claims:
                self.claims_of_article[claim.article].append(claim)

    def publishes_text(self, article: Article) -> bool:
        """Whether the article's page carries its full text, or quotes it and links to the original."""
        return self.options.full_text == "republishable" and article.republishable

    def party(self, key: str) -> str:
        return self.labels.get(key, key)

    def claim_url(self, claim: Claim) -> str:
        parts = self.parts[claim.article]
        number = next((i for i, (start, end) in enumerate(parts) if start <= claim.span[0] < end), 0)
        return article_url(claim.article, number) + f"#{claim.id}"


def article_parts(article: Article, part_chars: int = ARTICLE_PART_CHARS) -> list[tuple[int, int]]:
    """Character ranges of an article's pages: long texts are split at paragraph breaks."""
    body, parts, start = article.body, [], 0
    while len(body) - start > part_chars:
        cut = body.rfind("\n\n", start, start + part_chars)
        if cut <= start:
            cut = body.rfind(" ", start, start + part_chars)
        cut = cut if cut > start else start + part_chars
        parts.append((start, cut))
        start = cut
    parts.append((start, len(body)))
    return parts


def article_url(article_id: str, part: int = 0) -> str:
    return f"articles/{article_id}/" + (f"part-{part + 1}/" if part else "")


def event_label(event: Event) -> str:
    return f"{event.title} ({human_date(event.date, event.date_precision)})"


def render_site(timeline: Timeline, options: SiteOptions = SiteOptions(), memo: PageMemo | None = None) -> list[Page]:
    """Every page of the site: timeline and years, events, articles, parties, places. With a `memo` (a serve
    session's), an event's or article's pages that show nothing new are the last build's (`incremental.py`)."""
    return list(render_pages(timeline, options, memo))


def render_pages(
    timeline: Timeline, options: SiteOptions = SiteOptions(), memo: PageMemo | None = None
) -> Iterator[Page]:
    """`render_site`'s pages one by one, as each is rendered (the plugin hands each to the search index)."""
    from .article import article_pages
    from .entities import actor_pages, place_pages
    from .event import event_page, redirect_page
    from .incremental import EveryPageAnew
    from .open_data import open_data_page
    from .timeline import timeline_pages

    index = SiteIndex(timeline, options)
    yield from timeline_pages(index)
    kept = memo or EveryPageAnew()
    kept.start(index)
    for event in timeline.events:
        yield from kept.event_pages(index, event, lambda event=event: [event_page(index, event)])
    taken = {event.id for event in timeline.events}
    yield from (redirect_page(e, alias) for e in timeline.events for alias in e.aliases if alias not in taken)
    for article in timeline.articles:
        yield from kept.article_pages(index, article, lambda article=article: article_pages(index, article))
    yield from actor_pages(index)
    yield from place_pages(index)
    yield open_data_page(index)


def place_url(place: str | None) -> str:
    return f"places/{slug(place or 'unknown')}/"


def actor_url(party: str) -> str:
    return f"actors/{slug(party)}/"
