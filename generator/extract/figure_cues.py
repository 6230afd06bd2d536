"""Figure cues: one language's words around a number (what was counted, the hedge, ranges, asides),
compiled once into the patterns `figures.py` tries at every number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..phrases import key_words
from ..rules import Rules, alternation, endings

NUMBER_WORDS_MAX = 8  # "two hundred and fifty-five thousand": a spelled number is a few words, not a run of them


def normalised(phrase: str) -> str:
    """A phrase as the tables key it: lower case, one space between words."""
    return " ".join(phrase.lower().split())


def _number_word_pattern(rules: Rules) -> re.Pattern:
    words = sorted({re.escape(w) for w in [*rules.number_word, *rules.number_scale]}, key=len, reverse=True)
    word = f"(?:{'|'.join(words)})" if words else r"(?!x)x"
    scales = sorted({re.escape(w) for w in rules.number_scale}, key=len, reverse=True)
    scale = f"(?:{'|'.join(scales)})" if scales else r"(?!x)x"
    conjunction = alternation(rules.words("range_joiners")[:1])
    run = rf"{word}(?:[\s-]+{word}){{0,{NUMBER_WORDS_MAX}}}"
    # "thirty-eight"; "two hundred and fifty" ("and" joins only after a scale word: "five and six" are two)
    # an apostrophe inside a word keeps it one word: "сім'ї" is not "сім" (seven)
    lead = rf"(?:{word}[\s-]+){{0,{NUMBER_WORDS_MAX}}}"
    return re.compile(rf"(?<![\w-])(?:{lead}{scale}\s+{conjunction}\s+{run}|{run})(?![\w-])(?!['’ʼ´]\w)", re.I)


def _qualifier_pattern(rules: Rules) -> re.Pattern:
    return re.compile(rf"(?:{alternation(rules.qualifier_of)})\s+$", re.I)


@dataclass(frozen=True)
class FigureCues:
    """The per-language patterns tried around every number, compiled once."""

    number_words: re.Pattern
    number_keys: frozenset | None  # a word each spelled number holds (`phrases.may_hold`)
    qualifier: re.Pattern
    decimal_scale: re.Pattern  # "1.2 million"
    partitive_after: re.Pattern  # "20 of whom"
    of_after: re.Pattern
    one_words: frozenset
    unit_after: re.Pattern
    hyphen_unit: re.Pattern  # "-year-old", "-річний" written onto a number
    blocker_before: re.Pattern
    strong_before: re.Pattern
    fillers_lead: re.Pattern
    kind_nouns: tuple[tuple[str, re.Pattern, re.Pattern], ...]  # kind, noun after fillers, the noun anywhere
    equipment_after: re.Pattern
    people: re.Pattern
    kind_verbs: tuple[tuple[str, re.Pattern], ...]
    launch_after: re.Pattern
    qualifier_end: re.Pattern
    kind_before: tuple[tuple[str, re.Pattern, tuple[re.Pattern, ...]], ...]  # kind, any cue, its toll-link cues
    toll_subjects: tuple[tuple[str, re.Pattern], ...]
    shared_verb: re.Pattern
    preposition_qualifier: re.Pattern
    parenthetical: re.Pattern
    people_kind_verbs: tuple[tuple[str, re.Pattern], ...]
    people_verbs_before: re.Pattern
    all_before: re.Pattern
    aside_before: re.Pattern
    clause_stop: re.Pattern
    range_and: re.Pattern
    range_between: re.Pattern
    range_to: re.Pattern
    range_from: re.Pattern
    verb_overrides: frozenset


def build_figure_cues(rules: Rules) -> FigureCues:
    qualifiers = alternation(rules.qualifier_of)
    people = alternation(rules.words("people_nouns"))
    fillers = alternation(rules.words("filler_words"))
    toll_links = rules.words("toll_links")
    joiners = alternation(rules.words("list_joiners"))
    return FigureCues(
        number_words=_number_word_pattern(rules),
        number_keys=key_words([*rules.number_word, *rules.number_scale]),
        qualifier=_qualifier_pattern(rules),
        decimal_scale=re.compile(rf"\s+({alternation(rules.table.get('decimal_scales') or {})})", re.I),
        partitive_after=re.compile(rf"\s+(?:{alternation(rules.words('partitive_words'))})", re.I),
        of_after=re.compile(rf"\s+(?:{alternation(rules.words('of_words'))})\s"),
        one_words=frozenset(w.lower() for w in rules.words("one_words")),
        hyphen_unit=re.compile(rf"-(?:{endings(rules.words('hyphen_units'))})", re.I),
        unit_after=re.compile(rf"\s*(?:-|\s)?(?:{alternation(rules.words('unit_words'))})"),
        blocker_before=re.compile(rf"(?:{alternation(rules.words('number_blockers_before'))})\s+$", re.I),
        strong_before=re.compile(
            rf"(?:{alternation(rules.words('strong_before'))})\s+(?:(?:{qualifiers})\s+)?$",
            re.I,
        ),
        fillers_lead=re.compile(rf"\s*(?:(?:{fillers})\s+){{0,3}}", re.I),
        kind_nouns=tuple(
            (
                kind,
                re.compile(rf"(?:[\w-]+\s+){{0,2}}?(?:{alternation(nouns)})", re.I),
                re.compile(alternation(nouns), re.I),
            )
            for kind, nouns in rules.table["kind_nouns"].items()
        ),
        equipment_after=re.compile(rf"\s+(?:{alternation(rules.words('equipment_words'))})", re.I),
        # "Ukrainian and foreign soldiers": a few describing words may come before the people noun
        people=re.compile(
            rf"(?:[\w'’-]+\s+(?:and\s+)?){{0,3}}?(?:{people})(?:\s+(?:and|or|y)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{people}))*",
            re.I,
        ),
        kind_verbs=tuple(
            (kind, re.compile(alternation(verbs), re.I)) for kind, verbs in rules.table["kind_verbs"].items()
        ),
        launch_after=re.compile(rf"\s*(?:\w+\s+){{0,2}}(?:{alternation(rules.words('launch_verbs'))})", re.I),
        qualifier_end=re.compile(rf"(?:{qualifiers})\s+$", re.I),
        kind_before=tuple(
            (
                kind,
                re.compile(rf"(?:{alternation(cues)})\s+$", re.I),
                tuple(re.compile(rf"{alternation([c])}\s+$", re.I) for c in cues if normalised(c) in toll_links),
            )
            for kind, cues in rules.table["kind_before"].items()
        ),
        toll_subjects=tuple(
            (kind, re.compile(alternation(subjects), re.I))
            for kind, subjects in (rules.table.get("toll_subjects") or {}).items()
        ),
        # "two generals, up to 50 officers and 20 advisers were killed": one verb for the whole list
        shared_verb=re.compile(
            rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{people})\s*(?:,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)"
            rf"(?:(?:{qualifiers})\s+)?",
            re.I,
        ),
        preposition_qualifier=re.compile(rf"(?:{alternation(rules.words('preposition_before_qualifier'))})\s+$", re.I),
        parenthetical=re.compile(
            rf"\s*[,(—–]\s*(?:[\w'’-]+\s+){{0,2}}(?:{alternation(rules.words('parenthetical_openers'))})[^,()—–]{{0,80}}[,)—–]",
            re.I,
        ),
        people_kind_verbs=tuple(
            (kind, re.compile(alternation(verbs), re.I))
            for kind, verbs in (rules.table.get("people_kind_verbs") or {}).items()
        ),
        people_verbs_before=re.compile(rf"(?:{alternation(rules.words('people_verbs_before'))})\s+$", re.I),
        verb_overrides=frozenset(rules.words("verb_overrides_kinds")),
        clause_stop=re.compile(rf"[,;:()]|(?:^|\s)(?:{alternation(rules.words('clause_conjunctions'))})\s", re.I),
        range_and=re.compile(rf"\s*(?:{alternation(rules.words('range_and'))})\s*", re.I),
        range_between=re.compile(rf"(?:{alternation(rules.words('range_between'))})\s+$", re.I),
        range_to=re.compile(rf"\s*(?:-|–|{alternation(rules.words('range_to'))})\s*", re.I),
        range_from=re.compile(rf"(?:{alternation(rules.words('range_from'))})\s+$", re.I),
        aside_before=re.compile(rf"(?:{alternation(rules.words('parenthetical_openers'))})\s+(?:[\w'’-]+\s+)?$", re.I),
        all_before=re.compile(rf"\s(?:{alternation(rules.words('all_words'))})\s+$", re.I),
    )
