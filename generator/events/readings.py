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

from ..extract.language import language_for
from ..extract.places import Gazetteer
from ..model import Article, Extraction
from .reports import NoHappening, happening_kinds, no_happening
from .similarity import headline_and_lead, headline_of, words_of


@dataclass(frozen=True)
class TextReading:
    """One article's text as grouping reads it; `source` is the digest of the text it was read from."""

    source: str
    words: frozenset[str]
    heads: frozenset[str]
    kinds: frozenset[str]
    no_happening: str | None
    mention_words: tuple[frozenset[str], ...]


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
    return TextReading(
        source or source_digest(x),
        words_of(headline_and_lead(x)),
        words_of(headline_of(x)),
        happening_kinds(x.article, x.lead),
        why.reason if why else None,
        tuple(words_of(m.title) for m in x.mentions),
    )


@lru_cache(maxsize=1 << 15)  # a serve session reads the same headlines and leads again after every edit
def reported_nothing(article: Article, lead: str, gazetteer: Gazetteer) -> NoHappening | None:
    language = language_for(article.language)
    return no_happening(
        article,
        lead,
        lambda name: bool(gazetteer.places_in(name, language)),
        lambda text: gazetteer.names_the_theatre(text, language),
    )
