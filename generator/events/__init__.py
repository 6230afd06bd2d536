"""Events: extractions -> `Event`s. Articles about one happening become one event.

The stage in order: `reports` decides which articles report a happening of
their own (analysis, opinion, features and roundups join none); `cluster`
links those whose main events match; `overrides` applies a maintainer's
merges and separations (they always win); `assemble` turns each cluster and
each curated entry into an event, named by `titles` and `ids`; `mentions`
links what articles recall in passing to those events, or keeps it as a
dated reference on the article.
"""

from __future__ import annotations

from pathlib import Path

from ..extract.places import Gazetteer
from ..extract.places_file import load_gazetteer
from ..model import Event, EventCandidate, EventMoves, Extraction, Override
from .assemble import EventDraft, curated_drafts, finish_events
from .cluster import ClusterState, cluster_main_events
from .cluster_reading import CANDIDATE_BUCKET
from .ids import automatic_id
from .mentions import TELLING_BUCKET, EventsByDate
from .moves import apply_main_moves
from .overrides import apply_grouping_overrides
from .readings import TextReading, read_texts, reported_nothing
from .recalled import date_recollections
from .reports import forget_kinds_read
from .similarity import Vocabulary, words_of

__all__ = ["ClusterState", "group_again", "group_articles_into_events"]


def group_articles_into_events(
    extractions: list[Extraction], overrides: list[Override], gazetteer: Gazetteer | None = None
) -> tuple[list[Event], dict[str, str]]:
    events, article_event, *_ = group_again(extractions, overrides, gazetteer)
    return events, article_event


def group_again(
    extractions: list[Extraction],
    overrides: list[Override],
    gazetteer: Gazetteer | None = None,
    previous: ClusterState | None = None,
    moves: EventMoves | None = None,
    readings: dict[str, TextReading] | None = None,
) -> tuple[list[Event], dict[str, str], ClusterState, dict[str, tuple[EventCandidate, ...]], dict[str, str]]:
    """Group, re-clustering only the days that changed since `previous` (the state the last build returned).

    Returns the events, each reporting article's event, the state for the
    next build, each article's dated references that join no event, and why
    each article that reports no happening of its own joins none. `moves`
    (from `corrections.yml`) move main happenings and mentions last: they win. `readings` (`read_texts`) are
    read here when not given.
    """
    gazetteer = gazetteer or load_gazetteer([Path("content")])
    extractions = date_recollections(extractions, overrides)
    by_id = {x.article.id: x for x in extractions}
    moves = moves or EventMoves()
    readings = readings or read_texts(extractions, gazetteer)
    no_event = _no_event(extractions, overrides, readings, moves)
    reporting = [x for x in extractions if x.article.id not in no_event]
    vocabulary = Vocabulary(extractions, readings)
    clusters, state = cluster_main_events(reporting, gazetteer, previous, vocabulary, readings)
    merged = apply_grouping_overrides(clusters, overrides, by_id)
    drafts = [EventDraft([by_id[a] for a in sorted(c)], gazetteer) for c in merged]
    if len(merged) != len(clusters) or any(o.separate for o in overrides):
        _alias_merged(drafts, clusters, by_id)
    drafts += curated_drafts(overrides, gazetteer)
    targets = {}
    if moves.main or moves.mentions:
        drafts, by_id = apply_main_moves(drafts, overrides, moves, gazetteer)
        targets = {key: by_id.get(event_id) for key, event_id in moves.mentions.items()}
    references = _link_mentions(extractions, drafts, gazetteer, vocabulary, targets, readings)
    events = finish_events(drafts, overrides)
    article_event = {x.article.id: e.id for d, e in zip(drafts, events, strict=True) for x in d.main_extractions}
    return sorted(events, key=lambda e: (e.date, e.id)), article_event, state, references, no_event


def _no_event(
    extractions: list[Extraction], overrides: list[Override], readings: dict[str, TextReading], moves: EventMoves
) -> dict[str, str]:
    """Articles that report no happening of their own; one a maintainer lists in an override always does,
    unless a correction moves its happening to none."""
    listed = {a for o in overrides for a in o.articles}
    found = {a: "a maintainer's correction: it reports no happening of its own" for a, e in moves.main.items() if not e}
    for x in extractions:
        if x.article.id in listed or x.article.id in found:
            continue
        reason = readings[x.article.id].no_happening
        if reason:
            found[x.article.id] = reason
    return found


def forget_texts_read() -> None:
    """Drop what grouping remembers of headlines and leads (the words, the kinds of happening, what each article
    reports), kept for the next build in this process (a serve session, the benchmark's rebuild, `diff`): a
    one-shot site build frees it before rendering (`plugin.run_pipeline`). Bounded caches of pure functions."""
    words_of.cache_clear()
    forget_kinds_read()
    reported_nothing.cache_clear()


def _alias_merged(drafts: list[EventDraft], clusters: list[set[str]], by_id: dict[str, Extraction]) -> None:
    """An event a maintainer merged into another keeps its old address as an alias that redirects."""
    for draft in drafts:
        ids = {x.article.id for x in draft.main_extractions}
        parts = [c for c in clusters if c & ids]
        if len(parts) > 1:
            draft.aliases.update(automatic_id([by_id[a] for a in part]) for part in parts)


def _link_mentions(
    extractions: list[Extraction],
    drafts: list[EventDraft],
    gazetteer: Gazetteer,
    vocabulary: Vocabulary,
    targets: dict[tuple[str, int], EventDraft | None],
    readings: dict[str, TextReading],
) -> dict[str, tuple[EventCandidate, ...]]:
    """Each mention joins the event it names (or a maintainer's correction names), or stays a dated reference
    on its article."""
    buckets = vocabulary.weights.buckets
    index = EventsByDate(
        gazetteer, lambda w: buckets.get(w, 0) <= CANDIDATE_BUCKET, lambda w: buckets.get(w, 0) <= TELLING_BUCKET
    )
    for draft in drafts:
        words = words_of(draft.curated.title or "") if draft.curated else frozenset()
        index.add(draft, words, *(vocabulary.words[x.article.id] for x in draft.main_extractions))
    own = {x.article.id: d for d in drafts for x in d.main_extractions}
    references: dict[str, tuple[EventCandidate, ...]] = {}
    for extraction in sorted(extractions, key=lambda x: x.article.id):
        kept, words = [], readings[extraction.article.id].mention_words
        for i, mention in enumerate(extraction.mentions):
            key = (extraction.article.id, i)
            target = targets[key] if key in targets else index.find(mention, words[i])
            if target is not None and target is not own.get(extraction.article.id):
                target.add_mention(extraction, i)
                continue
            if target is None:
                kept.append(mention)
            if extraction.article.id in own:  # figures of a reference stay with the article's own event
                own[extraction.article.id].add_claims(extraction, i)
        if kept:
            references[extraction.article.id] = tuple(kept)
    return references
