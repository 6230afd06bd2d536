"""Render again only what changed, for `timeline serve`: the last build's event and article pages are kept.

Takes each build's `SiteIndex` (the Timeline and the site's look-ups) and gives the same pages
`render_site` renders, reusing an event's or an article's pages when nothing they show changed: a
page lists the articles and events it reads (its inputs), and it is rendered again when one of them
differs from the last build's, when the list itself differs, or when what every page reads (the page
options, the parties' labels, the spellings) changed. The full build (`timeline build`) never keeps
pages: it renders every page from the Timeline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model import Article, Event
from .pages import Page, SiteIndex


class PageMemo:
    """The pages of the last build in one serve session, by article or event, with the inputs they were made from."""

    def __init__(self) -> None:
        self.site_inputs: tuple | None = None
        self.articles: dict[str, Article] = {}
        self.events: dict[str, Event] = {}
        self.kept: dict[str, tuple[frozenset[str], list[Page]]] = {}  # "article:x" / "event:y" -> (inputs, pages)
        self.changed: set[str] = set()
        self.claim_events: dict[str, set[str]] = {}
        self.rendered = 0  # article and event pages rendered in this build (the rest were kept)

    def start(self, index: SiteIndex) -> None:
        """Compare this build's articles and events with the last build's; called once before any page."""
        timeline = index.timeline
        site_inputs = (index.options, timeline.parties, timeline.spellings)
        if site_inputs != self.site_inputs:
            self.kept = {}
        changed = {f"article:{i}" for i, a in index.articles.items() if self.articles.get(i) != a}
        changed |= {f"article:{i}" for i in self.articles.keys() - index.articles.keys()}
        changed |= {f"event:{i}" for i, e in index.events.items() if self.events.get(i) != e}
        changed |= {f"event:{i}" for i in self.events.keys() - index.events.keys()}
        self.changed, self.rendered = changed, 0
        self.site_inputs, self.articles, self.events = site_inputs, dict(index.articles), dict(index.events)
        self.claim_events = defaultdict(set)
        for event in timeline.events:
            for claim in event.claims:
                self.claim_events[claim.article].add(event.id)
        present = {f"article:{i}" for i in index.articles} | {f"event:{i}" for i in index.events}
        self.kept = {key: kept for key, kept in self.kept.items() if key in present}

    def article_pages(self, index: SiteIndex, article: Article, render: Callable[[], list[Page]]) -> list[Page]:
        events = {*index.events_of_article.get(article.id, ()), *self.claim_events.get(article.id, ())}
        main = index.timeline.article_event.get(article.id)
        events |= {main} if main else set()
        inputs = frozenset({f"article:{article.id}", *(f"event:{e}" for e in events)})
        return self._pages(f"article:{article.id}", inputs, render)

    def event_pages(self, index: SiteIndex, event: Event, render: Callable[[], list[Page]]) -> list[Page]:
        articles = {*event.articles, *(c.article for c in event.claims)}
        articles |= {a for ids in event.date_reported.values() for a in ids}
        inputs = frozenset(
            {f"event:{event.id}", *(f"article:{a}" for a in articles), *(f"event:{r}" for r in event.related)}
        )
        return self._pages(f"event:{event.id}", inputs, render)

    def _pages(self, key: str, inputs: frozenset[str], render: Callable[[], list[Page]]) -> list[Page]:
        kept = self.kept.get(key)
        if kept is None or kept[0] != inputs or not self.changed.isdisjoint(inputs):
            try:
                kept = self.kept[key] = (inputs, render())
            except BaseException:
                self.site_inputs = None  # this build stops here: the next renders every page anew
                raise
            self.rendered += 1
        return kept[1]


class EveryPageAnew:
    """The full build's way: every page rendered from this build's Timeline, nothing kept."""

    def start(self, index: SiteIndex) -> None:
        pass

    def article_pages(self, index: SiteIndex, article: Article, render: Callable[[], list[Page]]) -> list[Page]:
        return render()

    def event_pages(self, index: SiteIndex, event: Event, render: Callable[[], list[Page]]) -> list[Page]:
        return render()
