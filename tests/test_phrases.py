"""The word gate in front of phrase patterns (`generator/phrases.py`): it may only rule out texts a pattern
cannot match, whatever the case, the alphabet or the language."""

import re

import pytest

from generator.actors import load_registry
from generator.extract.language import language_for
from generator.extract.places_file import load_gazetteer
from generator.phrases import key_words, may_hold, words_of

KELVIN = "\u212a"  # matches "k" when case is ignored
LONG_S = "\u017f"  # matches "s" when case is ignored
TRICKY_TEXTS = [
    "The ministry SAID on Monday that 3 people were killed.",
    f"The ministry {LONG_S}aid on Monday that three people were killed.",
    f"The {KELVIN}remlin said it; {KELVIN}yiv was quiet last night.",
    "Officials said-ish nothing; the mid-March offensive; New Year\u2019s Eve in Kharkiv.",
    "Yesterday\u02bcs strike (a modifier apostrophe) hit Odesa two days before Christmas.",
    "Вчора ввечері Київ заявив, що три ракети збито 24 лютого.",
    "Вчера Москва сообщила о двух погибших в Белгороде.",
    "Ayer el ministerio dijo que murieron cinco personas en Járkov el 3 de marzo.",
    "Nothing here at all, just words without any of them",
    "",
]


def test_key_words_take_a_whole_word_of_each_phrase():
    assert key_words(["said", "according to", "new year's eve"]) == frozenset({b"said", b"according", b"year"})


def test_a_stem_is_no_whole_word_so_it_leaves_no_gate():
    assert key_words(["strike", "shell*"]) is None
    assert key_words(["shelling of*"]) == frozenset({b"shelling"})


def test_a_phrase_of_other_letters_needs_no_key_but_one_that_folds_to_ascii_does():
    assert key_words(["said", "заявив", "обстріл*"]) == frozenset({b"said"})
    assert key_words([f"{KELVIN}{KELVIN}{KELVIN}"]) is None  # it matches "kkk"


def test_a_text_with_letters_beyond_ascii_is_never_ruled_out():
    words = frozenset({b"kyiv", b"said", b"today", b"at", b"10", b"30_am"})
    assert words_of("Kyiv said \u2019today\u2019, at 10:30_am") == words
    assert words_of("Київ said") is None
    assert may_hold(frozenset({b"yesterday"}), "Київ said")
    assert not may_hold(frozenset({b"yesterday"}), "Kyiv said \u2019today\u2019")


def test_lower_case_never_turns_a_non_word_character_into_a_word_character():
    word = re.compile(r"\w")
    assert not [c for c in map(chr, range(0x110000)) if not word.match(c) and word.search(c.lower())]


def _gated_patterns(code: str):
    language = language_for(code)
    cues = language.attribution
    yield cues.reporting_keys, cues.reporting_verbs
    yield cues.statement_keys, cues.statement_of
    yield cues.according_keys, cues.according_to
    yield cues.version_keys, cues.version
    yield language.figures.number_keys, language.figures.number_words
    for _, pattern, gate, keys in language.dates.patterns:
        yield keys, pattern
        yield keys, gate


@pytest.mark.parametrize("code", ["en", "es", "uk", "ru"])
def test_a_text_the_gate_rules_out_matches_none_of_the_patterns(code):
    gazetteer, registry = load_gazetteer([]), load_registry([])[0]
    gated = [*_gated_patterns(code), (gazetteer.keys, gazetteer.pattern)]
    gated += [(registry.alias_keys, registry.alias_pattern), (registry.marker_keys, registry.marker_pattern)]
    gated += [(registry.role_keys, registry.role_pattern)]
    texts = TRICKY_TEXTS + [phrase for phrase in language_for(code).words("reporting_verbs")]
    checked = 0
    for keys, pattern in gated:
        for text in texts:
            if not may_hold(keys, text):
                checked += 1
                assert pattern.search(text) is None, (pattern.pattern[:80], text)
    assert checked  # the gate did rule texts out
