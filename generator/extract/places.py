"""Places: which places a text names, most specific first, from the gazetteer in `places.yml`.

A place not in the gazetteer is still found where the text introduces it
("the village of Hroza"); a maintainer adds places to `content/places.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..phrases import key_words, may_hold, trie_alternation
from ..rules import Rules, alternation, endings

if TYPE_CHECKING:
    from .language import Language

PLACES_FILE = "places.yml"
DEFAULT_PLACES = Path(__file__).resolve().parents[2] / "content" / PLACES_FILE
SPECIFICITY = {"site": 0, "city": 1, "region": 2, "country": 3}
INTRODUCED = re.compile(
    r"\b(?:village|town|city|settlement|port|ciudad|pueblo|aldea) (?:of|de) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    parent: str | None


class Gazetteer:
    def __init__(
        self,
        places: list[Place],
        aliases: dict[str, str],
        written: dict[str, str] | None = None,
        theatre: frozenset[str] = frozenset(),
        seats: dict[str, str] | None = None,
    ):
        self.places = {p.name: p for p in places}
        self.theatre = theatre  # the countries the war is fought in (places.yml's `theatre:`)
        self.alias_place = aliases
        self._ancestors: dict[str, list[str]] = {}
        self.alias_written = {k: v for k, v in (written or {}).items()}
        body = trie_alternation(list(aliases), fold_case=True)  # a trie: thousands of spellings stay fast
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I) if aliases else None
        self.keys = key_words(aliases)  # most sentences name no place: a look-up of their words spares the scan
        self.seat_of = {fold_spelling(k): v for k, v in (seats or {}).items()}  # "Kremlin" -> Moscow
        seat_body = trie_alternation(list(self.seat_of), fold_case=True) if self.seat_of else None
        self.seat_pattern = re.compile(rf"(?<![\w-])(?:{seat_body})(?![\w'’-])", re.I) if seat_body else None

    def seats_in(self, text: str) -> list[tuple[int, str]]:
        """(position, place) of each institution named for its seat ('the Kremlin', 'the White House'), not as an
        owner ('the Kremlin's war')."""
        if not self.seat_pattern:
            return []
        return [(m.start(), self.seat_of[fold_spelling(m.group(0))]) for m in self.seat_pattern.finditer(text)]

    def places_in(self, text: str, language: Language, located: bool = True) -> list[tuple[int, str]]:
        """(position, place name) for every place named in the text as where something is, not as a speaker
        ('Moscow said', "Kyiv's"); with `located`, also not an organisation ('The Moscow Times'), a figure of
        speech ('a blow for Moscow') or a destination. A claimant's own words ('the Kharkiv city council')
        are read without `located`."""
        found: list[tuple[int, str]] = []
        cues = language.places
        if self.pattern and may_hold(self.keys, text):
            found.extend(
                (m.start(), self.alias_place[fold_spelling(m.group(0))])
                for m in self.pattern.finditer(text)
                if self._proper(m.group(0))
                and not cues.speaker_after.match(text, m.end())
                and not (located and _not_a_location(text, m, cues))
            )
        named_at = {position for position, _ in found}
        for match in INTRODUCED.finditer(text):
            name = match.group(1)
            known = self.alias_place.get(fold_spelling(name))
            if match.start(1) not in named_at:
                found.append((match.start(1), known or name))
        return sorted(found)

    def _proper(self, matched: str) -> bool:
        """'Kyiv' is a place; 'kyiv' in 'the kyiv Army' is not written as one."""
        written = self.alias_written.get(fold_spelling(matched), matched)
        return matched[0].isupper() or not written[0].isupper()

    def specificity(self, name: str) -> int:
        place = self.places.get(name)
        return SPECIFICITY.get(place.kind, 1) if place else 1  # places found by pattern are towns

    def names_the_theatre(self, text: str, language: Language) -> bool:
        """Whether the text names a place of the war ("Bucha", "Kharkiv region"): one in a theatre country."""
        return any(
            name in self.theatre or not self.theatre.isdisjoint(self.ancestors(name))
            for _, name in self.places_in(text, language)
        )

    def ancestors(self, name: str) -> list[str]:
        if name not in self._ancestors:
            self._ancestors[name] = self._chain(name)
        return self._ancestors[name]

    def _chain(self, name: str) -> list[str]:
        chain, seen = [], {name}
        place = self.places.get(name)
        while place and place.parent and place.parent not in seen:
            chain.append(place.parent)
            seen.add(place.parent)
            place = self.places.get(place.parent)
        return chain

    def related(self, a: str | None, b: str | None) -> bool:
        """Same place, or one inside the other below country level."""
        if not a or not b:
            return False
        if a == b:
            return self.specificity(a) < SPECIFICITY["country"]
        for inner, outer in ((a, b), (b, a)):
            if outer in self.ancestors(inner) and self.specificity(outer) < SPECIFICITY["country"]:
                return True
        return False


@dataclass(frozen=True)
class PlaceCues:
    after: re.Pattern  # "Moscow Times", "Kyiv regime": the place names something else
    before: re.Pattern  # "a blow for", "taken to": the place is not where it happened
    metonyms: frozenset  # capitals that stand for their governments ("Moscow insists")
    metonym_acts: re.Pattern  # "has", "says", "and Kyiv": a metonym followed by these is a government acting
    locative_before: re.Pattern  # "in", "on", "near": after these a metonym is a place whatever follows
    venue_before: re.Pattern  # "at the", "in the": an institution after these is where something was done
    speaker_after: re.Pattern  # "'s", "said", "will": the place is a speaker or an owner, not a location


def build_place_cues(rules: Rules) -> PlaceCues:
    return PlaceCues(
        speaker_after=re.compile(
            rf"(?:(?:{endings(rules.words('possessive_endings'))})\b|\s+(?:{alternation(rules.words('place_speaker_verbs'))}))"
        ),
        after=re.compile(rf"\s+(?:{alternation(rules.words('place_not_after'))})", re.I),
        before=re.compile(rf"(?:{alternation(rules.words('place_not_before'))})\s+(?:the\s+)?$", re.I),
        metonyms=frozenset(fold_spelling(w) for w in rules.words("metonym_places")),
        locative_before=re.compile(rf"(?:{alternation(rules.words('locative_prepositions'))})\s+(?:the\s+)?$", re.I),
        venue_before=re.compile(rf"\b(?:{alternation(rules.words('venue_prepositions'))})\s+(?:the\s+)?$", re.I),
        metonym_acts=re.compile(
            rf"\s+(?:(?:and|or)\s+[\w'’-]+\s+)?(?:(?:{alternation(rules.words('metonym_verbs'))})"
            rf"|(?:and|or)\s+(?:{alternation(rules.words('metonym_places'))}))",
            re.I,
        ),
    )


def _not_a_location(text: str, match: re.Match, cues: PlaceCues) -> bool:
    before = text[max(0, match.start() - 40) : match.start()]
    if cues.after.match(text, match.end()) or cues.before.search(before):
        return True
    # "Moscow insists", "Kyiv and Moscow traded blame": a capital that acts stands for its government
    metonym = fold_spelling(match.group(0)) in cues.metonyms and not cues.locative_before.search(before)
    return metonym and bool(cues.metonym_acts.match(text, match.end()))  # but "a hospital in Kyiv was hit"


def fold_spelling(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("´", "'").split())  # the spellings the trie matches


def places_path(content_dirs: list[Path]) -> Path:
    for folder in content_dirs:
        if (folder / PLACES_FILE).is_file():
            return folder / PLACES_FILE
    return DEFAULT_PLACES
