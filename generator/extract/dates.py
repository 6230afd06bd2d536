"""Dates: find date expressions in sentences and resolve them against the publication date.

We find candidates with our own patterns (dateparser's `search_dates` misses
"January 1" and "New Year's Eve" and finds false hits such as "in 2023 and"),
then resolve absolute ones with dateparser and relative ones by arithmetic.
Precision is kept: "February 2022" is a month, never a made-up day.
Expressions relative to another event ("a week before the theatre was hit")
are returned unresolved, with their offset, for the extract stage to anchor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import dateparser

from ..model import Sentence
from ..phrases import words_of
from .reach import text_after, text_before

if TYPE_CHECKING:
    from .language import Language

OBJECT_FOLLOWS = re.compile(r"\s+[\w\"“]")
YEAR_DIGITS = re.compile(r"\d{4}")
UPCOMING_DAYS = 45  # a date without a year up to this far after publication is the coming one
UPCOMING_DAYS_AHEAD = 300  # ... and after a word of the future ("is due to start on March 1"), most of a year
FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
DAY_DIGITS = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
WORD_TOKEN = re.compile(r"[\w']+")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DateExpression:
    """A date expression before anchoring: resolved, or an offset from another date."""

    text: str
    start: int
    end: int
    sentence: int
    value: str | None  # None until anchored
    precision: str
    offset_days: int = 0
    anchor: str = ""  # "" resolved | "phrase" (before/after + what) | "previous" (earlier/later)
    statement: bool = False
    since: bool = False
    kind: str = ""  # the pattern that found it: "weekday", "month_day", ...


def find_dates(sentences: list[Sentence], body: str, published: date, language: Language) -> list[DateExpression]:
    """Every date expression in the sentences, left to right, without overlaps."""
    found: list[DateExpression] = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []  # in order and apart, so one neighbour tells an overlap
        words = words_of(sentence.text)
        gated: dict[re.Pattern, bool] = {}
        for name, pattern, gate, keys in language.dates.patterns:
            if keys is not None and words is not None and keys.isdisjoint(words):
                continue  # `phrases.may_hold_words`, written out: it is asked 14 times a sentence
            if gate is not pattern:
                found_gate = gated.get(gate)
                if found_gate is None:
                    found_gate = gated[gate] = gate.search(sentence.text) is not None
                if not found_gate:
                    continue
            for match in pattern.finditer(sentence.text):
                span = match.span("d") if "d" in pattern.groupindex else match.span()
                at = bisect_left(taken, span)
                if (at > 0 and taken[at - 1][1] > span[0]) or (at < len(taken) and taken[at][0] < span[1]):
                    continue
                expression = _resolve(name, match, sentence, published, language)
                if expression is None:
                    continue
                insort(taken, span)
                found.append(expression)
    return _on_the_texts_clock(sorted(found, key=lambda d: d.start), sentences, published, language)


CALENDAR_DAYS = ("day_month", "month_day")


def _on_the_texts_clock(
    found: list[DateExpression], sentences: list[Sentence], published: date, language: Language
) -> list[DateExpression]:
    """A page updated after the day it gives tells of days after it as past ("On March 1, Ukraine claimed ..." on
    a page of 25 February): from there on, a weekday is the last one before the day the text has reached ("a UN
    report showed on Tuesday" is 1 March, not 22 February), as the updated paragraphs were written then."""
    clock = published
    dated: list[DateExpression] = []
    for expression in found:
        if expression.kind == "weekday" and clock > published and expression.value:
            day = date.fromisoformat(expression.value)
            if day <= published:  # a past weekday, read against the publication day: read it against the clock
                weekday = _weekday_of(expression.text.lower(), language)
                expression = replace(expression, value=_last_weekday(clock, weekday).isoformat())
        elif _told_as_past_after(expression, sentences, published, language):
            clock = max(clock, date.fromisoformat(expression.value))
        dated.append(expression)
    return dated


def _told_as_past_after(
    expression: DateExpression, sentences: list[Sentence], published: date, language: Language
) -> bool:
    """A calendar day after publication, in a clause with no word of the future before it."""
    if expression.kind not in CALENDAR_DAYS or not expression.value or expression.value <= published.isoformat():
        return False
    sentence = sentences[expression.sentence]
    return not language.dates.future_before.search(text_before(sentence.text, expression.start - sentence.start))


def _resolve(
    name: str, match: re.Match, sentence: Sentence, published: date, language: Language
) -> DateExpression | None:
    group = "d" if "d" in match.re.groupindex else 0
    text = match.group(group)
    lower = text.lower()
    value: str | None
    precision = "day"
    offset, anchor = 0, ""
    cues = language.dates
    if name == "holiday":
        month, day = language.rules.table["holidays"][_key(lower, language.rules.table["holidays"])]
        ahead = bool(cues.future_before.search(text_before(sentence.text, match.start())))
        value = _without_year(published, month, day, ahead).isoformat()
    elif name in ("day_month", "month_day", "month_year", "month", "month_bare"):
        precision = "day" if name in ("day_month", "month_day") else "month"
        ahead = bool(cues.future_before.search(text_before(sentence.text, match.start())))
        value = _calendar_date(lower, language, published, precision, ahead)
        if value == "":  # no month name of the table: the parser reads it
            cleaned = _clean_day(text, language) if precision == "day" else _month_only(text, language)
            value = _parse_absolute(cleaned, language.code, published, precision)
    elif name == "month_last_year":
        precision = "month"
        month = language.rules.months[_first_word(lower, language.rules.months)]
        value = f"{published.year - 1:04d}-{month:02d}"
    elif name == "year":
        precision, value = "year", text
        if int(text) > published.year:
            return None
    elif name == "last_year":
        precision, value = "year", str(published.year - 1)
    elif name == "relative_day":
        days = language.rules.table["relative_days"][_key(lower, language.rules.table["relative_days"])]
        value = (published + timedelta(days=days)).isoformat()
    elif name == "weekday":
        if cues.unnamed_day.search(text_before(sentence.text, match.start())):
            return None  # "a Monday morning in October" names no particular day
        if cues.explicit_date_after.match(text_after(sentence.text, match.end())):
            return None  # "Saturday, Feb. 19, 2022": the explicit date that follows says it
        weekday = _weekday_of(lower, language)
        if cues.future_before.search(text_before(sentence.text, match.start())):
            ahead = (weekday - published.weekday()) % 7 or 7  # "will compete on Monday": the coming one
            value = (published + timedelta(days=ahead)).isoformat()
        else:
            value = _last_weekday(published, weekday).isoformat()
    elif name == "ago":
        value = (published - timedelta(days=_offset_days(lower, language))).isoformat()
        if cues.months_unit.search(lower):
            precision, value = "month", value[:7]  # "six months ago" names a month, not a day
    elif name == "offset":
        days = _offset_days(lower, language)
        if days is None or cues.span_before.search(text_before(sentence.text, match.start())):
            return None  # "in the days before", "for months before": a span, not a date
        forward = bool(cues.after_word.search(lower))
        offset = days if forward else -days
        tail = sentence.text[match.end() : match.end() + 6]
        follows = OBJECT_FOLLOWS.match(tail) and not cues.conjunction_follows.match(tail)
        takes_object = cues.takes_object.search(lower) and follows
        anchor = "phrase" if takes_object else "previous"
        value = None
        if cues.months_unit.search(lower):
            precision = "month"  # "six months into the war" names a month, not a day
    else:
        return None
    if value is None and not anchor:
        return None
    start = sentence.start + match.start(group)
    at = match.start(group)  # "since 1945": a year's pattern starts at its preposition
    since = bool(cues.since_before.search(sentence.text[max(0, at - 80) : at]))
    return DateExpression(
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence.index,
        value=value,
        precision=precision,
        offset_days=offset,
        anchor=anchor,
        # the day something was said is a day (or a month): "since 1995, he told" dates no statement
        statement=not since and precision != "year" and _is_statement_date(sentence.text, match, language),
        since=since,
        kind=name,
    )


def _is_statement_date(text: str, match: re.Match, language: Language) -> bool:
    """'said on Friday', 'The Kremlin on Friday rejected': the day of a statement."""
    cues, start, end = language.dates, match.start(), match.end()
    return bool(
        cues.statement_before.search(text[max(0, start - 60) : start])
        or cues.statement_after.match(text[end : end + 25])
    )


def _offset_days(lower: str, language: Language) -> int | None:
    unit = next((u for u, pattern in language.dates.units if pattern.search(lower)), None)
    if unit is None:
        return None
    count = 1
    for token in WORD_TOKEN.findall(lower):
        if token.isdigit():
            count = int(token)
            break
        if token in language.rules.number_word and token not in ("a", "an"):
            count = language.rules.number_word[token]
            break
    return count * language.rules.table["units_in_days"][unit]


def anchor_date(expression: DateExpression, anchor: str, anchor_precision: str) -> tuple[str, str] | None:
    """Resolve an offset expression against the date it is relative to (day precision only)."""
    if anchor_precision != "day":
        return None
    value = (date.fromisoformat(anchor) + timedelta(days=expression.offset_days)).isoformat()
    return (value[:7], "month") if expression.precision == "month" else (value, "day")


def _calendar_date(lower: str, language: Language, published: date, precision: str, ahead: bool = False) -> str | None:
    """A date read with the rule table's month names, every case form ('грудні 2023', '24 de febrero'): the
    month, the day and the year written. Without a year it is this calendar year's, as news writes dates
    ('following Sept. 25 elections', published in August, is the coming one), unless that lies more than a few
    weeks ahead ('on December 31', published on 2 January, is last year's); a month ahead is the coming one only
    after a word of the future ('by October'). None for a day that does not exist, "" when no month name of the
    table is in the text (the parser reads it)."""
    months = language.rules.months
    month_word = _word_in(lower, months)
    if month_word is None:
        return ""
    month, year_found = months[month_word], FOUR_DIGITS.search(lower)
    year = int(year_found.group(0)) if year_found else None
    if precision == "month":
        year = year or (published.year if month <= published.month or ahead else published.year - 1)
        return f"{year:04d}-{month:02d}"
    day_found = DAY_DIGITS.search(lower)
    if day_found is None:
        return ""
    try:
        number = int(day_found.group(0))
        day = date(year, month, number) if year else _without_year(published, month, number, ahead)
    except ValueError:
        return None  # 30 February
    return day.isoformat()


@lru_cache(maxsize=20000)
def _parse_absolute(text: str, language: str, published: date, precision: str) -> str | None:
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = dateparser.parse(text, languages=[language, "en"], settings=settings)
    if parsed is None:
        return None
    result = parsed.date()
    if result > published + timedelta(days=1) and not YEAR_DIGITS.search(text):
        result = result.replace(year=result.year - 1)
    return result.isoformat() if precision == "day" else result.isoformat()[:7]


def _without_year(published: date, month: int, day: int, ahead: bool = False) -> date:
    """A day written without its year ('on March 3', 'Victory Day') is this calendar year's, as news writes
    dates, unless that lies more than a few weeks ahead of publication (then last year's); after a word of the
    future ('is due to start on March 1') most of a year ahead is still the coming one."""
    this_year = date(published.year, month, day)
    if (this_year - published).days > (UPCOMING_DAYS_AHEAD if ahead else UPCOMING_DAYS):
        return date(published.year - 1, month, day)
    return this_year


def _clean_day(text: str, language: Language) -> str:
    """'24th of February' -> '24 February', for the parser."""
    return language.dates.day_link.sub("", language.dates.ordinal_ending.sub(r"\1", text))


def _month_only(text: str, language: Language) -> str:
    return language.dates.month_qualifier.sub("", text)


def _weekday_of(lower: str, language: Language) -> int:
    """The weekday (Monday 0) a weekday expression names ("on Tuesday", "Tuesday's")."""
    return language.rules.weekdays[_first_word(lower, language.rules.weekdays)]


def _last_weekday(day: date, weekday: int) -> date:
    """The last such weekday on or before the day: "on Tuesday" in a text written that day."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _first_word(lower: str, table: dict) -> str:
    return _word_in(lower, table) or ""  # the pattern that matched holds one of the table's words


def _word_in(lower: str, table: dict) -> str | None:
    """The table's longest word found in the text, or None."""
    return next((k for k, pattern in _word_patterns(tuple(table)) if pattern.search(lower)), None)


@cache
def _word_patterns(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """Each word of a table, longest first, with its pattern: compiled once, tried per date."""
    return tuple((k, re.compile(rf"(?<!\w){re.escape(k)}(?!\w)")) for k in sorted(words, key=len, reverse=True))


def _key(lower: str, table: dict) -> str:
    return _first_word(SPACES.sub(" ", lower.replace("’", "'")), table)
