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
NOT_DISTINCTIVE = frozenset({""})


class EventsByDate:
    """Events by day, month and year, with the words that say what happened."""

    def __init__(self, gazetteer: Gazetteer, distinctive: Callable[[str], bool]):
        self.gazetteer = gazetteer
        self.distinctive = distinctive
        self.by_date: dict[str, list] = defaultdict(list)
        self.words: dict[int, frozenset[str]] = {}
        self.dates: dict[int, frozenset[str]] = {}  # a draft's dates, fixed once its reports are known
        self.stem_of: dict[str, str] = {}

    def add(self, draft, words: frozenset[str]) -> None:
        self.words[id(draft)] = self._stems(words)
        dates = self.dates[id(draft)] = frozenset(draft.dates)
        # a vaguer mention ("in 2014") finds only curated events and events known no better than it
        keys = {v for value in dates for v in ((value, value[:7], value[:4]) if draft.curated else (value,))}
        for key in keys:
            self.by_date[key].append(draft)

    def find(self, mention: EventCandidate, words: frozenset[str] | None = None):
        """The event this mention names, or None: the first on its date whose words and place both match
        (`words`: those of the mention's title, when already read).

        The conditions are checked cheapest first (shared words before places); all must hold, so the
        order changes nothing but the time."""
        drafts = self.by_date.get(mention.date)
        if not drafts:  # most mentions: nothing on that date, and no need to weigh their words
            return None
        mention_words = self._stems(words_of(mention.title) if words is None else words)
        if not mention_words:
            return None
        for draft in drafts:
            dates = self.dates[id(draft)]
            exact = mention.date in dates
            if not exact and not any(d.startswith(mention.date) for d in dates):
                continue
            if len(mention_words & self.words[id(draft)]) < (1 if exact or draft.curated else 2):
                continue
            if mention.place and draft.place and not _compatible(mention.place, draft.place, self.gazetteer):
                continue
            return draft
        return None

    def _stems(self, words: frozenset[str]) -> frozenset[str]:
        """The distinctive words' stems ('' marks a word that is not distinctive), each word weighed once."""
        stem_of = self.stem_of
        for word in [w for w in words if w not in stem_of]:
            stem_of[word] = word[:PREFIX] if self.distinctive(word) else ""
        return frozenset(map(stem_of.__getitem__, words)) - NOT_DISTINCTIVE


def _compatible(a: str, b: str, gazetteer: Gazetteer) -> bool:
    if a == b or gazetteer.related(a, b):
        return True
    return gazetteer.specificity(a) >= 3 or gazetteer.specificity(b) >= 3
