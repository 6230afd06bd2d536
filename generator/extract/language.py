"""A language, built once: its rule table's words compiled into the patterns every extraction stage reads.

`language_for(code)` reads `generator/rules/<code>.yml` (through `rules_for`) and compiles each stage's
cues once; `extract_article` hands the one `Language` to every stage (sentences, dates, figures, claims,
attribution, places). Adding a language is adding a table, not editing the stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..rules import Rules, alternation, rules_for
from .cues import AttributionCues, build_attribution_cues
from .date_cues import DateCues, build_date_cues
from .figure_cues import FigureCues, build_figure_cues
from .places import PlaceCues, build_place_cues
from .scope import ScopeCues, build_scope_cues
from .sentences import FurnitureCues, build_furniture_cues


@dataclass(frozen=True)
class ArticleCues:
    """What makes a date the article's event: event words, and event nouns next to a date."""

    event_words: re.Pattern
    incident_before: re.Pattern  # "the attack on" before a date
    incident_after: re.Pattern  # "'s strike", "attack" after a date
    incident_nouns: re.Pattern  # an event or report noun anywhere
    place_before: re.Pattern  # "in", "near", "hit", "the town of" right before a place: where something happened
    headline_tail: re.Pattern  # "... – Moscow", "..., officials say": a headline that names its source
    headline_statement: re.Pattern  # "Zelensky denies ...", or a source named at the end: the headline reports a saying
    headline_incident: re.Pattern  # "... bombed ...", "... killed ...": a headline that tells an incident as done
    recalled_before: re.Pattern  # "the strike that " before an incident verb: the incident is recalled, not told
    headline_act: re.Pattern  # "... ratifies ...", "... begins ...": an act told in the present, done that day
    verb_ending: re.Pattern  # "-s", "-ed": what makes one verb's forms ("bans", "banned")
    dated_caption: re.Pattern  # "..., in Kyiv, Ukraine, Wednesday, March 2, 2022.": how wire photo captions close
    earlier_after: re.Pattern  # "The briefing came hours after": what follows is an earlier happening
    earlier_cause: re.Pattern  # "in response to", "in revenge for": what follows is the happening answered


def event_nouns(rules: Rules, *more: str) -> str:
    """The language's event nouns, singular and plural ('strike', 'strikes'), with any extra words."""
    words = rules.words("event_nouns")
    return alternation([*words, *(f"{w}s" for w in words), *more])


def build_article_cues(rules: Rules) -> ArticleCues:
    nouns = event_nouns(rules)
    tail = re.compile(rules.table.get("headline_attribution_tail") or r"(?!x)x")
    return ArticleCues(
        event_words=rules.regex("event_words"),
        incident_before=re.compile(rf"(?:{nouns})\s+(?:{alternation(rules.words('incident_date_links'))})\s+$", re.I),
        incident_after=re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,6}}?(?:{nouns})", re.I),
        incident_nouns=re.compile(event_nouns(rules, *rules.words("report_nouns")), re.I),
        place_before=re.compile(
            rf"(?:{alternation([*rules.words('locative_prepositions'), *rules.words('place_object_words')])})"
            r"\s+(?:\w+\s+){0,3}?(?:\w+\s+(?:of|de)\s+)?$",
            re.I,
        ),
        headline_tail=tail,
        headline_statement=re.compile(rf"{rules.regex('headline_statement_words').pattern}|{tail.pattern}", re.I),
        headline_incident=rules.regex("headline_incident_verbs"),
        recalled_before=re.compile(rf"{alternation(rules.words('relative_pronouns'))}\s+(?:[\w'’-]+\s+){{0,2}}$", re.I),
        headline_act=rules.regex("headline_act_words"),
        verb_ending=re.compile(rules.table.get("verb_endings") or r"(?!x)x"),
        dated_caption=_dated_caption(rules),
        earlier_cause=rules.regex("answered_happening_markers"),
        earlier_after=re.compile(
            rf"^\W*(?:\w+\s+)?(?:{event_nouns(rules, *rules.words('report_nouns'))})\s+"
            rf"(?:{alternation(rules.words('report_follow_verbs'))})\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{alternation(rules.words('after_words'))})\b",
            re.I,
        ),
    )


def _dated_caption(rules: Rules) -> re.Pattern:
    """A sentence closing ', [on] [Weekday,] Month Day, Year.' (or 'Day Month Year'), maybe with a short clause
    after it: a wire photo caption's place and day. Running text names a recent day without its year."""
    month, weekday = alternation(rules.months), alternation(rules.weekdays)
    day = rf"(?:(?:{month})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{month})\.?),?\s+(?:19|20)\d\d"
    return re.compile(rf",\s+(?:\w+\s+)?(?:(?:{weekday}),?\s+)?{day}(?:,[^,.]{{0,60}})?\.?\s*$", re.I)


@dataclass(frozen=True)
class Language:
    """A rule table and the patterns compiled from it, for one language."""

    rules: Rules
    attribution: AttributionCues
    figures: FigureCues
    dates: DateCues
    places: PlaceCues
    article: ArticleCues
    furniture: FurnitureCues
    scope: ScopeCues

    @property
    def code(self) -> str:
        return self.rules.language

    def words(self, key: str) -> list[str]:
        return self.rules.words(key)

    def regex(self, key: str) -> re.Pattern:
        return self.rules.regex(key)


@cache
def language_for(code: str) -> Language:
    """The language of this code (English's rules where there is no table for it), built once."""
    rules = rules_for(code)
    return Language(
        rules=rules,
        attribution=build_attribution_cues(rules),
        figures=build_figure_cues(rules),
        dates=build_date_cues(rules),
        places=build_place_cues(rules),
        article=build_article_cues(rules),
        furniture=build_furniture_cues(rules),
        scope=build_scope_cues(rules),
    )
