"""Many phrases as one regular expression shaped as a trie.

A registry or gazetteer of a few thousand names, written as a plain
alternation, is tried name by name at every word start; merged into a trie
(one branch per first letter, and so on) it is tried in a few steps. At one
start the longest phrase wins, as in a longest-first alternation: a phrase's
end is the last choice of its branch.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache


def trie_alternation(phrases: list[str], fold_case: bool = False) -> str:
    """The regex body (no boundaries) matching any of the phrases; spaces match any run of spaces."""
    trie: dict = {}
    for phrase in sorted(set(phrases)):
        node = trie
        for char in phrase:
            key = char.lower() if fold_case and len(char.lower()) == 1 else char
            node = node.setdefault(_atom(key), {})
        node[""] = {}
    return _trie_regex(trie) if trie else r"(?!x)x"


def _atom(char: str) -> str:
    if char.isspace():
        return r"\s+"
    return "['’´]" if char in "'’" else re.escape(char)


def _trie_regex(node: dict) -> str:
    branches = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


# A gate in front of a phrase pattern. Python's `re` tries a case-insensitive alternation at every character of a
# text; a set look-up of the text's words rules most texts out first. The gate is exact for texts whose word
# characters are all ASCII (their case folds one way); a text with other letters always goes on to the pattern.
WORD_RUN = re.compile(r"\w+")
NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
ASCII_CHARACTERS = "".join(map(chr, range(128)))
# bytes -> the byte, or a space where it is no ASCII word character: `words_of` splits a text's bytes at these
WORD_BYTES = bytes(b if ASCII_WORD.fullmatch(chr(b)) else ord(" ") for b in range(256))


def key_words(phrases) -> frozenset[bytes] | None:
    """One whole word of each phrase, lower case, for `may_hold`; None (no gate) when a phrase that may match
    a text of ASCII words holds no whole ASCII word (a stem such as "strik*" is no whole word)."""
    keys = set()
    for phrase in map(str, phrases):
        body = phrase[:-1] if phrase.endswith("*") and len(phrase) > 1 else phrase
        runs = WORD_RUN.findall(body)
        open_end = body != phrase and WORD_RUN.match(body[-1])  # the stem's letters run on into the text's word
        whole = [run for run in (runs[:-1] if open_end else runs) if ASCII_WORD.fullmatch(run)]
        if whole:
            keys.add(max(whole, key=len).lower().encode("ascii"))
        elif not any(_never_ascii(char) for char in "".join(runs)):
            return None
        # else the phrase matches only a text with a word character beyond ASCII, which `may_hold` lets through
    return frozenset(keys)


@cache
def _never_ascii(char: str) -> bool:
    """A letter that matches no ASCII character, even ignoring case ("ї"; but "K", the Kelvin sign, matches "k")."""
    return not any(re.compile(re.escape(c), re.I).search(ASCII_CHARACTERS) for c in {char, *char.lower()})


def may_hold(keys: frozenset[bytes] | None, text: str) -> bool:
    """False only when a pattern of phrases with these `key_words` cannot match the text."""
    return keys is None or may_hold_words(keys, words_of(text))


def may_hold_words(keys: frozenset[bytes] | None, words: frozenset[bytes] | None) -> bool:
    """`may_hold` for a text whose `words_of` are at hand."""
    return keys is None or words is None or not keys.isdisjoint(words)


@lru_cache(maxsize=2048)
def words_of(text: str) -> frozenset[bytes] | None:
    """The text's words in lower case, as ASCII bytes; None when a word character is beyond ASCII."""
    if not text.isascii() and NON_ASCII_WORD_CHAR.search(text):
        return None
    return frozenset(text.encode("ascii", "replace").lower().translate(WORD_BYTES).split())  # fast: no regex
