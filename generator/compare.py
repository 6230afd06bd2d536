"""Compare: where an event's sources agree and where they don't.

For each kind of figure and the people it counts, the values each party
gave of this happening's count; a discrepancy where two parties' figures lie
apart, so that they cannot be one toll counted at different hours. The words
a reader sees (the event's summary) are the renderer's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

from .model import FIGURE_KINDS, Claim, Discrepancy, Event, Figure, Value

LEAD_SENTENCES = 6  # a report gives its own happening's count up top; background tolls come further down


def sort_key(value: Value) -> tuple[int, int]:
    return (value[0], value[1]) if isinstance(value, tuple) else (value, value)


SideNamed = Callable[[Claim], bool]  # whether a claimant's own words name its party ('Ukraine's military')


def compare_sources(events: list[Event], side_named: SideNamed | None = None) -> list[Event]:
    related = _related(events)
    compared = []
    for e in events:
        found = (tuple(discrepancies_in(e.claims, frozenset(e.main_articles), side_named)), related.get(e.id, ()))
        # most events have neither: the event as it is (dataclasses.replace is slow over 5,000 events)
        same = found == (e.discrepancies, e.related)
        compared.append(e if same else replace(e, discrepancies=found[0], related=found[1]))
    return compared


def this_happenings_counts(
    claims: tuple[Claim, ...], reports: frozenset[str] | None = None
) -> dict[tuple[str, str], dict[str, list[tuple[Claim, Figure]]]]:
    """Like with like: this happening's counts, by (kind, population) and then by party, in kind order. A count is
    a figure of the event's own scope (no sub-count, no war-wide total) given in the first sentences of one of
    its reports (`reports`, the event's main articles: an article that only mentions the happening is no source
    of its count; further down a report, figures are as often another happening's), in a sentence that does not
    place it at another town (`Claim.elsewhere`). The dispute mark and the
    summary both read these, so a reader's sentence and the mark never compare different things."""
    found: dict[tuple[str, str], dict[str, list[tuple[Claim, Figure]]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if (
            claim.sentence >= LEAD_SENTENCES
            or claim.elsewhere
            or (reports is not None and claim.article not in reports)
        ):
            continue
        for figure in claim.figures:
            if figure.scope == "event":
                found[(figure.kind, figure.population)][claim.party].append((claim, figure))
    order = sorted(found, key=lambda k: (FIGURE_KINDS.index(k[0]) if k[0] in FIGURE_KINDS else 99, k[1]))
    return {key: dict(found[key]) for key in order}


def quoted(by_party: dict[str, list[tuple[Claim, Figure]]]) -> dict[str, list[tuple[Claim, Figure]]]:
    """Each party's counts that a claimant gave (an outlet's own figure relays someone's: it is no side); a party
    with none is left out."""
    found = {party: [pair for pair in said if pair[0].claimant] for party, said in by_party.items()}
    return {party: said for party, said in found.items() if said}


def discrepancies_in(
    claims: tuple[Claim, ...], reports: frozenset[str] | None = None, side_named: SideNamed | None = None
) -> list[Discrepancy]:
    """This happening's counts of one kind and one population from two parties or more (a claimant's, not the
    outlet's own figure, which relays someone's) that cannot be one toll told at different hours. A party's own
    figures rising over time (a toll updated 23 -> 25 -> 30) are its updates, not a dispute: the newest, highest,
    is what it says now; and another party's figure within that rise (20 while one side went 6 -> 20 -> 23) is
    the same toll counted at another hour. Two parties dispute a count when their figures lie apart (63 against
    400). Only sides the text names take part (`side_named`): a party read from context ('authorities', 'the
    defence ministry' after a country was named) is often a misreading, and no known party ('other': a witness,
    a news agency) is a side; their figures stay in the table, without the mark."""
    found = []
    for (kind, population), by_party in this_happenings_counts(claims, reports).items():
        sides = named_sides(quoted(by_party), side_named)
        values = {party: {figure.value for _, figure in said} for party, said in sides.items()}
        if _lie_apart(values.values()):
            articles = {claim.article for said in sides.values() for claim, _ in said}
            found.append(
                Discrepancy(
                    kind=kind,
                    values={party: sorted(vs, key=sort_key) for party, vs in sorted(values.items())},
                    articles=tuple(sorted(articles)),
                    population=population,
                )
            )
    return found


def named_sides(
    by_party: dict[str, list[tuple[Claim, Figure]]], side_named: SideNamed | None
) -> dict[str, list[tuple[Claim, Figure]]]:
    """Each party's counts whose claimant names that party; 'other' is no side."""
    if side_named is None:
        return by_party
    found = {p: [pair for pair in said if side_named(pair[0])] for p, said in by_party.items() if p != "other"}
    return {party: said for party, said in found.items() if said}


def _lie_apart(values_by_party) -> bool:
    """Whether two parties' figures span ranges that do not meet (each party's lowest to its highest figure)."""
    spans = [(min(sort_key(v)[0] for v in values), max(sort_key(v)[1] for v in values)) for values in values_by_party]
    return any(high < other_low or other_high < low for (low, high), (other_low, other_high) in combinations(spans, 2))


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
