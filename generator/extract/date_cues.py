"""The date patterns and cues of one language, compiled once from its rule table (`rules/<language>.yml`).

`dates.py` finds and resolves date expressions with them; `language.py` builds them once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..phrases import key_words
from ..rules import Rules, alternation, endings

# what each kind of date expression cannot match without (the kinds not listed are their own gate)
GATES = {
    **dict.fromkeys(("day_month", "month_day", "month_year", "month_last_year", "month", "month_bare"), "month"),
    "year": "year",
    "ago": "units",
    "offset": "units",
    "weekday": "weekday",
}


def _patterns(rules: Rules) -> tuple[tuple[str, re.Pattern, re.Pattern, frozenset | None], ...]:
    """(kind, pattern, gate, gate's key words) for each kind of date expression: a pattern can only match in a
    sentence its gate finds (a month name, a unit of time, a year...), so one scan for the gate spares the
    sentences without it, and a look-up of the sentence's words (`phrases.may_hold`) spares most scans."""
    month = alternation(rules.months)
    weekday = alternation(rules.weekdays)
    number = alternation(list(rules.number_word) + rules.words("count_articles"))
    units_words, holidays = rules.table.get("units_in_days") or {}, rules.table.get("holidays") or {}
    relative_days = rules.table.get("relative_days") or {}
    units = alternation(units_words)
    before = alternation(rules.words("before_words"))
    after = alternation(rules.words("after_words"))
    ago = alternation(rules.words("ago_words"))  # "three days ago", "три дні тому"
    year = r"(?:1[89]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    ordinal = rf"(?:{endings(rules.words('ordinal_endings'))})?"  # "24th", "1º", "24-го"
    of = rf"(?:\s+(?:{alternation(rules.words('day_month_links'))}))?"  # "24th of February", "24 de febrero"
    months_after = alternation(rules.words("month_prepositions"))
    fillers = alternation(rules.words("offset_fillers"))
    qualifier = rf"(?:{_prefixes(rules.words('month_qualifiers'))})"  # "early", "mid-", "finales de"
    gates = {"month": month, "year": year, "units": units, "weekday": weekday}
    parts = [
        ("holiday", alternation(holidays)),
        ("day_month", rf"(?<![\d,.]){day}{ordinal}{of}\s+{month}(?:,?{of}\s+{year})?(?![\d])"),
        ("month_day", rf"{month}\.?\s+{day}{ordinal}(?:,?\s+{year})?(?![\d:])"),
        ("month_year", rf"(?:{qualifier}\s*)?{month}(?:,?{of}\s+{year})"),
        ("month_last_year", rf"{month}\s+(?:{alternation(rules.words('last_year'))})"),
        ("month", rf"\b(?:{months_after})\s+(?P<d>(?:{qualifier}\s*)?{month})(?!\s*\d)"),
        ("month_bare", rf"\b(?P<d>{qualifier}\s*{month})(?!\s*\d)"),
        ("month", rf"\b(?P<d>{month})(?=['’]s\s)"),  # "February's invasion"
        ("year", rf"\b(?:{alternation(rules.words('year_prepositions'))})\s+(?P<d>{year})(?![\d,.]\d)"),
        ("ago", rf"(?:{number}|\d+)\s+{units}\s+(?:{ago})"),
        ("offset", rf"(?:(?:{number}|\d+|{fillers})\s+){{0,4}}{units}\s+(?:{before}|{after})"),
        ("last_year", alternation(rules.words("last_year"))),
        ("relative_day", alternation(relative_days)),
        ("weekday", rf"(?:(?:{alternation(rules.words('weekday_openers'))})\s+)?{weekday}(?:'s|’s)?"),
    ]
    compiled_gates = {name: re.compile(gate, re.I) for name, gate in gates.items()}
    gate_words = {"month": rules.months, "units": units_words, "weekday": rules.weekdays}
    own_words = {"holiday": holidays, "last_year": rules.words("last_year"), "relative_day": relative_days}
    patterns = []
    for name, part in parts:
        pattern = re.compile(part, re.I)
        gate = GATES.get(name)
        words = gate_words.get(gate) if gate else own_words.get(name)
        keys = key_words(words) if words is not None else None
        patterns.append((name, pattern, compiled_gates[gate] if gate else pattern, keys))
    return tuple(patterns)


@dataclass(frozen=True)
class DateCues:
    """The per-language patterns `find_dates` and `_resolve` try on every candidate, compiled once."""

    patterns: tuple[tuple[str, re.Pattern, re.Pattern, frozenset | None], ...]  # (kind, pattern, gate, its words)
    unnamed_day: re.Pattern  # "a Monday morning"
    span_before: re.Pattern  # "in the days before"
    takes_object: re.Pattern  # "two days before (the strike)"
    conjunction_follows: re.Pattern
    months_unit: re.Pattern
    month_qualifier: re.Pattern
    ordinal_ending: re.Pattern  # "24th" -> "24"
    day_link: re.Pattern  # "of" in "24th of February"
    explicit_date_after: re.Pattern
    after_word: re.Pattern
    since_before: re.Pattern
    statement_before: re.Pattern
    statement_after: re.Pattern
    future_before: re.Pattern
    units: tuple[tuple[str, re.Pattern], ...]


def build_date_cues(rules: Rules) -> DateCues:
    statement = rules.regex("statement_words").pattern
    units = rules.table.get("units_in_days") or {}
    return DateCues(
        patterns=_patterns(rules),
        unnamed_day=re.compile(rf"\b(?:{alternation(rules.words('unnamed_day_words'))})\s+$", re.I),
        span_before=re.compile(rf"\b(?:{alternation(rules.words('span_words'))})\s+$", re.I),
        takes_object=re.compile(rf"(?:{alternation(rules.words('object_taking_offsets'))})$"),
        conjunction_follows=re.compile(rf"\s+(?:{alternation(rules.words('offset_conjunctions'))})"),
        months_unit=re.compile(alternation(rules.words("month_units"))),
        month_qualifier=re.compile(rf"^(?:{_prefixes(rules.words('month_qualifiers'))})\s*", re.I),
        ordinal_ending=re.compile(rf"(\d)(?:{endings(rules.words('ordinal_endings'))})(?![\w-])", re.I),
        day_link=re.compile(rf"(?<=\d)\s+(?:{alternation(rules.words('day_month_links'))})(?=\s)", re.I),
        explicit_date_after=re.compile(rf",?\s+(?:{alternation(rules.months)}|\d)", re.I),
        after_word=re.compile(alternation(rules.words("after_words"))),
        since_before=re.compile(rf"{alternation(rules.words('since_words'))}\s+(?:[\w'’-]+\s+){{0,8}}$", re.I),
        statement_before=re.compile(rf"(?:{statement})\W+{_venue(rules)}(?:\w+\W+){{0,3}}$", re.I),
        statement_after=re.compile(rf"\W*(?:\w+\W+)?(?:{statement})", re.I),
        future_before=re.compile(rf"\b(?:{alternation(rules.words('future_words'))})\b[^,;.]{{0,60}}$", re.I),
        units=tuple((u, re.compile(rf"\b{u}\b")) for u in sorted(units, key=len, reverse=True)),
    )


def _prefixes(words: list[str]) -> str:
    """Words that may run into the next one ("mid-March"), longest first: no boundary after them."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


def _venue(rules: Rules) -> str:
    """An optional 'in a (televised) address ' after a statement's verb; nothing for a language without the table."""
    prepositions, venues = rules.words("statement_venue_words"), rules.words("statement_venues")
    if not prepositions or not venues:
        return ""
    return rf"(?:(?:{alternation(prepositions)})\W+(?:\w+\W+){{0,3}}?(?:{alternation(venues)})\W+)?"
