"""What a page tells the search index (Pagefind) beyond its visible text.

Takes a page's facts (what it is, its date, its parties, place, outlets, year) and the names the tables spell
several ways (`Timeline.spellings`), and gives the HTML the page builders put inside the indexed body: hidden
metadata the result list shows ("Event", "1 January 2023"), hidden filter values (Party, Place, Outlet, Year,
Type), and the words of every other spelling of each name the page uses, so "Kiev" finds the pages that say
"Kyiv" (words, not whole spellings: the index matches words, and a page carries each word once). Pagefind reads
these from the built HTML (`data-pagefind-meta`, `data-pagefind-filter`); nothing is added at read time.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from ..actors import acronym  # as actors.yml reads them: 'SBU' matches only as written, 'un' is not the UN
from .format import escape

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")
COMMON_WORD = 10  # a word in this many spelling groups ("region", "oblast") names no one in particular
INDEXED_BODY = "data-pagefind-body"  # the mark of the part of a page Pagefind indexes
TRIM = '.,;:()[]"“”«»'


@dataclass(frozen=True)
class SearchFacts:
    """What the result list shows about a page and what the search page filters it by."""

    weight: float  # Pagefind weight of the page's words: events above the parties, places and articles
    type: str  # Event | Article | Party | Place
    date: str = ""  # as shown, '1 January 2023'
    filters: tuple[tuple[str, str], ...] = ()  # (filter, value): Type, Party, Place, Outlet or Year


def folded_words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


class SpellingFinder:
    """Which of the tables' spelling groups a page's text names; built once per site."""

    def __init__(self, groups: tuple[tuple[str, ...], ...]):
        self.groups = groups
        self.by_word: dict[str, set[int]] = {}  # one-word spelling, folded -> groups
        # first word -> (folded phrase, its words, group)
        self.by_phrase: dict[str, list[tuple[str, frozenset[str], int]]] = {}
        self.by_acronym: dict[str, set[int]] = {}  # acronym as written -> groups
        for number, group in enumerate(groups):
            for spelling in group:
                words = folded_words(spelling)
                if acronym(spelling):
                    self.by_acronym.setdefault(spelling, set()).add(number)
                elif len(words) == 1:
                    self.by_word.setdefault(words[0], set()).add(number)
                elif words:
                    self.by_phrase.setdefault(words[0], []).append((" ".join(words), frozenset(words), number))
        # an acronym, folded -> (the acronym as written, found as a whole word); the text's words are found as
        # \w+, so 'U.N.' is never one of them
        self.acronyms_folded: dict[str, list[tuple[str, re.Pattern]]] = {}
        for written in self.by_acronym:
            if WORD.fullmatch(written):
                pattern = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)")
                self.acronyms_folded.setdefault(written.casefold(), []).append((written, pattern))
        tokens = [_tokens(group) for group in groups]
        used = Counter(folded for group in tokens for folded in group)
        # the words a page gets for each group: not those many names share ("region", "oblast", "of"), each with
        # the folded words the index splits it into, worked out once
        self.words = [
            tuple((t, f, frozenset(folded_words(t))) for f, t in group.items() if used[f] < COMMON_WORD)
            for group in tokens
        ]

    def spellings_missing(self, text: str) -> list[str]:
        """The words of every spelling of the names the text uses that the text does not write itself."""
        numbers, vocabulary = self._named(text)
        missing = {f: w for n in numbers for w, f, parts in self.words[n] if not parts <= vocabulary}
        return list(missing.values())

    def groups_in(self, text: str) -> list[tuple[str, ...]]:
        """The spelling groups of the names the text uses, in the tables' order."""
        return [self.groups[n] for n in self._named(text)[0]]

    def _named(self, text: str) -> tuple[list[int], set[str]]:
        folded = folded_words(text)
        vocabulary = set(folded)
        found: set[int] = set()
        for word in vocabulary & self.by_word.keys():
            found |= self.by_word[word]
        for word in vocabulary & self.acronyms_folded.keys():  # 'sbu' is in the text: is 'SBU', as written?
            for written, pattern in self.acronyms_folded[word]:
                if pattern.search(text):
                    found |= self.by_acronym[written]
        starts = vocabulary & self.by_phrase.keys()
        if starts:
            joined = f" {' '.join(folded)} "
            # a phrase whose words are not all in the text is not in it: most are ruled out without a search
            found |= {
                n
                for w in starts
                for phrase, words, n in self.by_phrase[w]
                if words <= vocabulary and f" {phrase} " in joined
            }
        return sorted(found), vocabulary


def _tokens(group: tuple[str, ...]) -> dict[str, str]:
    """A group's distinct words as written (folded -> first seen), split where the index splits them: at spaces."""
    found: dict[str, str] = {}
    for spelling in group:
        for token in spelling.split():
            token = token.strip(TRIM)
            if len(token) >= 2:
                found.setdefault(token.casefold(), token)
    return found


def search_html(facts: SearchFacts, page_html: str, finder: SpellingFinder | None) -> str:
    """The hidden part of a page's indexed body: metadata and filters (not indexed as words), then spellings."""
    meta = [("type", facts.type)] + ([("date", facts.date)] if facts.date else [])
    tags = [f'<span data-pagefind-meta="{key}">{escape(value)}</span>' for key, value in meta]
    tags += [f'<span data-pagefind-filter="{key}">{escape(value)}</span>' for key, value in sorted(set(facts.filters))]
    block = f"<div hidden data-pagefind-ignore>{''.join(tags)}</div>"
    missing = finder.spellings_missing(html.unescape(TAG.sub(" ", page_html))) if finder else []
    if missing:
        names = ", ".join(escape(word) for word in missing)
        # half the page's weight: a page that writes the searched spelling itself comes first, and its excerpt
        # shows its own words rather than this list
        block += f'<p hidden class="tl-spellings" data-pagefind-weight="{facts.weight / 2}">Also spelled: {names}.</p>'
    return block
