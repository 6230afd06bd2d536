"""Figures: counts of killed, injured, missiles... in a piece of text, with their hedge.

A number is a figure only when the words around it say what was counted
("63 of its servicemen were killed", "the death toll to 32", "25 rockets
were fired"); ages, distances, times and dates are not figures. The word
lists live in `rules/<language>.yml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from ..model import Figure
from ..phrases import may_hold
from .figure_cues import normalised
from .reach import text_after, text_before
from .scope import population_of, scope_of

if TYPE_CHECKING:
    from .figure_cues import FigureCues
    from .language import Language

# 1,200 and 12 000 (a space, a no-break or a thin space between thousands), 1.2 (only before "million")
# after a hyphen only when a digit is before it: "10-15" is two numbers, "MiG-29" none
DIGITS = re.compile(
    r"(?<![\w.,])(?<!(?<!\d)-)(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)(?:\.(\d+))?"
    r"(?![\w]|,\d)"
)
GROUP_SEPARATORS = re.compile(r"[, \u00a0\u202f]")
ANY_DIGIT = re.compile(r"\d")  # DIGITS and TIME match none without one; most sentences hold none
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b)", re.I)
WORD_SEPARATOR = re.compile(r"[\s-]+")
DASH = re.compile(r"\s*[-–]\s*")
CLAUSE_SPLIT = re.compile(r"[;:]|,\s")
LARGEST_COUNT = 10**12


@dataclass(frozen=True)
class Number:
    value: int | tuple[int, int]
    start: int
    end: int
    qualifier: str


def numbers_in(text: str, language: Language, masked: list[tuple[int, int]]) -> list[Number]:
    """Every number in the text (digits or words), ranges merged, with its qualifier."""
    digits = ANY_DIGIT.search(text) is not None
    spans = list(masked) + ([m.span() for m in TIME.finditer(text)] if digits else [])
    found: list[tuple[int, int, int]] = []
    for match in DIGITS.finditer(text) if digits else ():
        if language.figures.hyphen_unit.match(text, match.end()):
            continue  # "a 57-year-old", "152-millimetre shells": a measure, not a count
        scale = language.figures.decimal_scale.match(text, match.end())
        if match.group(2) and not scale:
            continue  # decimals: only as "1.2 million"
        value = float(GROUP_SEPARATORS.sub("", match.group(0)))
        if scale:  # "2 million" is 2,000,000, not 2
            value *= language.rules.number_scale.get(scale.group(1).lower(), 1)
        if value > LARGEST_COUNT:
            continue  # a serial number or a run of digits, not a count (and 10^400 is no int)
        found.append((match.start(), scale.end() if scale else match.end(), int(value)))
    spelled = language.figures.number_words.finditer(text) if may_hold(language.figures.number_keys, text) else ()
    for match in spelled:
        value = _word_value(match.group(0), language)
        if value is not None:
            found.append((match.start(), match.end(), value))
    starts, reach = _spans_reach(spans)
    found = [f for f in sorted(found) if not _overlaps_any(f[0], f[1], starts, reach)]
    return _merge_ranges(text, found, language)


def _spans_reach(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans' starts in order, and the furthest end among the spans up to each (built once per text)."""
    ordered = sorted(spans)
    return [s for s, _ in ordered], list(accumulate((e for _, e in ordered), max))


def _overlaps_any(start: int, end: int, starts: list[int], reach: list[int]) -> bool:
    """Whether [start, end) overlaps one of the spans, found by bisection: many numbers cost linear time."""
    before_end = bisect_left(starts, end)  # the spans that start before `end`
    return before_end > 0 and reach[before_end - 1] > start


def _word_value(words: str, language: Language) -> int | None:
    total, current = 0, 0
    tokens = [t for t in WORD_SEPARATOR.split(words.lower()) if t and t not in ("and", "y")]
    if not tokens or all(t in language.rules.number_scale for t in tokens):
        return None
    for token in tokens:
        if token in language.rules.number_word:
            current += language.rules.number_word[token]
        elif token in language.rules.number_scale:
            scale = language.rules.number_scale[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
    return total + current


def _merge_ranges(text: str, found: list[tuple[int, int, int]], language: Language) -> list[Number]:
    numbers: list[Number] = []
    i = 0
    while i < len(found):
        start, end, value = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            between = text[end : nxt[0]]
            before = text[max(0, start - 12) : start].lower()
            first = _range_start(between, before, start, language.figures)
            if first is not None and nxt[2] > value:
                numbers.append(Number((value, nxt[2]), first, nxt[1], "range"))
                i += 2
                continue
        numbers.append(Number(value, start, end, _qualifier(text, start, end, language)))
        i += 1
    return numbers


def _range_start(between: str, before: str, start: int, cues: FigureCues) -> int | None:
    """Where a range of two numbers starts: at its opening word ('killed from 10 to 15': the verb then comes
    right before the range), or at the first number of '10-15'; None when the two numbers are no range."""
    if cues.range_and.fullmatch(between):
        opener = cues.range_between.search(before)
    elif cues.range_to.fullmatch(between):
        opener = cues.range_from.search(before)
        if opener is None and DASH.fullmatch(between):
            return start
    else:
        return None
    return start - len(before) + opener.start() if opener else None


def _qualifier(text: str, start: int, end: int, language: Language) -> str:
    """'at least 21', '200+'; 'reported about two' is a preposition, not a hedge."""
    if text[end : end + 1] == "+":
        return "at_least"
    window = text[max(0, start - 40) : start]
    qualifier = language.figures.qualifier.search(window)
    if not qualifier:
        return "exact"
    if _prepositional(window[: qualifier.start()], qualifier.group(0), language):
        return "exact"
    return language.rules.qualifier_of[normalised(qualifier.group(0))]


def _prepositional(before: str, qualifier: str, language: Language) -> bool:
    """'reported about two', 'зросла до 20': after these verbs the word is a preposition, not a hedge."""
    return bool(language.figures.preposition_qualifier.search(before)) and normalised(
        qualifier
    ) in language.rules.words("prepositional_qualifiers")


def kind_of(text: str, number: Number, language: Language) -> str | None:
    """What the number counts, from the words after it, then the words before it."""
    cues = language.figures
    after = text_after(text, number.end)
    lower_after = after.lower()
    if cues.unit_after.match(lower_after):
        return None
    before = text_before(text, number.start)
    if cues.blocker_before.search(before):
        return None
    before = cues.all_before.sub(" ", before)  # "killed all 74 people": "all" says nothing of the kind
    one = text[number.start : number.end].lower() in cues.one_words
    if one and cues.of_after.match(lower_after):
        return None  # "one of his associates": a way of speaking, not a count
    if cues.strong_before.search(before):  # "killed 50 prisoners": the verb says what happened to them
        return _kind_before(before, language)
    if cues.people_verbs_before.search(before) and _names_people(lower_after, language):
        return "killed"  # "eliminating 200 Ukrainian troops" (but not "destroying 20 tanks")
    kind = _kind_after(lower_after, language)
    if kind:
        return kind
    return _kind_before(before, language)


def _kind_after(after: str, language: Language) -> str | None:
    cues = language.figures
    rest = _after_fillers(after, cues)
    nouns = []
    for kind, noun_after, noun_anywhere in cues.kind_nouns:
        noun = noun_after.match(rest)
        if noun and not _crosses_clause(rest, noun_anywhere, language):
            nouns.append((noun.end(), kind, noun))
    if nouns:  # the nearest noun says what was counted: "eight killed in a missile attack" counts the killed
        _, kind, noun = min(nouns, key=lambda n: n[0])
        if cues.equipment_after.match(rest[noun.end() :]):
            return None  # "300 rocket systems", "missile launchers": equipment, not launches
        return _verb_after_noun(rest[noun.end() :], kind, language)
    people = cues.people.match(rest)
    window = rest[people.end() :] if people else rest
    aside = cues.parenthetical.match(window)
    window = window[aside.end() :] if aside else window  # "21 people, including three children, died"
    stop = cues.clause_stop.search(window)
    window = window[: stop.start()] if stop else window
    # after a people noun the verb may come later ("members of the troops ... died");
    # after a bare number it must come at once ("87 were wounded")
    window = " ".join(window.split()[: 8 if people else 4])
    for kind, verb in (*cues.kind_verbs, *(cues.people_kind_verbs if people else ())):
        if verb.search(window):
            return kind
    if not people and cues.launch_after.match(rest):
        return "missiles"
    return None


def _verb_after_noun(after: str, kind: str, language: Language) -> str:
    """'65 prisoners of war were killed', 'three of the injured died': what happened to them outranks what they were."""
    cues = language.figures
    if kind not in cues.verb_overrides:
        return kind
    stop = cues.clause_stop.search(after)
    window = " ".join((after[: stop.start()] if stop else after).split()[:4])
    for verb_kind, verb in cues.kind_verbs:
        if verb_kind != kind and verb_kind in ("killed", "injured") and verb.search(window):
            return verb_kind
    return kind


def _names_people(after: str, language: Language) -> bool:
    cues = language.figures
    return bool(cues.people.match(_after_fillers(after, cues)))


def _after_fillers(after: str, cues: FigureCues) -> str:
    """The words after a number, past fillers such as 'of its', 'more', 'Russian'."""
    lead = cues.fillers_lead.match(after)
    return after[lead.end() :] if lead else after


def _crosses_clause(rest: str, nouns: re.Pattern, language: Language) -> bool:
    match = nouns.search(rest)
    return bool(match and language.figures.clause_stop.search(rest[: match.start()]))


def _kind_before(before: str, language: Language) -> str | None:
    cues = language.figures
    hedge = cues.qualifier_end.search(before)  # "killed at least": the hedge says nothing of the kind
    tail = (
        before[: hedge.start()]
        if hedge and not _prepositional(before[: hedge.start()], hedge.group(0), language)
        else before
    )
    for kind, any_cue, toll_link_cues in cues.kind_before:
        if any_cue.search(tail):
            if any(cue.search(tail) for cue in toll_link_cues):
                return _toll_subject(tail, language) or None
            return kind
    return None


def _toll_subject(before: str, language: Language) -> str | None:
    """'The number of people killed in Friday's strike has risen to 30': the kind named earlier (the nearest)."""
    clause = CLAUSE_SPLIT.split(before)[-1]
    found = []
    for kind, subjects in language.figures.toll_subjects:
        for match in subjects.finditer(clause):
            found.append((match.end(), len(match.group(0)), kind))
    return max(found)[2] if found else None


def figures_in_text(text: str, offset: int, language: Language, masked: list[tuple[int, int]]) -> list[Figure]:
    """The figures in a sentence; `offset` maps positions back into the article body."""
    numbers = numbers_in(text, language, masked)
    kinds = [kind_of(text, number, language) for number in numbers]
    for i in range(len(numbers) - 2, -1, -1):
        between = text[numbers[i].end : numbers[i + 1].start]
        aside = language.figures.aside_before.search(text_before(text, numbers[i].start))
        part = language.figures.partitive_after.match(text, numbers[i + 1].end)  # "30 soldiers, 20 of whom"
        if kinds[i] is None and kinds[i + 1] and not aside and not part and _shares_verb(between, language):
            kinds[i] = kinds[i + 1]  # "12 soldiers and 30 civilians were killed": one verb, two figures
    return [
        Figure(
            kind,
            n.value,
            n.qualifier,
            offset + n.start,
            offset + n.end,
            scope=scope_of(text, n.start, n.end, language),
            population=population_of(text, n.end, language),
        )
        for n, kind in zip(numbers, kinds, strict=True)
        if kind
    ]


def _shares_verb(between: str, language: Language) -> bool:
    return bool(language.figures.shared_verb.fullmatch(between))
