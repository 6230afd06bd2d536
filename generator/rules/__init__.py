"""Per-language extraction rules, read from the YAML tables beside this file.

The tables are data a maintainer can read and extend (`en.yml`, `es.yml`,
`uk.yml`, `ru.yml`); this module only compiles them into regular expressions
once per language. In a word list matched as an alternation, an entry ending
in `*` is a stem ("обстріл*": the stem and any letters after it), for
languages that inflect more than a list can spell out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent
FALLBACK_LANGUAGE = "en"
APOSTROPHE = "['’´ʼ]"  # Ukrainian writes п'ять, п’ять and пʼять alike
CYRILLIC = "[\u0400-\u04ff]"
CYRILLIC_LETTER = re.compile(CYRILLIC)
APOSTROPHE_SPELLINGS = ("'", "’", "ʼ")


def alternation(words) -> str:
    """A regex alternation of phrases, longest first, matched on word boundaries."""
    return _alternation(tuple(words))


def endings(words) -> str:
    """A regex alternation of endings written onto a word or number ("24th", "Kyiv's", "57-year-old"), longest
    first, with no boundary before them; one that never matches for an empty list."""
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@cache
def _alternation(words: tuple) -> str:
    """Built once per word list: escaping and sorting the phrases is slow next to matching them."""
    escaped = sorted({_phrase_pattern(str(w)) for w in words}, key=len, reverse=True)
    body = "|".join(escaped) if escaped else r"(?!x)x"
    if not any(CYRILLIC_LETTER.search(str(w)) for w in words):
        return rf"(?<![\w-])(?:{body})(?![\w-])"
    # an apostrophe inside a Cyrillic word joins it ("сім'я" is not "сім"), as a letter would
    return rf"(?<![\w-])(?<!{CYRILLIC}{APOSTROPHE})(?:{body})(?![\w-]|{APOSTROPHE}{CYRILLIC})"


def _phrase_pattern(phrase: str) -> str:
    """One phrase: any run of spaces between its words, any apostrophe, a trailing `*` for any ending."""
    stem = phrase.endswith("*") and len(phrase) > 1
    body = re.escape(phrase[:-1] if stem else phrase).replace(r"\ ", r"\s+").replace("'", APOSTROPHE)
    return body + r"\w*" if stem else body


@dataclass(frozen=True)
class Rules:
    language: str
    table: dict
    number_word: dict[str, int]
    number_scale: dict[str, int]
    qualifier_of: dict[str, str]
    months: dict[str, int]
    weekdays: dict[str, int]
    digest: str = ""  # SHA-256 of the table's bytes as loaded: a build's fingerprint includes it

    def words(self, key: str) -> list[str]:
        return list(self.table.get(key) or [])

    def regex(self, key: str) -> re.Pattern:
        return _compiled(self.language, key)


@cache
def rules_for(language: str) -> Rules:
    """The rules of a language, or English's where we have no table for it."""
    path = RULES_DIR / f"{language}.yml"
    if not path.exists():
        path = RULES_DIR / f"{FALLBACK_LANGUAGE}.yml"
        language = FALLBACK_LANGUAGE
    raw = path.read_bytes()
    table = yaml.safe_load(raw.decode("utf-8"))
    qualifier_of = {
        phrase.lower(): qualifier
        for qualifier, phrases in (table.get("qualifiers") or {}).items()
        for phrase in phrases
    }
    return Rules(
        language=language,
        table=table,
        number_word=_lookup(table.get("number_words")),
        number_scale=_lookup(table.get("number_scales")),
        qualifier_of=_lookup(qualifier_of),
        months=_lookup(table.get("months")),
        weekdays=_lookup(table.get("weekdays")),
        digest=hashlib.sha256(raw).hexdigest(),
    )


def _lookup(table: dict | None) -> dict:
    """A word table looked up by the matched text: lower case, under every spelling of its apostrophe."""
    result = {}
    for key, value in (table or {}).items():
        key = key.lower()
        for spelling in APOSTROPHE_SPELLINGS if "'" in key else ("'",):
            result[key.replace("'", spelling)] = value
    return result


@cache
def _compiled(language: str, key: str) -> re.Pattern:
    table = rules_for(language).table
    value = table.get(key) or []
    if isinstance(value, dict):
        lists_of_words = all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values())
        value = [w for words in value.values() for w in words] if lists_of_words else list(value)
    return re.compile(alternation(value), re.I)


def detect_language(text: str) -> str:
    """The language whose common words the text's opening uses most (for files that do not say)."""
    words = text[:1500].lower().split()
    best, best_count = FALLBACK_LANGUAGE, 0
    for language, stopwords in _stopword_sets():
        count = sum(map(stopwords.__contains__, words))
        if count > best_count:
            best, best_count = language, count
    return best


def languages() -> list[str]:
    """The languages that have a rule table."""
    return sorted(path.stem for path in RULES_DIR.glob("*.yml"))


@cache
def _stopword_sets() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((language, frozenset(rules_for(language).words("stopwords"))) for language in languages())
