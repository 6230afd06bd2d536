"""Scope: what a figure counts, read from the words around its number.

A figure is this happening's count (`event`), a sub-count of another figure
("30 soldiers, 20 of whom ...", "five children were among the dead": `part`), or
a cumulative or war-wide total ("since the invasion began", "on all fronts",
"in the past 24 hours": `total`). Its population is who it counts, where the
words right after the number say so ("12 civilians", "63 servicemen", "five
children"). Only figures of one scope and population are compared
(`compare.py`). The word tables are each language's `part_scope_words`,
`total_scope_words` and `populations`; a sub-count is also told by the figures'
own cues (`parenthetical_openers`, `partitive_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Claim
from ..rules import Rules, alternation
from .places import SPECIFICITY, Gazetteer
from .reach import text_before

if TYPE_CHECKING:
    from .language import Language

CLAUSE_BEFORE = re.compile(r"[^,;:.()]*$")  # the clause up to the number
CLAUSE_AFTER = re.compile(r"[^,;.()]*")  # ... and from it to the clause's end
SHORT_ASIDE = re.compile(r",\s*((?:[\w'’-]+\s+){0,2}[\w'’-]+),\s*$")  # "the UN says that, nationally, 364 ..."
CLAUSE_REACH = 80  # characters before the number in which its clause's "since the invasion began" is looked for
POPULATION_REACH = 40  # "12 Ukrainian civilians", "five of the children": the noun right after the number


@dataclass(frozen=True)
class ScopeCues:
    part_after: re.Pattern  # "five children were among the dead": a sub-count of a count told elsewhere
    total: re.Pattern  # "on all fronts", "in the past 24 hours": a war-wide or cumulative count
    since_war: re.Pattern  # "since Putin launched the invasion": a count from the war's start
    anniversary_before: (
        re.Pattern
    )  # marking a span before either dates a day ("six months to the day since the invasion")
    total_opening: re.Pattern  # "Since the invasion began, ...": every figure of the sentence is a total
    populations: tuple[tuple[str, re.Pattern], ...]  # (population, the nouns that name it right after a number)


def build_scope_cues(rules: Rules) -> ScopeCues:
    # "since Putin launched the invasion": since, up to six words, the war
    since = rf"(?:{alternation(rules.words('total_since'))})\s+(?:[\w'’.-]+\s+){{0,6}}?"
    since_war = rf"{since}(?:{alternation(rules.words('total_since_wars'))})"
    totals = rf"{alternation(rules.words('total_scope_words'))}|{since_war}"
    populations = rules.table.get("populations") or {}
    return ScopeCues(
        part_after=re.compile(alternation(rules.words("part_scope_words")), re.I),
        total=re.compile(alternation(rules.words("total_scope_words")), re.I),
        since_war=re.compile(since_war, re.I),
        anniversary_before=re.compile(
            rf"{alternation(rules.words('anniversary_words'))}(?:\s+[\w'’-]+){{0,3}}\s+$", re.I
        ),
        total_opening=re.compile(rf"^\W*(?:{totals})", re.I),
        populations=tuple(
            (name, re.compile(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{alternation(words)})", re.I))
            for name, words in populations.items()
        ),
    )


def scope_of(text: str, start: int, end: int, language: Language) -> str:
    """`part`, `total` or `event` for the number at text[start:end] (one sentence's text)."""
    figures = language.figures
    if figures.aside_before.search(text_before(text, start)) or figures.partitive_after.match(text, end):
        return "part"
    cues, rest = language.scope, CLAUSE_AFTER.match(text, end).group(0)
    if cues.part_after.search(rest):
        return "part"
    before = text_before(text, start, CLAUSE_REACH)
    aside = SHORT_ASIDE.search(before)  # a word or three set off by commas right before the number is its clause's
    clause = (aside.group(1) + " " if aside else "") + CLAUSE_BEFORE.search(before).group(0) + rest
    if cues.total_opening.match(text) or _counts_a_total(clause, cues):
        return "total"
    return "event"


def _counts_a_total(clause: str, cues: ScopeCues) -> bool:
    """'killed since the invasion began' and 'in the 41 days since the invasion' count from the war's start;
    'killed six months to the day since the invasion' dates the day."""
    found = (*cues.total.finditer(clause), *cues.since_war.finditer(clause))
    return any(not cues.anniversary_before.search(clause, 0, m.start()) for m in found)


def population_of(text: str, end: int, language: Language) -> str:
    """Who the number at text[..end] counts, when the words right after it say so; "" otherwise."""
    after = text[end : end + POPULATION_REACH]
    return next((name for name, nouns in language.scope.populations if nouns.match(after)), "")


def with_towns(claims: list[Claim], sentence_places: list[list[str]], gazetteer: Gazetteer) -> list[Claim]:
    """Each claim with the towns and regions its sentence names as where something is ("in Kyiv, one person was
    killed"): where it was counted, which the event's place is set against. A claimant named for a capital
    ("Moscow said") is its government, no place."""
    found = []
    for claim in claims:
        named = sentence_places[claim.sentence]
        towns = tuple(dict.fromkeys(p for p in named if gazetteer.specificity(p) < SPECIFICITY["country"]))
        found.append(replace(claim, towns=towns) if towns else claim)
    return found


def counted_elsewhere(claim: Claim, place: str | None, gazetteer: Gazetteer) -> bool:
    """Whether a claim names towns, none of them the event's place ("in Kyiv, one person was killed" on an event
    in Belgorod; a roundup's paragraph on another strike): another happening's count, which no comparison sets
    against this one's. An event placed only in a country has none elsewhere."""
    if not claim.towns or not place or gazetteer.specificity(place) >= SPECIFICITY["country"]:
        return False
    return not any(gazetteer.related(town, place) for town in claim.towns)
