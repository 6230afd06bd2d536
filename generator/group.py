"""Group: extractions -> events. Articles about one happening become one event.

Two articles report the same event when their main events fall within a day
of each other (at the precision they are known) and in the same place, or a
place inside it; where a place is only a country or unknown, the articles'
words must also overlap. Passing mentions join an event with the same date
and a related place, or become events of their own. A maintainer's override
(`content/events.yml`) is applied last and always wins.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .extract.places import Gazetteer, load_gazetteer
from .model import Claim, Event, EventCandidate, Extraction, Override, first_day, precision_of

SIMILARITY_TO_JOIN = 0.25
VAGUE = "\0vague"  # index key of articles placed only in a country, or nowhere
STOPWORDS = set(
    [
        "the",
        "and",
        "that",
        "with",
        "from",
        "have",
        "has",
        "had",
        "were",
        "was",
        "said",
        "this",
        "their",
        "they",
        "there",
        "which",
        "been",
        "after",
        "about",
        "into",
        "over",
        "more",
        "than",
        "when",
        "where",
        "while",
        "also",
        "would",
        "could",
        "other",
        "some",
        "what",
        "them",
        "then",
        "these",
        "those",
        "its",
        "his",
        "her",
        "for",
        "are",
        "but",
        "not",
        "will",
        "one",
        "two",
        "new",
        "year",
        "years",
        "day",
        "days",
    ]
)


def group_articles_into_events(
    extractions: list[Extraction], overrides: list[Override], gazetteer: Gazetteer | None = None
) -> tuple[list[Event], dict[str, str]]:
    events, article_event, _ = group_again(extractions, overrides, gazetteer)
    return events, article_event


def group_again(
    extractions: list[Extraction],
    overrides: list[Override],
    gazetteer: Gazetteer | None = None,
    previous: ClusterState | None = None,
) -> tuple[list[Event], dict[str, str], ClusterState]:
    """Group, re-clustering only the days that changed since `previous` (the state the last build returned)."""
    gazetteer = gazetteer or load_gazetteer([Path("content")])
    by_id = {x.article.id: x for x in extractions}
    clusters, state = _cluster_main_events(extractions, gazetteer, previous)
    clusters = _apply_grouping_overrides(clusters, overrides, by_id)
    builders = [_EventDraft([by_id[a] for a in sorted(c)], gazetteer) for c in clusters]
    article_draft = {x.article.id: d for d in builders for x in d.main_extractions}
    mention_drafts: list[_EventDraft] = []
    by_date = _DraftsByDate()
    for draft in builders:
        for value in draft.dates:
            by_date.add(value, draft)
    for extraction in sorted(extractions, key=lambda x: x.article.id):
        own = article_draft[extraction.article.id]
        for index, mention in enumerate(extraction.mentions):
            target = by_date.find(mention, gazetteer)
            if target is own:
                own.add_claims(extraction, index)
                continue
            if target is None:
                target = _EventDraft([], gazetteer, mention)
                mention_drafts.append(target)
                by_date.add(mention.date, target)
            target.add_mention(extraction, index)
    drafts = builders + mention_drafts
    events = _finish(drafts, overrides)
    article_event = {}
    for draft, event in zip(drafts, events, strict=True):
        for x in draft.main_extractions:
            article_event[x.article.id] = event.id
    return sorted(events, key=lambda e: (e.date, e.id)), article_event, state


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


def _signature(x: Extraction) -> tuple:
    return (x.main.date, x.main.precision, x.main.place, x.lead)


def _cluster_main_events(
    extractions: list[Extraction], gazetteer: Gazetteer, previous: ClusterState | None = None
) -> tuple[list[set[str]], ClusterState]:
    """Link articles whose main events match; every link stays within a day of its cluster's root.

    Candidates come from an index by (place, day) and (vague place, day), so a
    large corpus compares only articles that could report the same event.
    Articles are taken in date order. With the state of the last build, only
    the days from the first changed article on are clustered again, and only
    until the open clusters come out as they were last time; from there on
    the last result stands. `test_group` checks this gives the same clusters
    as clustering everything.
    """
    by_id = {x.article.id: x for x in extractions}
    signature = {i: _signature(x) for i, x in by_id.items()}
    day = {i: first_day(x.main.date).toordinal() for i, x in by_id.items()}
    ordered = sorted(extractions, key=lambda x: (x.main.date, x.article.id))
    words = _LazyWords(by_id)
    changed_days = _changed_days(previous, signature, day) if previous else None
    if previous and not changed_days:
        return _clusters_of(previous.root, extractions), previous  # nothing that clustering reads has changed

    parent: dict[str, str] = {}
    open_at: dict[int, dict[str, str]] = {}
    first = min(changed_days) if changed_days else None
    if previous and first is not None:
        # the state after day first-1, as the last build left it: final clusters, and the ones still open
        before = {i: r for i, r in previous.root.items() if i in day and day[i] < first}
        parent.update(before)
        parent.update({r: r for r in before.values()})
        parent.update(previous.open_at.get(first - 1, {}))
        parent.update({r: r for r in previous.open_at.get(first - 1, {}).values()})
        open_at = {d: v for d, v in previous.open_at.items() if d < first}
        ordered = [x for x in ordered if day[x.article.id] >= first - 1]

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    index: dict[tuple[str, int], list[Extraction]] = defaultdict(list)
    last_changed = max(changed_days) if changed_days else None
    stopped_after = None
    still_open: dict[str, str] = dict(previous.open_at.get(first - 1, {})) if previous and first is not None else {}
    today: list[str] = []
    for position, b in enumerate(ordered):
        b_id = b.article.id
        if first is not None and day[b_id] < first:  # the day before the first change: only its index is needed
            for key in _place_keys(b, gazetteer):
                index[(key, day[b_id])].append(b)
            continue
        parent.setdefault(b_id, b_id)
        keys = _place_keys(b, gazetteer)
        seen: set[str] = set()
        for key in keys:
            days = (day[b_id],) if key == VAGUE else (day[b_id] - 1, day[b_id])  # word links need the same day
            for a in (a for d in days for a in index[(key, d)]):
                if a.article.id in seen:
                    continue
                seen.add(a.article.id)
                ra, rb = find(a.article.id), find(b_id)
                close = ra != rb and _dates_compatible(a.main, b.main) and abs(day[ra] - day[b_id]) <= 1
                if close and _linked(a, b, (ra, rb), words, gazetteer):
                    parent[rb] = ra
        for key in keys:
            index[(key, day[b_id])].append(b)
        today.append(b_id)
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        if following is None or day[following.article.id] != day[b_id]:
            # the end of a day: keep the clusters it leaves open
            this_day = day[b_id]
            candidates = list(still_open) + today
            still_open = {i: find(i) for i in candidates if day[find(i)] == this_day}
            open_at[this_day] = still_open
            today = []
            if (
                previous
                and last_changed is not None
                and this_day > last_changed
                and previous.open_at.get(this_day, {}) == still_open
            ):
                stopped_after = this_day
                break

    root = {i: find(i) for i in parent if i in day}
    if stopped_after is not None:
        for i, r in previous.root.items():  # later days, and the open clusters, go on as last time
            if i in day and (day[i] > stopped_after or i in still_open):
                root[i] = r
        open_at.update({d: v for d, v in previous.open_at.items() if d > stopped_after})
    return _clusters_of(root, extractions), ClusterState(signature, root, open_at)


def _changed_days(previous: ClusterState, signature: dict[str, tuple], day: dict[str, int]) -> set[int]:
    """The days of articles added, removed or changed since the last build (old and new days)."""
    days = set()
    for article_id, value in signature.items():
        if previous.signature.get(article_id) != value:
            days.add(day[article_id])
            if article_id in previous.signature:
                days.add(first_day(previous.signature[article_id][0]).toordinal())
    for article_id, value in previous.signature.items():
        if article_id not in signature:
            days.add(first_day(value[0]).toordinal())
    return days


def _clusters_of(root: dict[str, str], extractions: list[Extraction]) -> list[set[str]]:
    """Clusters in the order of their first article in the input (the order events are assembled in)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        clusters[root[x.article.id]].add(x.article.id)
    return list(clusters.values())


class _LazyWords(dict):
    """Content words of an article's lead, worked out the first time a comparison needs them."""

    def __init__(self, by_id: dict[str, Extraction]):
        super().__init__()
        self.by_id = by_id

    def __missing__(self, article_id: str) -> set[str]:
        self[article_id] = _content_words(self.by_id[article_id])
        return self[article_id]


def _place_keys(extraction: Extraction, gazetteer: Gazetteer) -> list[str]:
    """The index keys of an article: its place and what contains it below country level, or 'vague'."""
    place = extraction.main.place
    if place is None or gazetteer.specificity(place) >= 3 or extraction.main.precision != "day":
        return [VAGUE] + ([place] if place and extraction.main.precision != "day" else [])
    return [place] + [p for p in gazetteer.ancestors(place) if gazetteer.specificity(p) < 3]


def _linked(
    a: Extraction, b: Extraction, roots: tuple[str, str], words: dict[str, set[str]], gazetteer: Gazetteer
) -> bool:
    """Same town (or one inside the other); or, with vague places, words that match both clusters' first articles."""
    if gazetteer.related(a.main.place, b.main.place):
        return True
    if not _may_join_by_words(a, b, gazetteer):
        return False
    pairs = ((a.article.id, b.article.id), (roots[0], b.article.id), (a.article.id, roots[1]))
    return all(_similarity(words[x], words[y]) >= SIMILARITY_TO_JOIN for x, y in pairs)


def _may_join_by_words(a: Extraction, b: Extraction, gazetteer: Gazetteer) -> bool:
    """Without a shared place, only same-day reports whose places are vague (a country, or none)."""
    vague = [p is None or gazetteer.specificity(p) >= 3 for p in (a.main.place, b.main.place)]
    return any(vague) and a.main.date == b.main.date and a.main.precision == "day"


def _content_words(extraction: Extraction) -> set[str]:
    lead = extraction.lead
    return {w for w in re.findall(r"[a-záéíóúñ]{4,}", lead.lower()) if w not in STOPWORDS}


def _similarity(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of the leads' content words."""
    return len(a & b) / max(1, len(a | b))


def _days_apart(a: EventCandidate, b: EventCandidate) -> int:
    return abs((first_day(a.date) - first_day(b.date)).days)


def _dates_compatible(a: EventCandidate, b: EventCandidate) -> bool:
    if a.precision == "day" and b.precision == "day":
        return _days_apart(a, b) <= 1
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _apply_grouping_overrides(
    clusters: list[set[str]], overrides: list[Override], by_id: dict[str, Extraction]
) -> list[set[str]]:
    """Separations first (take articles out), then merges (join whole events)."""
    clusters = [set(c) for c in clusters]
    for override in overrides:
        listed = {a for a in override.articles if a in by_id}
        if override.separate and listed:
            clusters = [c - listed for c in clusters] + [listed]
    for override in overrides:
        listed = {a for a in override.articles if a in by_id}
        if override.separate or len(listed) < 2:
            continue
        joined = set().union(*[c for c in clusters if c & listed])
        clusters = [c for c in clusters if not c & listed] + [joined]
    return [c for c in clusters if c]


class _DraftsByDate:
    """Events by date, and within a date by place: a mention joins the first event of its date in a related place.

    Keeping only the first event of each place (dicts keep insertion order)
    finds that event without testing every event of a busy day.
    """

    def __init__(self):
        self.first_in_place: dict[str, dict[str | None, _EventDraft]] = defaultdict(dict)
        self.first_placeless_mention: dict[str, _EventDraft] = {}

    def add(self, value: str, draft: _EventDraft) -> None:
        self.first_in_place[value].setdefault(draft.place, draft)
        if draft.place is None and draft.candidate is not None:
            self.first_placeless_mention.setdefault(value, draft)

    def find(self, mention: EventCandidate, gazetteer: Gazetteer) -> _EventDraft | None:
        """An event of the mention's date in a related place; placeless mentions join each other."""
        if mention.place is None:
            return self.first_placeless_mention.get(mention.date)
        for place, draft in self.first_in_place.get(mention.date, {}).items():
            if gazetteer.related(mention.place, place):
                return draft
        return None


class _EventDraft:
    """An event while it is being assembled from articles and mentions."""

    def __init__(
        self, main_extractions: list[Extraction], gazetteer: Gazetteer, candidate: EventCandidate | None = None
    ):
        self.main_extractions = main_extractions
        self.candidate = candidate
        self.mentioning: list[str] = []
        self.claims: list[Claim] = [
            c for x in main_extractions for c, e in zip(x.claims, x.claim_events, strict=True) if e == -1
        ]
        self.date_reported: dict[str, list[str]] = defaultdict(list)
        precisions: dict[str, str] = {}
        for x in main_extractions:
            self.date_reported[x.main.date].append(x.article.id)
            precisions[x.main.date] = x.main.precision
        if candidate:
            precisions[candidate.date] = candidate.precision
        self.precisions = precisions
        places = [x.main.place for x in main_extractions if x.main.place]
        if candidate and candidate.place:
            places.append(candidate.place)
        counts = Counter(places)
        self.place = min(counts, key=lambda p: (-counts[p], gazetteer.specificity(p), p)) if counts else None

    @property
    def dates(self) -> set[str]:
        return self.date_reported.keys() | ({self.candidate.date} if self.candidate else set())

    def add_mention(self, extraction: Extraction, index: int) -> None:
        mention = extraction.mentions[index]
        self.mentioning.append(extraction.article.id)
        self.date_reported[mention.date].append(extraction.article.id)
        self.precisions.setdefault(mention.date, mention.precision)
        self.add_claims(extraction, index)

    def add_claims(self, extraction: Extraction, index: int) -> None:
        self.claims.extend(c for c, e in zip(extraction.claims, extraction.claim_events, strict=True) if e == index)

    def best_date(self) -> tuple[str, str]:
        """The date most sources give; ties go to the more precise, then the earlier date."""
        rank = {"day": 0, "month": 1, "year": 2}
        best = min(
            self.date_reported or {self.candidate.date: []},
            key=lambda d: (-len(self.date_reported.get(d, [])), rank[self.precisions.get(d, "day")], d),
        )
        return best, self.precisions.get(best, "day")

    def title(self) -> str:
        if self.main_extractions:
            first = min(self.main_extractions, key=lambda x: (x.article.title_from_text, x.article.date, x.article.id))
            return first.main.title
        return self.candidate.title if self.candidate else "Untitled event"


def _finish(drafts: list[_EventDraft], overrides: list[Override]) -> list[Event]:
    events, used_ids = [], Counter()
    for draft in drafts:
        main_ids = tuple(x.article.id for x in draft.main_extractions)
        override = _override_for(main_ids + tuple(draft.mentioning), overrides)
        value, precision = draft.best_date()
        title, place = draft.title(), draft.place
        if override:
            title = override.title or title
            place = override.place or place
            if override.date:
                value, precision = override.date, precision_of(override.date)
        base = override.id if override and override.id else _slug(value, place, title)
        used_ids[base] += 1
        event_id = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        articles = tuple(dict.fromkeys(main_ids + tuple(sorted(set(draft.mentioning) - set(main_ids)))))
        claims = tuple(sorted(draft.claims, key=lambda c: (c.article, c.span[0], c.id)))
        events.append(
            Event(
                id=event_id,
                title=title,
                date=value,
                date_precision=precision,
                date_reported={d: sorted(ids) for d, ids in draft.date_reported.items()},
                place=place,
                articles=articles,
                main_articles=main_ids,
                claims=claims,
            )
        )
    return events


def _override_for(article_ids: tuple[str, ...], overrides: list[Override]) -> Override | None:
    for override in overrides:
        if set(override.articles) & set(article_ids) and (
            override.title or override.date or override.place or override.id
        ):
            return override
    return None


def _slug(value: str, place: str | None, title: str) -> str:
    words = place or " ".join(title.split()[:5])
    slug = re.sub(r"[^a-z0-9]+", "-", words.lower().encode("ascii", "ignore").decode()).strip("-")
    return f"{value}-{slug or 'event'}"
