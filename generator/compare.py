"""Compare: where an event's sources agree and where they don't.

For each kind of figure, the values each party gave; a discrepancy wherever
the values differ. Also a plain-text summary of the comparison (the renderer
escapes it like any other text).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .actors import Registry
from .model import Claim, Discrepancy, Event, Value

KIND_ORDER = ["killed", "injured", "missing", "captured", "displaced", "missiles", "drones", "other"]
KIND_WORDS = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "captured": "captured",
    "displaced": "displaced",
    "missiles": "missiles",
    "drones": "drones",
    "other": "other",
}
HEDGE = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "up to ", "range": ""}


def sort_key(value: Value) -> tuple[int, int]:
    return (value[0], value[1]) if isinstance(value, tuple) else (value, value)


def hedged(value: Value, qualifier: str) -> str:
    number = f"{value[0]:,}–{value[1]:,}" if isinstance(value, tuple) else f"{value:,}"
    return HEDGE.get(qualifier, "") + number


def compare_sources(events: list[Event], registry: Registry) -> list[Event]:
    related = _related(events)
    return [
        replace(
            e,
            discrepancies=tuple(discrepancies_in(e.claims)),
            summary=summarise(e, registry),
            related=related.get(e.id, ()),
        )
        for e in events
    ]


def discrepancies_in(claims: tuple[Claim, ...]) -> list[Discrepancy]:
    values: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    articles: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for figure in claim.figures:
            values[figure.kind][claim.party].add(figure.value)
            articles[figure.kind].add(claim.article)
    found = []
    for kind in sorted(values, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99):
        distinct = {v for party_values in values[kind].values() for v in party_values}
        if len(distinct) > 1:
            found.append(
                Discrepancy(
                    kind=kind,
                    values={party: sorted(vs, key=sort_key) for party, vs in sorted(values[kind].items())},
                    articles=tuple(sorted(articles[kind])),
                )
            )
    return found


def summarise(event: Event, registry: Registry) -> str:
    """'Russia said 63 killed; Ukraine said about 400 killed. Sources date it 1 or 2 January 2023.'"""
    by_kind: dict[str, dict[str, tuple[Value, str, str]]] = defaultdict(dict)
    for claim in event.claims:
        for figure in claim.figures:
            speaker = claim.claimant or "the outlet"
            by_kind[figure.kind].setdefault(claim.party, (figure.value, figure.qualifier, speaker))
    sentences = []
    for kind in [k for k in KIND_ORDER if k in by_kind][:2]:
        parts = []
        for party, (value, qualifier, speaker) in sorted(by_kind[kind].items()):
            label = registry.party_labels.get(party, party)
            who = speaker if party == "other" else f"{speaker} ({label})"
            parts.append(f"{who} said {hedged(value, qualifier)} {KIND_WORDS[kind]}")
        sentences.append("; ".join(parts) + ".")
    return " ".join(sentences)  # the renderer adds the dates, written for readers


def _related(events: list[Event]) -> dict[str, tuple[str, ...]]:
    by_article: dict[str, list[str]] = defaultdict(list)
    for event in events:
        for article in event.articles:
            by_article[article].append(event.id)
    related: dict[str, set[str]] = defaultdict(set)
    for ids in by_article.values():
        for a in ids:
            related[a].update(b for b in ids if b != a)
    return {k: tuple(sorted(v)) for k, v in related.items()}
