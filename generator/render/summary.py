"""The paragraph that opens an event page: who said what, in words, and the dates the sources give.

Takes an `Event` and gives plain text (the page escapes it like any other
text), so a reader gets the comparison without reading the table.
"""

from __future__ import annotations

import re

from ..compare import quoted, sort_key, this_happenings_counts
from ..model import Claim, Event, Value, precision_of
from .format import KIND_ORDER, hedged_words, human_date

KINDS_IN_SUMMARY = 2
ARTICLE_START = re.compile(r"(?:The|A|An)\s")  # a claimant's leading article, lowered mid-sentence
KIND_WORDS = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "captured": "captured",
    "displaced": "displaced",
    "missiles": "missiles or rockets",
    "drones": "drones",
    "other": "(other count)",
}
TIMES = {
    2: "twice",
    3: "three times",
    4: "four times",
    5: "five times",
    6: "six times",
    7: "seven times",
    8: "eight times",
    9: "nine times",
    10: "ten times",
}


def event_summary(event: Event, party_labels: dict[str, str]) -> str:
    """The figures each party gave, in a sentence or two, then the dates sources give."""
    figures = figures_in_words(event, party_labels)
    return " ".join(part for part in (figures, dates_in_words(event)) if part)


def figures_in_words(event: Event, party_labels: dict[str, str]) -> str:
    """One sentence per count (disputed ones first): what each party says of this happening's count of one kind
    and one population, the counts the dispute mark compares (`compare.this_happenings_counts`): its highest
    figure, the newest of its updates, hedged as said. An outlet's own figure is given only where no one is
    quoted for that count; sub-counts, war-wide totals and figures far down a report are left to the table."""
    disputed = {(d.kind, d.population) for d in event.discrepancies}
    counts = this_happenings_counts(event.claims, frozenset(event.main_articles))
    ordered = sorted(counts, key=lambda k: (k not in disputed, KIND_ORDER.index(k[0]) if k[0] in KIND_ORDER else 99))
    sentences = []
    for kind, population in ordered[:KINDS_IN_SUMMARY]:
        said_by_party = {
            party: max(said, key=lambda pair: sort_key(pair[1].value))
            for party, said in (quoted(counts[(kind, population)]) or counts[(kind, population)]).items()
        }
        said = [
            f"{_speaker(claim, party_labels, i == 0)} said {hedged_words(figure.value, figure.qualifier)}"
            for i, (claim, figure) in enumerate(said_by_party.values())
        ]
        sentence = "; ".join(said) + f" {population + ' ' if population else ''}{KIND_WORDS.get(kind, kind)}"
        ratio = _times_as_many([figure.value for _, figure in said_by_party.values()])
        sentence += f", {ratio} as many" if ratio and len(said_by_party) == 2 else ""
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    return " ".join(sentences)


def _speaker(claim: Claim, party_labels: dict[str, str], first: bool = True) -> str:
    """Who said it, with their side; 'The ministry' written mid-sentence is 'the ministry'."""
    if not claim.claimant:
        return "the outlet itself"
    name = (
        claim.claimant
        if first or not ARTICLE_START.match(claim.claimant)
        else claim.claimant[0].lower() + claim.claimant[1:]
    )
    label = party_labels.get(claim.party, claim.party)
    if claim.party == "other" or label.lower() in claim.claimant.lower():
        return name
    return f"{name} ({label})"


def _times_as_many(values: list[Value]) -> str:
    """'six times' when the larger of two counts is a whole multiple (rounded) of the smaller."""
    numbers = [v for v in values if isinstance(v, int) and v > 0]
    if len(numbers) != 2:
        return ""
    low, high = sorted(numbers)
    return TIMES.get(round(high / low), "") if high >= 2 * low else ""


def dates_in_words(event: Event) -> str:
    """'Sources date it 1 or 2 January 2023.' when the sources give more than one date."""
    dates = sorted(event.date_reported)
    if len(dates) < 2:
        return ""
    return f"Sources date it {_or_list(dates)}."


def _or_list(dates: list[str]) -> str:
    """Days of one month share it ('1 or 2 January 2023'); other dates are written out in full."""
    months = {d[:7] for d in dates}
    if len(months) == 1 and all(len(d) == 10 for d in dates):
        days = [str(int(d[8:])) for d in dates]
        return f"{_join(days)} {human_date(dates[0][:7], 'month')}"
    return _join([human_date(d, precision_of(d)) for d in dates])


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
