"""What grouping reads of each article's text: extractions (and the last build's readings) -> a `TextReading` each.

A reading holds the distinguishing words of the article's headline and lead
and of its headline alone, the kinds of happening the headline names, why the
article reports no happening of its own (or None), and the words of each
dated mention's title. All of it follows from the article's language,
headline, lead and mention titles alone (and from the tables and the code,
which the cache's fingerprint covers), so a reading whose `source` digest is
unchanged is the one reading the text again would give: a rebuild after
adding one article reads one article's text, not 10,000.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from ..extract.claims import speakers_named
from ..extract.language import Language, language_for
from ..extract.places import Gazetteer
from ..extract.sentences import split_sentences
from ..model import Article, Extraction, Sentence
from .reports import NoHappening, happening_kinds, no_happening, shapes_for
from .similarity import headline_and_lead, headline_of, lead_sentences, one_latin_spelling, sentence_digest, words_of

LEDE_SENTENCES = 3  # where a report says who spoke
BRIEFING_SENTENCES = 2  # where a report says it comes from a briefing (after a series' opening line, at most)


@dataclass(frozen=True)
class TextReading:
    """One article's text as grouping reads it; `source` is the digest of the text it was read from."""

    source: str
    words: frozenset[str]
    heads: frozenset[str]
    kinds: frozenset[str]
    no_happening: str | None
    mention_words: tuple[frozenset[str], ...]
    speakers: frozenset[str] = frozenset()  # whose words a saying headline reports, by surname ("shoigu")
    briefer: str | None = None  # the body whose unnamed senior official the lede quotes ("defense")
    lead_sentences: tuple[str, ...] = ()  # the digest of each sentence of the lead (`similarity.boilerplate_of`)


def source_digest(x: Extraction) -> str:
    """What a reading is read from: the headline (and whether it came from the text), the language, the lead
    and the mentions' titles."""
    a = x.article
    parts = (a.language, str(a.title_from_text), a.title, x.lead, *(m.title for m in x.mentions))
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def read_texts(
    extractions: list[Extraction], gazetteer: Gazetteer, previous: dict[str, TextReading] | None = None
) -> dict[str, TextReading]:
    """Each article's reading, taken from `previous` when its text is unchanged (`previous` itself when every
    one is)."""
    previous = previous or {}
    readings = {}
    for x in extractions:
        source = source_digest(x)
        known = previous.get(x.article.id)
        if known is None or known.source != source:
            known = read_text(x, gazetteer, source)
        readings[x.article.id] = known
    if previous.keys() == readings.keys() and all(previous[i] is r for i, r in readings.items()):
        return previous  # nothing read anew: the caller need not write them again
    return readings


def read_text(x: Extraction, gazetteer: Gazetteer, source: str | None = None) -> TextReading:
    """One article's reading (an extraction pool's worker reads those it extracted)."""
    why = reported_nothing(x.article, x.lead, gazetteer)
    lead = split_sentences(x.lead, language_for(x.article.language))
    return TextReading(
        source or source_digest(x),
        words_of(headline_and_lead(x)),
        words_of(headline_of(x)),
        happening_kinds(x.article, x.lead),
        why.reason if why else None,
        tuple(words_of(m.title) for m in x.mentions),
        speakers_quoted(x, gazetteer, lead),
        unnamed_briefer(x, lead),
        tuple(map(sentence_digest, lead_sentences(x, lead))),
    )


def speakers_quoted(x: Extraction, gazetteer: Gazetteer, lead: list[Sentence] | None = None) -> frozenset[str]:
    """Who the lede says spoke, when the headline reports a saying: each named in full ("Defense Minister Sergey
    Shoigu has said"), by surname. Reports of one speech or briefing quote one person; a role alone ("officials
    said", "the ministry") names no one in particular. `lead`: the lead's sentences, when already split."""
    language = language_for(x.article.language)
    if x.article.title_from_text or not language.article.headline_statement.search(x.article.title):
        return frozenset()
    lead = split_sentences(x.lead, language) if lead is None else lead
    sentences = [s.text for s in lead if s.role == "text"][:LEDE_SENTENCES]
    return frozenset(
        name
        for sentence in sentences
        for speaker in speakers_named(sentence, language)
        if (name := _surname(speaker, language, gazetteer))
    )


def unnamed_briefer(x: Extraction, lead: list[Sentence] | None = None) -> str | None:
    """The body whose unnamed senior official the lede's first sentences quote ("a senior U.S. defense official
    told reporters Wednesday", "according to senior administration officials"): a government's background
    briefing for the press, whose reports go on about different things (the withdrawal, Bucha, the drones).
    `lead`: the lead's sentences, when already split."""
    shapes = shapes_for(x.article.language)
    if shapes is None:
        return None
    lead = split_sentences(x.lead, language_for(x.article.language)) if lead is None else lead
    sentences = [s.text for s in lead if s.role == "text"]
    for sentence in sentences[:BRIEFING_SENTENCES]:
        found = shapes.briefer.search(sentence)
        if found and shapes.briefing_verb.search(sentence):
            return shapes.briefing_body[" ".join(found.group(1).casefold().split())]
    return None


def _surname(speaker: str, language: Language, gazetteer: Gazetteer) -> str | None:
    """The last of two or more capitalised words that end the speaker ("Sergey Shoigu", "President Biden"), when
    it is a person's name: no role ("Foreign Minister"), no place ("Luhansk Governor"), no possessive ("People's
    Republic"), no acronym ("The UK"), no body's name (`_names_a_body`)."""
    words = speaker.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words[-2:]):
        return None
    last = words[-1].strip(".,;:")
    if any(w.endswith(("'s", "’s")) for w in words[-2:]) or language.attribution.speaker_noun.fullmatch(last):
        return None
    if not any(c.islower() for c in last) or _names_a_body(words, language):
        return None
    return None if gazetteer.places_in(last, language, located=False) else one_latin_spelling(last.casefold())


def _names_a_body(words: list[str], language: Language) -> bool:
    """Whether the capitalised words that end the speaker are a body's name: they hold no role and open with an
    article or follow one ("The White House", "the Wall Street Journal"), or they are one or two words after a
    preposition ("Department of Homeland Security"). A person is named bare, or after a role ("Kremlin spokesman
    Dmitry Peskov", "the Russian President Vladimir Putin", "Secretary of State Antony Blinken")."""
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    cues = language.attribution
    if any(cues.speaker_noun.fullmatch(w) for w in words[start:-1]):
        return False
    before = words[start - 1].casefold() if start else ""
    if cues.article_start.fullmatch(f"{words[start]} ") or cues.article_start.fullmatch(f"{before} "):
        return True
    return before in cues.subject_prepositions and len(words) - start <= 2


@lru_cache(maxsize=1 << 15)  # a serve session reads the same headlines and leads again after every edit
def reported_nothing(article: Article, lead: str, gazetteer: Gazetteer) -> NoHappening | None:
    language = language_for(article.language)
    return no_happening(
        article,
        lead,
        lambda name: bool(gazetteer.places_in(name, language)),
        lambda text: gazetteer.names_the_theatre(text, language),
    )
