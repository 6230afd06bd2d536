"""Compare: where an event's sources agree and where they don't.

For each kind of figure and the people it counts, the values each party
gave of this happening's count; a discrepancy where two parties' highest
figures differ. The words a reader sees (the event's summary) are the renderer's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import FIGURE_KINDS, Claim, Discrepancy, Event, Value

LEAD_SENTENCES = 6  # a report gives its own happening's count up top; background tolls come further down


def sort_key(value: Value) -> tuple[int, int]:
    return (value[0], value[1]) if isinstance(value, tuple) else (value, value)


def compare_sources(events: list[Event]) -> list[Event]:
    related = _related(events)
    compared = []
    for e in events:
        found = (tuple(discrepancies_in(e.claims)), related.get(e.id, ()))
        # most events have neither: the event as it is (dataclasses.replace is slow over 5,000 events)
        same = found == (e.discrepancies, e.related)
        compared.append(e if same else replace(e, discrepancies=found[0], related=found[1]))
    return compared


def discrepancies_in(claims: tuple[Claim, ...]) -> list[Discrepancy]:
    """Like with like: this happening's counts (in a report's first sentences; no sub-count, no war-wide
    total) of one kind and one population, from two parties or more (a claimant's, not the outlet's own
    figure) whose highest figures differ. A party's own figures rising over time
    (a toll updated 23 -> 25 -> 30) are its updates, not a dispute: the newest, highest, is what it says now."""
    values: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.sentence >= LEAD_SENTENCES or not claim.claimant:  # further down, a report's figures are as
            continue  # often another happening's; and an outlet's own figure relays someone's, it is no side
        for figure in claim.figures:
            if figure.scope != "event":  # a sub-count or a war-wide total is no rival to this happening's count
                continue
            values[(figure.kind, figure.population)][claim.party].add(figure.value)
            articles[(figure.kind, figure.population)].add(claim.article)
    found = []
    for key in sorted(values, key=lambda k: (FIGURE_KINDS.index(k[0]) if k[0] in FIGURE_KINDS else 99, k[1])):
        by_party = values[key]
        if len({max(sort_key(v)[1] for v in party_values) for party_values in by_party.values()}) > 1:
            found.append(
                Discrepancy(
                    kind=key[0],
                    values={party: sorted(vs, key=sort_key) for party, vs in sorted(by_party.items())},
                    articles=tuple(sorted(articles[key])),
                    population=key[1],
                )
            )
    return found


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
