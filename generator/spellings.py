"""Names spelled several ways: from the actors registry and the gazetteer, each name with all its spellings.

Takes the build's `Registry` and `Gazetteer` (read once per build by `tables.py`) and gives the groups the
pipeline puts on the `Timeline`: ("Kyiv", "Kiev", "Kiew", ...), ("Volodymyr Zelensky", "Zelenskyy", ...).
The renderer writes a page's groups into the search index (render/search.py), so a reader who types one
transliteration finds the pages that use another. Maintainers add spellings to the tables, never here.

Every alias of a place is a name of that place, so a place is one group. An actor's aliases also list its
officials and other names for the body ("Donetsk People's Republic": DPR, Basurin, Khodakovsky), so an actor
gives one group per name: aliases join when they share a word that sounds the same (its consonants, Cyrillic
read in Latin letters: Zelensky, Zelenskyy, Зеленський) and that few actors use ("Ukrainian", "ministry" do not
join anything).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .actors import Registry
from .extract.places import Gazetteer


def spelling_groups(registry: Registry, gazetteer: Gazetteer) -> tuple[tuple[str, ...], ...]:
    """Every name the tables spell more than one way: its spellings as written, the table's name first.

    Sorted by name, so a build's pages do not depend on the order of the tables' entries."""
    by_place: dict[str, list[str]] = defaultdict(list)
    for folded, name in gazetteer.alias_place.items():
        by_place[name].append(gazetteer.alias_written.get(folded, folded))
    groups = _actor_names(list(registry.spellings.values()))
    groups += [(name, *(s for s in spellings if s != name)) for name, spellings in by_place.items()]
    distinct = [_distinct(group) for group in groups]
    return tuple(sorted((g for g in distinct if len(g) > 1), key=lambda g: (g[0].casefold(), g)))


def _distinct(spellings: tuple[str, ...]) -> tuple[str, ...]:
    """Spellings that differ in more than letter case: 'Kyiv' and 'KYIV' are one to a search index."""
    seen: dict[str, str] = {}
    for spelling in spellings:
        seen.setdefault(spelling.casefold(), spelling)
    return tuple(seen.values())


# Cyrillic read in Latin letters, for comparing how words sound; vowels and soft signs are dropped after this
CYRILLIC = str.maketrans(
    dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя", "abvhgdeezziiijklmnoprstufxccssyyyeua", strict=True))
)
VOWELS = re.compile(r"[aeiouyjw]+|[^a-z]")
REPEATS = re.compile(r"(.)\1+")
COMMON = 3  # a word in this many actors' aliases ("Ukrainian", "ministry", "of") joins no names


def sound_key(word: str) -> str:
    """A word's consonants in Latin letters: 'Zelenskyy', 'Zelenskiy' and 'Зеленський' give 'zlnsk'."""
    return REPEATS.sub(r"\1", VOWELS.sub("", word.casefold().translate(CYRILLIC).replace("kh", "x")))


def _keys(spelling: str) -> set[str]:
    return {key for word in re.findall(r"\w+", spelling) if len(key := sound_key(word)) >= 2}


def _actor_names(actors: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each actor's aliases in groups of one name's spellings (see the module's docstring)."""
    used = Counter(key for spellings in actors for key in set().union(*map(_keys, spellings)))
    names = []
    for spellings in actors:
        groups: list[tuple[set[str], list[str]]] = []  # (rare keys, spellings), merged as keys are shared
        for spelling in spellings:
            keys = {key for key in _keys(spelling) if used[key] < COMMON}
            joined = [g for g in groups if g[0] & keys]
            merged = (keys.union(*(g[0] for g in joined)), [s for g in joined for s in g[1]] + [spelling])
            groups = [g for g in groups if g not in joined] + [merged]
        names += [tuple(sorted(group, key=spellings.index)) for _, group in groups]
    return names
