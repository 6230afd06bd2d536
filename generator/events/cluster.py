"""Cluster: the articles that report a happening of their own -> sets of articles reporting the same one.

Precision first: two articles join only when their main events fall within
a day of each other (at the precision they are known), their places are
compatible (the same place or one inside the other; a country or no place
is compatible with any), they report the same kind of happening, and their
headlines and leads share what distinguishes it: the cosine of their
rarity-weighted words (`similarity.py`) clears a bar, lower when both name
the same town, or their headlines alone are close (leads differ in length
and detail; headlines say what happened). Where something happens most
days (a hub: a capital, a front-line city), reports dated a day apart must
read almost the same: the next day's shelling there is the next happening.
Two headlines that tell nothing but an attack, at one town on one day, need
little more in common: reports of one barrage go on about different things.
Every link must also hold against the first article of each cluster, so
links cannot chain from one happening to the next. The
clustering keeps its state so a rebuild clusters again only the days a
change touches. What it asks of each article is `cluster_reading.py`'s.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from ..extract.language import language_for
from ..extract.places import Gazetteer
from ..model import EventCandidate, Extraction, first_day
from .cluster_reading import ClusterReading
from .reports import headline_or_first_sentence
from .similarity import Vocabulary, headline_and_lead

SAME_PLACE_SIMILARITY = 0.2  # both name one town (or one inside the other)
QUIET_PLACE_SIMILARITY = 0.0  # ... and it is no hub: the town itself tells the happening
QUIET_PLACE_ONE_LANGUAGE = 0.05  # ... in one language, neither headline naming it: more than one shared name
LATE_REPORT_DAYS = 3  # published more than this after a cluster's first report: news of something else, mostly
SIMILARITY = 0.22  # a country or no place: the words must say more
STRONG_SIMILARITY = 0.35  # two different towns: only near-identical reports (one place was misread)
HEADLINE_SIMILARITY = 0.45  # two headlines alone this close, at compatible places, name one happening
ROOT_SIMILARITY = 0.12  # against each cluster's first article, so links cannot chain
ONE_ATTACK_SIMILARITY = 0.10  # two headlines telling only an attack, one town, one day: one attack, told twice
BRIEFING_SIMILARITY = 0.05  # two ledes quoting one body's unnamed senior official on one day: one briefing


@dataclass(frozen=True)
class ClusterState:
    """What the next build needs to re-cluster only the days a change touches.

    `open_at[d]` is every article whose cluster, at the end of day d, has
    its root (the article the others joined) on day d: only such clusters
    can still change after day d. Clusters rooted earlier are final.
    """

    signature: dict[str, tuple]  # article id -> what clustering reads of its extraction
    root: dict[str, str]  # article id -> root of its final cluster
    open_at: dict[int, dict[str, str]]  # day -> {article id: root} of the clusters still open after that day
    buckets: dict[str, int]  # word -> rarity bucket, as this build weighed it
    hubs: frozenset[str] = frozenset()  # the hub places, as this build found them
    boilerplate: frozenset[str] = frozenset()  # the lead sentences that were outlets' furniture in this build


def _signature(x: Extraction) -> tuple:
    """What clustering reads of an article; the headline and lead as a digest (the state is written often)."""
    text = headline_and_lead(x).encode("utf-8", "surrogatepass")
    digest = hashlib.blake2b(text, digest_size=16).hexdigest()
    return (x.main.date, x.main.precision, x.main.place, x.article.date.isoformat(), digest)


def cluster_main_events(
    extractions: list[Extraction],
    gazetteer: Gazetteer,
    previous: ClusterState | None = None,
    vocabulary: Vocabulary | None = None,
    readings: dict | None = None,
) -> tuple[list[set[str]], ClusterState]:
    """Link articles that report one happening; every link stays within a day of its cluster's root.

    Candidates come from an index by (rare word, day), so a large corpus
    compares only articles that share something distinctive. Articles are
    taken in date order. With the state of the last build, only the days from
    the first changed article on are clustered again (an article changed, or
    a word it uses changed rarity), and only until the open clusters come out
    as they were last time; from there on the last result stands.
    `test_group` checks this gives the same clusters as clustering everything.
    """
    reading = ClusterReading.of(extractions, vocabulary or Vocabulary(extractions, readings), gazetteer, readings)
    signature = {i: _signature(x) for i, x in reading.by_id.items()}
    changed_days = _changed_days(previous, signature, reading) if previous else None
    if previous and not changed_days:
        return _clusters_of(previous.root, extractions), previous  # nothing that clustering reads has changed
    run = _Run(reading, gazetteer, previous, changed_days)
    root, open_at = run.cluster(sorted(extractions, key=lambda x: (x.main.date, x.article.id)))
    words = reading.vocabulary
    state = ClusterState(signature, root, open_at, dict(words.weights.buckets), reading.hubs, words.boilerplate)
    return _clusters_of(root, extractions), state


class _Run:
    """One clustering pass in date order: union-find over articles, an index of the days seen."""

    def __init__(
        self, reading: ClusterReading, gazetteer: Gazetteer, previous: ClusterState | None, changed: set | None
    ):
        self.reading, self.gazetteer, self.previous = reading, gazetteer, previous
        self.first = min(changed) if changed else None
        self.last_changed = max(changed) if changed else None
        self.parent: dict[str, str] = {}
        self.open_at: dict[int, dict[str, str]] = {}
        self.still_open: dict[str, str] = {}
        self.index: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.headline_town: dict[str, bool] = {}
        if previous and self.first is not None:
            # the state after day first-1, as the last build left it: final clusters, and the ones still open
            day = reading.day
            before = {i: r for i, r in previous.root.items() if i in day and day[i] < self.first}
            carried = previous.open_at.get(self.first - 1, {})
            for mapping in (before, carried):
                self.parent.update(mapping)
                self.parent.update({r: r for r in mapping.values()})
            self.open_at = {d: v for d, v in previous.open_at.items() if d < self.first}
            self.still_open = dict(carried)

    def find(self, a: str) -> str:
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def cluster(self, ordered: list[Extraction]) -> tuple[dict[str, str], dict[int, dict[str, str]]]:
        day = self.reading.day
        if self.first is not None:
            ordered = [x for x in ordered if day[x.article.id] >= self.first - 1]
        stopped_after, today = None, []
        for position, b in enumerate(ordered):
            b_id = b.article.id
            if self.first is not None and day[b_id] < self.first:  # the day before the first change: index only
                self._add_to_index(b_id)
                continue
            self._link(b_id)
            today.append(b_id)
            following = ordered[position + 1] if position + 1 < len(ordered) else None
            if following is None or day[following.article.id] != day[b_id]:
                if self._end_of_day(day[b_id], today):
                    stopped_after = day[b_id]
                    break
                today = []
        root = {i: self.find(i) for i in self.parent if i in day}
        if stopped_after is not None:
            for i, r in self.previous.root.items():  # later days, and the open clusters, go on as last time
                if i in day and (day[i] > stopped_after or i in self.still_open):
                    root[i] = r
            self.open_at.update({d: v for d, v in self.previous.open_at.items() if d > stopped_after})
        return root, self.open_at

    def _add_to_index(self, article_id: str) -> None:
        for key in self.reading.keys(article_id):
            self.index[(key, self.reading.day[article_id])].append(article_id)

    def _link(self, b_id: str) -> None:
        reading, day = self.reading, self.reading.day
        self.parent.setdefault(b_id, b_id)
        index, days = self.index, (day[b_id] - 1, day[b_id])
        candidates = set().union(*(index.get((key, d), ()) for key in reading.keys(b_id) for d in days))
        closeness = {a: reading.vocabulary.cosine(a, b_id) for a in candidates}
        # the closest report first: it joins that one's happening, not a neighbour's
        for a_id in sorted(candidates, key=lambda a: (-closeness[a], day[a], a)):
            ra, rb = self.find(a_id), self.find(b_id)
            if ra != rb and abs(day[ra] - day[b_id]) <= 1 and self._linked(a_id, b_id, (ra, rb), closeness[a_id]):
                # the earlier root stays the root: a cluster that began the day before cannot take the next day's
                # root and, with it, reports of the day after (one act a day chained into a week's story)
                first, second = sorted((ra, rb), key=lambda r: (day[r], r))
                self.parent[second] = first
        self._add_to_index(b_id)

    def _linked(self, a_id: str, b_id: str, roots: tuple[str, str], similarity: float) -> bool:
        """Whether b joins a's cluster; `similarity` is the cosine of the two, worked out once in `_link`."""
        reading, gazetteer = self.reading, self.gazetteer
        a, b = reading.by_id[a_id].main, reading.by_id[b_id].main
        if not reading.same_kind(a_id, b_id) or not _dates_compatible(a, b):
            return False
        places_agree = a.place == b.place or _places_compatible(a.place, b.place, gazetteer)
        bar = SIMILARITY if places_agree else STRONG_SIMILARITY
        if gazetteer.related(a.place, b.place):
            hub = a.place in reading.hubs or b.place in reading.hubs
            bar = SAME_PLACE_SIMILARITY if hub else self._quiet_place_bar(a_id, b_id)
            if not hub and not reading.share_a_rare_word(a_id, b_id):
                return False  # one quiet town, but in one language the two say nothing else alike
        bar = STRONG_SIMILARITY if self._next_days_news(a_id, b_id) else bar
        if reading.one_attack(a_id, b_id, gazetteer):
            bar = min(bar, ONE_ATTACK_SIMILARITY)
        if reading.one_briefing(a_id, b_id):
            bar = BRIEFING_SIMILARITY  # where each report places what it was told does not tell briefings apart
        same_headline = places_agree and reading.vocabulary.headline_cosine(a_id, b_id) >= HEADLINE_SIMILARITY
        one_speaker = reading.one_speaker(a_id, b_id, similarity)  # a saying is placed by what it is about
        if not same_headline and not one_speaker and similarity < bar:
            return False
        return all(  # against each side's first article too, so a day's happening cannot chain into the next's
            reading.same_kind(x, y)
            and not self._late_and_elsewhere(x, y)
            and reading.similar(x, y, self._root_bar(x, y, bar))
            for x, y in ((roots[0], b_id), (a_id, roots[1]))
        )

    def _root_bar(self, x: str, y: str, bar: float) -> float:
        """How alike an article must be to the first article of the cluster it joins."""
        if self._next_days_news(x, y):
            return STRONG_SIMILARITY
        if self.reading.one_attack(x, y, self.gazetteer):
            return min(bar, ONE_ATTACK_SIMILARITY)
        if self.reading.one_briefing(x, y):
            return BRIEFING_SIMILARITY
        return min(bar, ROOT_SIMILARITY)

    def _late_and_elsewhere(self, a_id: str, b_id: str) -> bool:
        """A report published more than a few days after another is about that happening only when its headline
        names where it was (a toll's update, a trial); otherwise it recalls it for a visit, an apology, a claim:
        the news of a happening is told on its day and the next, and later acts are their own."""
        a, b = self.reading.by_id[a_id].article, self.reading.by_id[b_id].article
        if abs((a.date - b.date).days) <= LATE_REPORT_DAYS:
            return False
        return not self._headline_names_town(b_id if b.date > a.date else a_id)

    def _quiet_place_bar(self, a_id: str, b_id: str) -> float:
        """At one quiet town, reports in two languages need nothing more, nor does one whose headline names the
        town. Otherwise, in one language, the words must say a little more than the town: a piece on something
        else (an arms purchase, a summit) is placed there by a lead that recalls the day's strike."""
        x, y = self.reading.by_id[a_id].article, self.reading.by_id[b_id].article
        if x.language != y.language or self._headline_names_town(a_id) or self._headline_names_town(b_id):
            return QUIET_PLACE_SIMILARITY
        return QUIET_PLACE_ONE_LANGUAGE

    def _headline_names_town(self, article_id: str) -> bool:
        """Whether the headline (without one, the first sentence, as for the kinds) names the article's town."""
        found = self.headline_town.get(article_id)
        if found is None:
            x = self.reading.by_id[article_id]
            headline = headline_or_first_sentence(x.article, x.lead)
            named = self.gazetteer.places_in(headline, language_for(x.article.language))
            found = self.headline_town[article_id] = any(self.gazetteer.related(p, x.main.place) for _, p in named)
        return found

    def _next_days_news(self, a_id: str, b_id: str) -> bool:
        """Where something happens most days (a hub), a report dated a day apart tells the next happening, unless
        it reads almost the same."""
        reading = self.reading
        a, b = reading.by_id[a_id].main, reading.by_id[b_id].main
        return (
            a.date != b.date
            and (a.place in reading.hubs or b.place in reading.hubs)
            and self.gazetteer.related(a.place, b.place)
        )

    def _end_of_day(self, this_day: int, today: list[str]) -> bool:
        """Keep the clusters the day leaves open; True when they are the last build's (the rest stands)."""
        candidates = list(self.still_open) + today
        self.still_open = {i: self.find(i) for i in candidates if self.reading.day[self.find(i)] == this_day}
        self.open_at[this_day] = self.still_open
        previous = self.previous
        return bool(
            previous
            and self.last_changed is not None
            and this_day > self.last_changed
            and previous.open_at.get(this_day, {}) == self.still_open
        )


def _changed_days(previous: ClusterState, signature: dict[str, tuple], reading: ClusterReading) -> set[int]:
    """The days of articles added, removed or changed since the last build (old and new days), of articles
    using a word whose rarity bucket moved (their similarities moved with it), at a place that became or
    ceased to be a hub, or opening with a sentence that became or ceased to be an outlet's furniture."""
    day = reading.day
    days = set()
    for article_id, value in signature.items():
        if previous.signature.get(article_id) != value:
            days.add(day[article_id])
            if article_id in previous.signature:
                days.add(first_day(previous.signature[article_id][0]).toordinal())
    for article_id, value in previous.signature.items():
        if article_id not in signature:
            days.add(first_day(value[0]).toordinal())
    moved = reading.vocabulary.weights.changed_words(previous.buckets)
    if moved:
        days.update(day[i] for i in reading.by_id if not reading.vocabulary.words[i].isdisjoint(moved))
    new_hubs = reading.hubs ^ previous.hubs
    if new_hubs:
        days.update(day[i] for i, x in reading.by_id.items() if x.main.place in new_hubs)
    furniture = reading.vocabulary.boilerplate ^ previous.boilerplate  # a sentence became or ceased to be furniture
    if furniture:
        days.update(day[i] for i in reading.by_id if not furniture.isdisjoint(reading.vocabulary.sentences[i]))
    return days


def _clusters_of(root: dict[str, str], extractions: list[Extraction]) -> list[set[str]]:
    """Clusters in the order of their first article in the input (the order events are assembled in)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        clusters[root[x.article.id]].add(x.article.id)
    return list(clusters.values())


def _places_compatible(a: str | None, b: str | None, gazetteer: Gazetteer) -> bool:
    """The same town or one inside the other; a country-wide or unknown place goes with any."""
    return (
        a is None
        or b is None
        or gazetteer.specificity(a) >= 3
        or gazetteer.specificity(b) >= 3
        or (gazetteer.related(a, b))
    )


def _dates_compatible(a: EventCandidate, b: EventCandidate) -> bool:
    if a.precision == "day" and b.precision == "day":
        return abs((first_day(a.date) - first_day(b.date)).days) <= 1
    return a.date.startswith(b.date) or b.date.startswith(a.date)
