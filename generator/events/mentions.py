"""Mentions: a dated happening an article recalls in passing links to an existing event, or stays a reference.

A mention joins an event when the date matches (a mention as precise as the
event on its day; a vaguer one, "in 2014", within it), the places are
compatible, and what happened matches: the mention's words share two
distinguishing words with the event's title or leads, or one that names the
happening alone (a word few articles use: a name, a village), or one with a
curated context event, which a maintainer listed because articles recall it
("February's invasion"); the date's own numbers do not count. Of several
such events a curated one wins, then the one sharing the most. Otherwise it
stays a dated reference on the article. A mention is never counted as a source: it adds the article to the
event's `articles`, never to its `main_articles`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..extract.places import Gazetteer
from ..model import EventCandidate
from .similarity import words_of

TELLING_BUCKET = 4  # a word in fewer than 2**5 articles' headlines and leads names a happening alone
PREFIX = 4  # 'invaded' meets 'invasion', 'annexed' meets 'annexation'
NOT_DISTINCTIVE = frozenset({""})


class EventsByDate:
    """Events by day, month and year, with the words that say what happened."""

    def __init__(self, gazetteer: Gazetteer, distinctive: Callable[[str], bool], telling: Callable[[str], bool]):
        self.gazetteer = gazetteer
        self.distinctive = distinctive
        self.telling = telling  # a word rare enough to name a happening alone (a name, a rare place)
        self.by_date: dict[str, list] = defaultdict(list)
        self.words: dict[int, frozenset[str]] = {}
        self.read: dict[int, tuple[frozenset[str], ...]] = {}  # a draft's words, stemmed when a mention asks
        self.dates: dict[int, frozenset[str]] = {}  # a draft's dates, fixed once its reports are known
        self.stem_of: dict[str, str] = {}

    def add(self, draft, *words: frozenset[str]) -> None:
        """An event, with the word sets that say what happened (its title's, its reports' headlines and leads):
        most events are on no date a mention names, so their words are read only when one does."""
        self.read[id(draft)] = words
        dates = self.dates[id(draft)] = frozenset(draft.dates)
        # a vaguer mention ("in 2014") finds only curated events and events known no better than it
        keys = {v for value in dates for v in ((value, value[:7], value[:4]) if draft.curated else (value,))}
        for key in keys:
            self.by_date[key].append(draft)

    def find(self, mention: EventCandidate, words: frozenset[str] | None = None):
        """The event this mention names, or None: of those on its date whose words and place both match
        (`words`: those of the mention's title, when already read), a curated one, else the one sharing the
        most distinguishing words, else the first.

        The conditions are checked cheapest first (shared words before places); all must hold, so the
        order changes nothing but the time."""
        drafts = self.by_date.get(mention.date)
        if not drafts:  # most mentions: nothing on that date, and no need to weigh their words
            return None
        # the date's own numbers ("24" of "February 24", "2022") are what matched it: they say nothing of what happened
        raw = words_of(mention.title) if words is None else words
        mention_words = self._stems(raw) - _date_numbers(mention.date)
        if not mention_words:
            return None
        telling = None  # the mention's own rare words (not a stem's other words), read when one shared word must do
        best, best_rank = None, None
        for draft in drafts:
            common = mention_words & self._words(draft)
            if not common:  # most events of a busy day
                continue
            dates = self.dates[id(draft)]
            exact = mention.date in dates
            if not exact and not any(d.startswith(mention.date) for d in dates):
                continue
            shared = len(common)
            if shared == 1 and not draft.curated:
                if telling is None:
                    telling = {w[:PREFIX] for w in raw if self.telling(w)}
                if not exact or common.isdisjoint(telling):
                    continue
            if mention.place and draft.place and not _compatible(mention.place, draft.place, self.gazetteer):
                continue
            rank = (bool(draft.curated), shared)  # what a maintainer lists as recalled, then what shares the most
            if best_rank is None or rank > best_rank:
                best, best_rank = draft, rank
        return best

    def _words(self, draft) -> frozenset[str]:
        found = self.words.get(id(draft))
        if found is None:
            found = self.words[id(draft)] = self._stems(frozenset().union(*self.read[id(draft)]))
        return found

    def _stems(self, words: frozenset[str]) -> frozenset[str]:
        """The distinctive words' stems ('' marks a word that is not distinctive), each word weighed once."""
        stem_of = self.stem_of
        for word in [w for w in words if w not in stem_of]:
            stem_of[word] = word[:PREFIX] if self.distinctive(word) else ""
        return frozenset(map(stem_of.__getitem__, words)) - NOT_DISTINCTIVE


def _date_numbers(date: str) -> frozenset[str]:
    """The numbers a date is written with, as stems: '2022-02-24' -> {'2022', '24'} ('02' is never written)."""
    return frozenset(str(int(part))[:PREFIX] for part in date.split("-")[::2] if part.isdigit())


def _compatible(a: str, b: str, gazetteer: Gazetteer) -> bool:
    if a == b or gazetteer.related(a, b):
        return True
    return gazetteer.specificity(a) >= 3 or gazetteer.specificity(b) >= 3
