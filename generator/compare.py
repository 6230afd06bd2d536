"""Compare: where an event's sources agree and where they don't.

For each kind of figure, the values each party gave; a discrepancy wherever
the values differ. The words a reader sees (the event's summary) are the renderer's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import FIGURE_KINDS, Claim, Discrepancy, Event, Value


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
    values: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    articles: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for figure in claim.figures:
            if figure.scope != "event":  # a sub-count or a war-wide total is no rival to this happening's count
                continue
            values[figure.kind][claim.party].add(figure.value)
            articles[figure.kind].add(claim.article)
    found = []
    for kind in sorted(values, key=lambda k: FIGURE_KINDS.index(k) if k in FIGURE_KINDS else 99):
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
