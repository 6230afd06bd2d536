"""Many phrases as one regular expression shaped as a trie.

A registry or gazetteer of a few thousand names, written as a plain
alternation, is tried name by name at every word start; merged into a trie
(one branch per first letter, and so on) it is tried in a few steps. At one
start the longest phrase wins, as in a longest-first alternation: a phrase's
end is the last choice of its branch.
"""

from __future__ import annotations

import re


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
