"""Mentions: a dated happening an article recalls in passing links to an existing event, or stays a reference.

A mention joins an event when the date matches (a mention as precise as the
event on its day; a vaguer one, "in 2014", within it), the places are
compatible, and what happened matches: the mention's words share a
distinguishing word with the event's title or leads (two when the mention
is vaguer than an event the articles report; one for a curated context
event, which a maintainer listed because articles recall it: "February's
invasion"). Otherwise it stays a dated reference on the
article. A mention is never counted as a source: it adds the article to the
event's `articles`, never to its `main_articles`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..extract.places import Gazetteer
from ..model import EventCandidate
from .similarity import words_of

PREFIX = 4  # 'invaded' meets 'invasion', 'annexed' meets 'annexation'


class EventsByDate:
    """Events by day, month and year, with the words that say what happened."""

    def __init__(self, gazetteer: Gazetteer, distinctive: Callable[[str], bool]):
        self.gazetteer = gazetteer
        self.distinctive = distinctive
        self.by_date: dict[str, list] = defaultdict(list)
        self.words: dict[int, frozenset[str]] = {}

    def add(self, draft, words: frozenset[str]) -> None:
        self.words[id(draft)] = self._stems(words)
        # a vaguer mention ("in 2014") finds only curated events and events known no better than it
        keys = {v for value in draft.dates for v in ((value, value[:7], value[:4]) if draft.curated else (value,))}
        for key in keys:
            self.by_date[key].append(draft)

    def find(self, mention: EventCandidate):
        """The event this mention names, or None."""
        mention_words = self._stems(words_of(mention.title))
        for draft in self.by_date.get(mention.date, ()):
            exact = mention.date in draft.dates
            if not exact and not any(d.startswith(mention.date) for d in draft.dates):
                continue
            if mention.place and draft.place and not _compatible(mention.place, draft.place, self.gazetteer):
                continue
            if len(mention_words & self.words[id(draft)]) >= (1 if exact or draft.curated else 2):
                return draft
        return None

    def _stems(self, words: frozenset[str]) -> frozenset[str]:
        return frozenset(w[:PREFIX] for w in words if self.distinctive(w))


def _compatible(a: str, b: str, gazetteer: Gazetteer) -> bool:
    if a == b or gazetteer.related(a, b):
        return True
    return gazetteer.specificity(a) >= 3 or gazetteer.specificity(b) >= 3
