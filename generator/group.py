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
from pathlib import Path

from .model import Claim, Event, EventCandidate, Extraction, Override, first_day, precision_of
from .places import Gazetteer, load_gazetteer

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
    gazetteer = gazetteer or load_gazetteer([Path("content")])
    by_id = {x.article.id: x for x in extractions}
    clusters = _cluster_main_events(extractions, gazetteer)
    clusters = _apply_grouping_overrides(clusters, overrides, by_id)
    builders = [_EventDraft([by_id[a] for a in sorted(c)], gazetteer) for c in clusters]
    article_draft = {x.article.id: d for d in builders for x in d.main_extractions}
    mention_drafts: list[_EventDraft] = []
    by_date: dict[str, list[_EventDraft]] = defaultdict(list)
    for draft in builders:
        for value in draft.dates:
            by_date[value].append(draft)
    for extraction in sorted(extractions, key=lambda x: x.article.id):
        own = article_draft[extraction.article.id]
        for index, mention in enumerate(extraction.mentions):
            target = _find_event(mention, by_date[mention.date], gazetteer)
            if target is own:
                own.add_claims(extraction, index)
                continue
            if target is None:
                target = _EventDraft([], gazetteer, mention)
                mention_drafts.append(target)
                by_date[mention.date].append(target)
            target.add_mention(extraction, index)
    drafts = builders + mention_drafts
    events = _finish(drafts, overrides)
    article_event = {}
    for draft, event in zip(drafts, events, strict=True):
        for x in draft.main_extractions:
            article_event[x.article.id] = event.id
    return sorted(events, key=lambda e: (e.date, e.id)), article_event


def _cluster_main_events(extractions: list[Extraction], gazetteer: Gazetteer) -> list[set[str]]:
    """Link articles whose main events match; every link stays within a day of its cluster's first article.

    Candidates come from an index by (place, day) and (vague place, day), so a
    large corpus compares only articles that could report the same event.
    """
    parent = {x.article.id: x.article.id for x in extractions}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    ordered = sorted(extractions, key=lambda x: (x.main.date, x.article.id))
    words = {x.article.id: _content_words(x) for x in extractions}
    day = {x.article.id: first_day(x.main.date).toordinal() for x in extractions}
    index: dict[tuple[str, int], list[Extraction]] = defaultdict(list)
    for b in ordered:
        b_id, keys = b.article.id, _place_keys(b, gazetteer)
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
    clusters: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        clusters[find(x.article.id)].add(x.article.id)
    return list(clusters.values())


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


def _find_event(mention: EventCandidate, same_day: list[_EventDraft], gazetteer: Gazetteer) -> _EventDraft | None:
    """An event of the mention's date (the caller's index) in a related place; placeless mentions join each other."""
    for draft in same_day:
        if gazetteer.related(mention.place, draft.place) or (
            mention.place is None and draft.place is None and draft.candidate is not None
        ):
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
