"""Sources: who has spoken so far in an article, and which side a claimant speaks for.

`Attribution` is one source found in a clause; `Context` is the state the
attribution walk keeps (who spoke, what was read, the gazetteer); a claimant's
party comes from the actors registry, else, for an institution named without
its country, from its place, the last speaker of its kind or the country named last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors import Registry
from .places import Gazetteer

if TYPE_CHECKING:
    from .language import Language

COUNTRY_PARTIES = {"Ukraine": "ukraine", "Russia": "russia"}  # gazetteer countries that are parties


@dataclass(frozen=True)
class Attribution:
    claimant: str
    party: str
    start: int  # position of the verb or phrase in the sentence
    trailing: bool = False


@dataclass
class Context:
    """What earlier sentences of the article said: who spoke last, and which country was named last."""

    history: list[Attribution] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # the sentences walked so far
    gazetteer: Gazetteer | None = None
    role_side: str | None = None  # whose unqualified offices speak: the side the happening's ground is (`ground_side`)
    # what was found in `read` and `history` so far, so each lookup reads only what is new (linear time)
    _countries_read: int = 0
    _last_country: str | None = None
    _heads_read: int = 0
    _party_of_head: dict[str, str] = field(default_factory=dict)

    def place_party(self, claimant: str, language: Language) -> str | None:
        """The country a claimant's own place lies in ('the Kharkiv city council' -> ukraine), if a party's."""
        if not self.gazetteer:
            return None
        for _, name in self.gazetteer.places_in(claimant, language, located=False):
            for country in (name, *self.gazetteer.ancestors(name)):
                if country in COUNTRY_PARTIES:
                    return COUNTRY_PARTIES[country]
        return None

    def last_country(self, registry: Registry) -> str | None:
        """The party of the last country word read ('Russia's', 'Kyiv'), looked up only when needed."""
        if not registry.marker_pattern:
            return None
        for text in self.read[self._countries_read :]:
            markers = list(registry.marker_pattern.finditer(text))
            if markers:
                self._last_country = registry.party_of(markers[-1].group(0))[0]
        self._countries_read = len(self.read)
        return self._last_country

    def last_party_of_head(self, head: str, language: Language) -> str | None:
        """The party of the last speaker whose kind of body is `head` ('ministry'), among those with a party."""
        for earlier in self.history[self._heads_read :]:
            earlier_head = institution_head(earlier.claimant, language) if earlier.party != "other" else None
            if earlier_head:
                self._party_of_head[earlier_head] = earlier.party
        self._heads_read = len(self.history)
        return self._party_of_head.get(head)

    @property
    def last(self) -> Attribution | None:
        return self.history[-1] if self.history else None

    def remember(self, attribution: Attribution) -> None:
        self.history.append(attribution)


def party_in_context(claimant: str, language: Language, registry: Registry, context: Context) -> str:
    """A claimant's party; an institution named without its country ('the defence ministry', 'the MoD')
    takes the party of the last speaker of that kind, else of the country the article named last."""
    party, _, by_role = registry.reading_of(claimant)
    if context.role_side and by_role:
        # an unqualified office on the ground of another country than Ukraine is that country's, unless its own
        # place says otherwise ("the Mariupol mayor" in a report from Moscow)
        return context.place_party(claimant, language) or context.role_side
    if party != "other":
        return party
    head = institution_head(claimant, language)
    if not head:
        return party
    local = context.place_party(claimant, language)
    if local:
        return local  # "the Kryvyi Rih district administration": the place names the side
    return context.last_party_of_head(head, language) or context.last_country(registry) or party


def ground_side(place: str | None, gazetteer: Gazetteer, registry: Registry) -> str | None:
    """Whose offices an article's unqualified 'officials' and 'governor' are: the side of the country the
    happening is in when that is not Ukraine (Russia's for Belgorod, no side's for a Polish village, by the
    registry's markers), else None: the roles' own party."""
    if not place or place not in gazetteer.places:
        return None
    countries = [p for p in (place, *gazetteer.ancestors(place)) if gazetteer.places[p].kind == "country"]
    if not countries or countries[-1] in gazetteer.theatre:
        return None
    return registry.party_of(countries[-1])[0]


def institution_head(claimant: str, language: Language) -> str | None:
    """The kind of body a claimant names ('ministry', 'police'...), from the rule table's institution words."""
    heads = language.attribution.institution_heads
    found = None
    for word in re.findall(r"[\w']+", claimant):
        found = heads.get(word.lower(), found)
    return found
