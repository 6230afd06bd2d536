"""What an article reports: one happening of its own, or none (analysis, opinion, a feature, a roundup).

Read from the headline and the lead only, as an editor sorts the day's
copy: a headline that names something done or said ("Russian strike kills
22", "... – Moscow") reports a happening; one that explains, argues, profiles
or gathers ("Why ...", "EXPLAINER: ...", "Opinion: ...", live blogs) or a
piece that never names the war does not. The word tables are
`news_shapes.yml`. An article without a headline of its own (the seed
format) is always taken to report its happening: its first sentence is not a
headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..extract.language import language_for
from ..extract.sentences import split_sentences
from ..model import Article

SHAPES_FILE = Path(__file__).with_name("news_shapes.yml")
SECTION_LABEL = re.compile(r"^(?:[\w'’-]+\s){0,2}[\w'’-]+:\s+")  # "Ukraine war: ...", "EXPLAINER: ..."
QUOTED = re.compile(  # a quotation in a headline: its opening mark after a space, its closing one before one
    r"(?:^|(?<=[\s(\[:—–-]))['‘\"“][^'‘’\"“”]+['’\"”](?=$|[\s,.;:!?)\]—–-])"
)
QUESTION_AT_END = re.compile(r"\?\s*$")  # "... What comes next?"; not a quoted question ("'Are you human?'")
MIN_LEDE_WORDS = 3  # a shorter first sentence is a greeting, not news
PERSON_LABEL = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]+\s){1,2}[A-Z][a-zà-ÿ'’-]+:\s")  # an op-ed's "Name Surname: ..."


@dataclass(frozen=True)
class NoHappening:
    """Why an article joins no event, for `timeline check`'s note."""

    reason: str


@dataclass(frozen=True)
class NewsShapes:
    """One language's headline tables, compiled once."""

    happening: re.Pattern
    attribution_tail: re.Pattern
    opinion: re.Pattern
    commentator: re.Pattern
    roundup: re.Pattern
    explainer_start: re.Pattern
    feature: re.Pattern
    address_genre: re.Pattern  # "/opinion/", "-analysis-": the outlet's own section of the piece
    war: re.Pattern
    other_wars: re.Pattern  # "Balkan war", "trade war": no war term of this war
    kinds: dict[str, re.Pattern]
    kind_blanks: re.Pattern  # "advanced missile systems": things, not happenings
    briefer: re.Pattern  # "a senior U.S. defense official": group 1 names the body
    briefing_body: dict[str, str]  # a body's spelling -> the body ("pentagon" -> "defense")
    briefing_verb: re.Pattern


def _words(entries: list[str]) -> str:
    """Whole words or phrases; a trailing '*' matches any ending."""
    parts = [re.escape(e.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if e.endswith("*") else "") for e in entries]
    return r"\b(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")\b"


@lru_cache(maxsize=8)
def shapes_for(language: str) -> NewsShapes | None:
    tables = yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8")).get(language)
    if not tables:
        return None
    return NewsShapes(
        happening=re.compile(_words(tables["happening_verbs"]), re.I),
        attribution_tail=language_for(language).article.headline_tail,
        opinion=re.compile(_words(tables["opinion_markers"]), re.I),
        commentator=_commentator(tables),
        roundup=re.compile(_words(tables["roundup_markers"]), re.I),
        explainer_start=re.compile(r"^\W*" + _words(tables["explainer_starts"]), re.I),
        feature=re.compile(_words(tables["feature_words"]), re.I),
        address_genre=_address_genre(tables),
        war=re.compile(_words(tables["war_terms"]), re.I),
        other_wars=re.compile(_words(tables["other_wars"]), re.I),
        kinds={k: re.compile(_words(v), re.I) for k, v in tables["happening_kinds"].items()},
        kind_blanks=re.compile(_words(tables["kind_blanks"]), re.I),
        briefer=_briefer(tables),
        briefing_body={k.casefold(): v for k, v in tables["briefing_bodies"].items()},
        briefing_verb=re.compile(_words(tables["briefing_verbs"]), re.I),
    )


def _briefer(tables: dict) -> re.Pattern:
    """An unnamed senior official of a body: 'a senior U.S. defense official', 'senior administration officials'."""
    rank, body = _words(tables["briefing_ranks"]), _words(list(tables["briefing_bodies"]))
    return re.compile(rf"{rank}\s+(?:[\w.]+\s+){{0,2}}?({body})\s+officials?\b", re.I)


def _address_genre(tables: dict) -> re.Pattern:
    """A section of the address ('/opinion/') or a word of its slug between hyphens ('...-analysis-intl')."""
    sections = "|".join(map(re.escape, tables["address_sections"]))
    words = "|".join(map(re.escape, tables["address_slug_words"]))
    return re.compile(rf"/(?:{sections})/|[/-](?:{words})(?=[-/_.?#]|$)", re.I)


def _commentator(tables: dict) -> re.Pattern:
    """A commentator as the headline's speaker: before a verb of saying, or named at its end."""
    who, verb = _words(tables["commentators"]), _words(tables["commentator_verbs"])
    return re.compile(
        rf"{who}(?:\s+[\w'’-]+){{0,3}}?\s+{verb}|[,:–—-]\s*(?:[\w'’.-]+\s+){{0,3}}{who}\s*$"
        rf"|{verb}\s+(?:[\w'’.-]+\s+){{0,2}}{who}\s*$",
        re.I,
    )


def _path(url: str | None) -> str:
    """The path of an article's address, without its host ('analysis.example.com' is no section)."""
    if not url:
        return ""
    return urlsplit(url).path


def _first_sentence(lead: str, language: str) -> str:
    """War news names the war up top; a piece that reaches it only further down is about something else. A
    newsletter's greeting ("Good evening.", "Hello.") is no sentence of news: the first one follows it."""
    text = [s.text for s in split_sentences(lead, language_for(language)) if s.role == "text"]
    told = [t for t in text if len(t.split()) >= MIN_LEDE_WORDS]
    return (told or text or [lead])[0]


def headline_or_first_sentence(article: Article, lead: str) -> str:
    """What says what an article is about: its headline, or without one the first sentence of its lead."""
    return lead.split(". ", 1)[0] if article.title_from_text else article.title


def happening_kinds(article: Article, lead: str) -> frozenset[str]:
    """The kinds of happening the headline (or, without one, the first sentence of the lead) names."""
    return _kinds_named(article.language, headline_or_first_sentence(article, lead))


def forget_kinds_read() -> None:
    _kinds_named.cache_clear()


@lru_cache(maxsize=1 << 15)  # a serve session groups the same headlines again after every edit
def _kinds_named(language: str, text: str) -> frozenset[str]:
    shapes = shapes_for(language)
    if shapes is None:
        return frozenset()
    text = shapes.kind_blanks.sub(" ", text)
    return frozenset(kind for kind, pattern in shapes.kinds.items() if pattern.search(text))


def no_happening(
    article: Article, lead: str, is_place=lambda name: False, war_place=lambda text: False
) -> NoHappening | None:
    """Why the article reports no happening of its own, or None when it reports one.

    `is_place` tells a dateline label ("Borodyanka: ...") from an op-ed's byline ("Nikita Mazepin: ...");
    `war_place` tells whether a text names a place of the war ("Bucha survivors recount...").
    """
    shapes = shapes_for(article.language)
    if shapes is None or article.title_from_text:
        return None
    headline = " ".join(article.title.split())

    def names_the_war(text: str) -> bool:
        return bool(shapes.war.search(shapes.other_wars.sub(" ", text))) or war_place(text)

    if not names_the_war(headline):
        if not names_the_war(lead):
            return NoHappening("it does not mention the war in its headline or lead")
        if not names_the_war(_first_sentence(lead, article.language)):
            return NoHappening("it names the war neither in its headline nor in its first sentence")
    genre = shapes.address_genre.search(_path(article.url))
    if genre:
        return NoHappening(f"its address files it as analysis or opinion ('{genre.group(0).strip('/-')}')")
    unquoted = QUOTED.sub(" ", headline)  # a speaker's words ("the right to live", "secret photos") mark no genre
    marker = shapes.opinion.search(unquoted)
    if marker:
        return NoHappening(f"its headline marks analysis, opinion or an explainer ('{marker.group(0)}')")
    if shapes.commentator.search(headline):
        return NoHappening(
            "its headline gives a commentator's view (an expert, an analyst, a veteran), as analysis does"
        )
    label = SECTION_LABEL.match(headline)
    told = headline[label.end() :].strip("'\"‘’“” ") if label else headline
    marker = shapes.roundup.search(QUOTED.sub(" ", told))  # a roundup label before a colon may head one happening
    if marker:
        return NoHappening(f"its headline marks a roundup or live blog ('{marker.group(0)}')")
    byline = PERSON_LABEL.match(headline)
    if byline and not is_place(byline.group(0).rstrip(": ")) and not shapes.war.search(byline.group(0)):
        return NoHappening("its headline opens with a writer's name, as opinion pieces and interviews do")
    statement = shapes.attribution_tail.search(headline)
    if statement:
        return None  # "... – Moscow": what someone said that day
    if shapes.explainer_start.search(told) or QUESTION_AT_END.search(headline):
        return NoHappening("its headline asks or explains rather than reports")
    if not shapes.happening.search(told):
        return NoHappening("its headline names nothing done or said")
    if shapes.feature.search(told):
        return NoHappening("its headline is about lives and moods, as features are")
    return None
