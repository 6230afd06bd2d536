"""Event titles: the clearest headline among an event's articles, or one built from what, where and when.

A headline is cleaned of what outlets add to it (" - Reuters", " | BBC News",
a section label such as "Ukraine war:", a media tag such as "(VIDEO)", shouted ALL-CAPS words); the most
central one (sharing the most distinguishing words with the others) names
the event. Articles without a headline of their own give a title built from
the kind of happening, its place and its date ("Missile strike in Chaplyne,
24 August 2022"), never a fragment of a body sentence. Two events of one day
never share a title.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from ..extract.sentences import ends_in_initials
from ..model import Extraction, first_day
from ..rules import alternation, rules_for
from .similarity import words_of

SHOUTED = re.compile(r"\b[A-Z][A-Z'’]{4,}\b")  # five letters or more: BILLION, TODAY (not NATO, UK)
LONGEST = 160  # a longer headline is a summary, not a title
# compiled once, not looked up in `re`'s cache on each call (a serve profile showed the look-ups)
TRAILING_SEPARATORS = re.compile(r"[\s|–—:-]+$")
BAR = re.compile(r"\s\|\s")
CLAUSE_BREAK = re.compile(r"\s[–—-]\s|:\s|\sas\s")  # "X - as Y", "X: Y", "X as Y": where a long headline's news ends
FIRST_CLAUSE_WORDS = 5  # ... when what comes before says something whole
MEDIA_TAG = re.compile(r"\s*\((?=[A-Z ]{4,}\))[A-Z]+(?: [A-Z]+){0,3}\)\s*$")  # "(VIDEO)", "(WATCH FULL SPEECH)"


@lru_cache(maxsize=256)
def _outlet_at_end(outlet: str) -> re.Pattern:
    """The outlet's name closing a headline after a separator or a space, as a whole word."""
    return re.compile(rf"(?:^|[\s|–—:-])\s*{re.escape(outlet)}\s*$", re.I)


@cache
def _headline_cues(language: str) -> tuple[re.Pattern, re.Pattern]:
    """What outlets add to a headline in this language: an outlet's name after a bar (" | BBC News") and a
    section label before a colon ("Ukraine war: ", "Guerra en Ucrania: "); the words are the rule table's."""
    rules = rules_for(language)
    outlet_words = alternation(rules.words("outlet_name_words"))
    section_words = alternation(rules.words("headline_section_words"))
    return (
        re.compile(rf"\s+[|–—-]\s+(?:[A-Z][\w.&']*\s?){{1,4}}(?:{outlet_words})?\s*$"),
        re.compile(rf"^(?:[\w'’-]+\s){{0,3}}(?:{section_words}):\s+", re.I),
    )


@lru_cache(maxsize=1 << 15)  # an event's id and its title clean the same headline
def clean_headline(title: str, outlet: str | None, language: str = "en") -> str:
    outlet_tail, section_label = _headline_cues(language)
    text = " ".join(title.split())
    if outlet and (named := _outlet_at_end(outlet).search(text)):  # " - Reuters", not the "rt" of "airport"
        text = TRAILING_SEPARATORS.sub("", text[: named.start()])
    text = outlet_tail.sub("", text) if BAR.search(text) else text
    text = section_label.sub("", text)
    text = MEDIA_TAG.sub("", text)
    text = SHOUTED.sub(lambda m: m.group(0).lower(), text)
    text = text.replace("''", "'")
    text = text if ends_in_initials(text) else text.rstrip(".")  # "... in D.C." keeps its full stop
    if len(text) > 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]  # a headline wrapped whole in quotes
    text = _first_clause(text) if len(text) > LONGEST else text
    return text[:1].upper() + text[1:]


def _first_clause(text: str) -> str:
    """A headline long as a summary ("X - as Y warns ...", "X: latest forecast ...") told by its first clause,
    which carries the news; never cut inside a clause."""
    for found in CLAUSE_BREAK.finditer(text):
        head = text[: found.start()].rstrip(" ,;")
        if len(head.split()) >= FIRST_CLAUSE_WORDS:
            return head
    return text


def headline_title(extractions: list[Extraction]) -> str | None:
    """The most central clean headline among articles that have one."""
    heads = [
        (x, clean_headline(x.article.title, x.article.outlet, x.article.language))
        for x in extractions
        if not x.article.title_from_text
    ]
    heads = [(x, h) for x, h in heads if len(h.split()) >= 3 and len(h) <= LONGEST] or heads
    heads = [(x, h) for x, h in heads if not _describes_footage(h, x.article.language)] or heads
    if len(heads) <= 1:
        return heads[0][1] if heads else None
    words = [words_of(h) for _, h in heads]

    def centrality(i: int) -> tuple:
        shared = sum(len(words[i] & w) for j, w in enumerate(words) if j != i)
        x, h = heads[i]
        return (-shared, abs(len(h) - 80), x.article.date, x.article.id)

    return heads[min(range(len(heads)), key=centrality)][1]


@cache
def _footage_cue(language: str) -> re.Pattern:
    return re.compile(alternation(rules_for(language).words("footage_words")), re.I)


def _describes_footage(headline: str, language: str) -> bool:
    """'Moment the bridge collapsed', '... caught on camera': a headline that describes pictures of the happening
    names it less well than one that reports it."""
    return bool(_footage_cue(language).search(headline))


def built_title(extractions: list[Extraction], place: str | None, date: str, language: str = "en") -> str:
    """What, where and when, from the leads: 'Missile strike in Chaplyne, 24 August 2022'."""
    lead = " ".join(x.lead for x in extractions)
    what = next(
        (n for n in rules_for(language).words("event_nouns") if re.search(rf"\b{re.escape(n)}\b", lead, re.I)),
        None,
    )
    what = f"{what[:1].upper()}{what[1:]}" if what else "Reported events"
    where = f" in {place}" if place else ""
    return f"{what}{where}, {readable_date(date)}"


def readable_date(value: str) -> str:
    day = first_day(value)
    if len(value) == 4:
        return value
    if len(value) == 7:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def distinct_titles(items: list[tuple[str, str, str | None]]) -> list[str]:
    """(date, title, place) -> titles where no two of one date are the same."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for value, title, _ in items:
        seen[(value, title.lower())] += 1
    result, used = [], set()
    for value, title, place in items:
        if seen[(value, title.lower())] > 1 and place and place.lower() not in title.lower():
            title = f"{title} ({place})"
        key, n = (value, title.lower()), 2
        while key in used:
            key = (value, f"{title} ({n})".lower())
            n += 1
        if n > 2:
            title = f"{title} ({n - 1})"
        used.add(key)
        result.append(title)
    return result
