"""What clustering reads of each article, worked out once per build: its day, words, kinds of happening,
speakers and town, and the places so often named that they tell no happening apart (hubs).

`cluster.py` decides which articles report one happening; this module answers the questions it asks of one
article or a pair (do they share a rare word, name one kind of happening, quote one person, tell one attack).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..extract.language import language_for
from ..extract.main_date import headline_states
from ..extract.places import SPECIFICITY, Gazetteer
from ..model import Extraction, first_day
from .readings import speakers_quoted, unnamed_briefer
from .reports import happening_kinds
from .similarity import Vocabulary

HUB_DAYS = 30  # a place that is the main place on this many days (a capital, a front-line city) is a hub
SPEAKER_SIMILARITY = 0.12  # two sayings of one day quoting one person named in full: one speech or briefing
CANDIDATE_BUCKET = 7  # words in fewer than 2**8 articles find candidates
PLACE_KEY = "\x00place:"  # an index key that no word can be
BRIEFING_KEY = "\x00briefing:"
ATTACK_ONLY = frozenset({"attack"})


@dataclass
class ClusterReading:
    """What clustering reads of each article, worked out once per build."""

    by_id: dict[str, Extraction]
    day: dict[str, int]
    vocabulary: Vocabulary
    kinds: dict[str, frozenset[str]]
    speakers: dict[str, frozenset[str]]  # whose words a saying headline reports, by surname
    hubs: frozenset[str]  # places so often named that they tell no happening apart
    towns: dict[str, str]  # article id -> its main place, when that is a town or region and no hub
    briefers: dict[str, str]  # article id -> the body whose unnamed senior official its lede quotes
    _keys: dict[str, list[str]] = field(default_factory=dict)
    _attack_only: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def of(
        cls, extractions: list[Extraction], vocabulary: Vocabulary, gazetteer: Gazetteer, readings
    ) -> ClusterReading:
        by_id = {x.article.id: x for x in extractions}
        hubs = hubs_of(extractions)
        if readings:
            kinds = {i: readings[i].kinds for i in by_id}
            speakers = {i: readings[i].speakers for i in by_id}
            briefers = {i: readings[i].briefer for i in by_id}
        else:
            kinds = {i: happening_kinds(x.article, x.lead) for i, x in by_id.items()}
            speakers = {i: speakers_quoted(x, gazetteer) for i, x in by_id.items()}
            briefers = {i: unnamed_briefer(x) for i, x in by_id.items()}
        return cls(
            by_id,
            {i: first_day(x.main.date).toordinal() for i, x in by_id.items()},
            vocabulary,
            kinds,
            speakers,
            hubs,
            {i: p for i, x in by_id.items() if (p := x.main.place) and p not in hubs and below_country(p, gazetteer)},
            {i: body for i, body in briefers.items() if body},
        )

    def keys(self, article_id: str) -> list[str]:
        """What finds an article's candidates: its rare words, its town (reports in two languages share
        no words, but a quiet town on one day tells their happening) and the briefing it reports."""
        found = self._keys.get(article_id)
        if found is None:
            words = self.vocabulary.words[article_id]
            found = self.vocabulary.weights.rare(words, CANDIDATE_BUCKET)
            town, body = self.towns.get(article_id), self.briefers.get(article_id)
            found = found + [f"{PLACE_KEY}{town}"] if town else found
            found = self._keys[article_id] = found + [f"{BRIEFING_KEY}{body}"] if body else found
        return found

    def share_a_rare_word(self, a: str, b: str) -> bool:
        """Two reports of one happening in one language share a rare word in their headlines and leads (a
        name, a number, the town's own name): a piece that names the town only further down is about something
        else. In two languages they share none, and the quiet town alone must tell it."""
        x, y = self.by_id[a].article, self.by_id[b].article
        if x.language != y.language:
            return True
        common = self.vocabulary.words[a] & self.vocabulary.words[b]
        return bool(self.vocabulary.weights.rare(common, CANDIDATE_BUCKET))

    def same_kind(self, a: str, b: str) -> bool:
        """Whether the two headlines name a kind of happening in common, or either names none."""
        kinds_a, kinds_b = self.kinds[a], self.kinds[b]
        return not kinds_a or not kinds_b or bool(kinds_a & kinds_b)

    def similar(self, a: str, b: str, bar: float) -> bool:
        return self.vocabulary.cosine(a, b) >= bar

    def one_attack(self, a: str, b: str, gazetteer: Gazetteer) -> bool:
        """Two headlines that tell nothing but an attack ("Explosions rock Kyiv", "Central Kiev hit by missile
        strikes"), at one town on one day, tell one attack, however differently the leads go on (the toll, the
        damage, the sirens): a town is attacked once a day, mostly, and its other news of the day is a saying or
        an act. A headline that reports a saying about an attack ("... – PM") is that saying's news."""
        x, y = self.by_id[a].main, self.by_id[b].main
        return (
            x.date == y.date
            and x.place == y.place
            and x.place is not None
            and below_country(x.place, gazetteer)
            and self._attack_only_told(a)
            and self._attack_only_told(b)
        )

    def _attack_only_told(self, article_id: str) -> bool:
        found = self._attack_only.get(article_id)
        if found is None:
            article = self.by_id[article_id].article
            found = self._attack_only[article_id] = (
                self.kinds[article_id] == ATTACK_ONLY
                and not article.title_from_text
                and not headline_states(article, language_for(article.language))
            )
        return found

    def one_briefing(self, a: str, b: str) -> bool:
        """Two reports of one day whose ledes quote an unnamed senior official of one body ("a senior U.S.
        defense official told reporters") report that body's briefing, wherever each places what it told."""
        body = self.briefers.get(a)
        return body is not None and body == self.briefers.get(b) and self.by_id[a].main.date == self.by_id[b].main.date

    def one_speaker(self, a: str, b: str, similarity: float) -> bool:
        """Two reports of a saying on one day that quote one person named in full are one speech, interview or
        briefing told from two angles (one piece on the front, one on the West), unless they share next to
        nothing, wherever each places it: a saying is placed by what the report takes from it (Lysychansk, the
        Donbas), not by where it was said."""
        return (
            similarity >= SPEAKER_SIMILARITY
            and self.by_id[a].main.date == self.by_id[b].main.date
            and not self.speakers[a].isdisjoint(self.speakers[b])
        )


def hubs_of(extractions: list[Extraction]) -> frozenset[str]:
    """The places that are the main place on HUB_DAYS days or more."""
    days: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        if x.main.place:
            days[x.main.place].add(x.main.date)
    return frozenset(place for place, found in days.items() if len(found) >= HUB_DAYS)


def below_country(place: str, gazetteer: Gazetteer) -> bool:
    """A town, site or region: on one day it tells a happening apart, as a country does not."""
    return gazetteer.specificity(place) < SPECIFICITY["country"]
