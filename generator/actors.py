"""The actors registry: from a claimant's own words to the party they speak for.

Read from `actors.yml` in the content folder (maintainers edit it). Order of
evidence: a named actor's alias, then a party marker inside the name
("Russia's", "Kyiv"), then an unqualified role ("the regional governor").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Claim, Problem
from .phrases import key_words, may_hold, trie_alternation
from .yaml_text import SAFE_LOADER, line_finder, yaml_error_line

REGISTRY_FILE = "actors.yml"
DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "content" / REGISTRY_FILE


def _phrase_pattern(phrases: list[str]) -> re.Pattern | None:
    """Case-insensitive, except acronyms ("US", "AP") which must match as written.

    The phrases are merged into a trie (one branch per first letter, and so on), so
    that a registry of a few thousand names is tried at a word start in a few steps
    instead of one alternative per name; at one start the longest phrase wins, as in
    a longest-first alternation.
    """
    folded = [p for p in set(phrases) if not acronym(p)]
    exact = [p for p in set(phrases) if acronym(p)]
    parts = [f"(?i:{trie_alternation(folded, fold_case=True)})"] if folded else []
    parts += [trie_alternation(exact)] if exact else []
    if not parts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-]|['’]\w\w)")


def acronym(phrase: str) -> bool:
    """Two or more capitals in at most five letters ("SBU", "ЗСУ"): such an alias matches only as written."""
    return sum(c.isupper() for c in phrase) >= 2 and len(phrase.replace(".", "")) <= 5


@dataclass
class Registry:
    party_labels: dict[str, str]
    alias_actor: dict[str, tuple[str, str]]  # lower alias -> (actor name, party)
    marker_party: dict[str, str]  # lower marker -> party
    role_party: str | None
    alias_pattern: re.Pattern | None = None
    marker_pattern: re.Pattern | None = None
    role_pattern: re.Pattern | None = None
    actor_names: set[str] = field(default_factory=set)
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # actor name -> its name and aliases as written
    # a word each match of a pattern holds (`phrases.may_hold`): most texts name no actor, and are not scanned
    alias_keys: frozenset[bytes] | None = None
    marker_keys: frozenset[bytes] | None = None
    role_keys: frozenset[bytes] | None = None

    def party_of(self, claimant: str) -> tuple[str, str | None]:
        """(party, registered actor name or None) for a claimant's words."""
        party, name, _ = self.reading_of(claimant)
        return party, name

    def reading_of(self, claimant: str) -> tuple[str, str | None, bool]:
        """(party, registered actor name or None, whether only an unqualified office named it: 'the regional
        governor', 'officials', with no alias and no marker) for a claimant's words."""
        if match := _search(self.alias_pattern, self.alias_keys, claimant):
            name, party = self.alias_actor[_norm(match.group(0))]
            return party, name, False
        if match := _search(self.marker_pattern, self.marker_keys, claimant):
            return self.marker_party[_norm(match.group(0))], None, False
        if self.role_party and _search(self.role_pattern, self.role_keys, claimant):
            return self.role_party, None, True
        return "other", None, False

    def names_side(self, claim: Claim) -> bool:
        """Whether a claim's claimant names its own party ('Ukraine's military', 'Zelensky'), rather than the
        party coming from the context (an unqualified 'authorities', 'the defence ministry'); a maintainer's
        checked or corrected figure is taken as named."""
        if any(f.checked or f.corrected for f in claim.figures):
            return claim.party != "other"
        if not claim.claimant:
            return False
        party, _, by_role = self.reading_of(claim.claimant)
        return not by_role and party == claim.party != "other"

    def is_known(self, claimant: str) -> bool:
        return (
            bool(self.alias_pattern and self.alias_pattern.search(claimant))
            or bool(self.role_pattern and self.role_pattern.search(claimant))
            or bool(self.marker_pattern and self.marker_pattern.search(claimant))
        )

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of actors named in a text: aliases and roles (for 'it said' and 'the ministry added')."""
        found = []
        for pattern, keys in ((self.alias_pattern, self.alias_keys), (self.role_pattern, self.role_keys)):
            if pattern and may_hold(keys, text):
                found.extend((m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))
        return sorted(found)


def _search(pattern: re.Pattern | None, keys: frozenset[bytes] | None, text: str) -> re.Match | None:
    return pattern.search(text) if pattern and may_hold(keys, text) else None


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("´", "'").split())


def registry_path(content_dirs: list[Path]) -> Path:
    for folder in content_dirs:
        candidate = folder / REGISTRY_FILE
        if candidate.is_file():
            return candidate
    return DEFAULT_REGISTRY


def load_registry(content_dirs: list[Path]) -> tuple[Registry, list[Problem]]:
    """The registry from the first content folder that has one (else the project's)."""
    path = registry_path(content_dirs)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _empty_registry(), [
            Problem(
                str(path), 1, f"cannot read the actors registry: {err.strerror}", "restore content/actors.yml from git"
            )
        ]
    return registry_from_bytes(raw, str(path))


def registry_from_bytes(raw: bytes, shown: str) -> tuple[Registry, list[Problem]]:
    """The registry these bytes of `actors.yml` describe (a build hashes the same bytes into its fingerprint)."""
    try:
        text = raw.decode("utf-8")
        data = yaml.load(text, Loader=SAFE_LOADER) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        return _empty_registry(), [
            Problem(
                shown,
                yaml_error_line(err),
                f"actors registry is not valid YAML: {getattr(err, 'problem', None) or err}",
                "fix the indentation; quote names that contain ':'",
            )
        ]
    return registry_from_data(data, shown, text)


def _empty_registry() -> Registry:
    return Registry({"other": "Other sources"}, {}, {}, None)


def registry_from_data(data: dict, shown: str, text: str = "") -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []
    line_of = line_finder(text)

    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, dict) or not parties:
        return _empty_registry(), [
            Problem(
                shown,
                1,
                "the actors registry has no 'parties:' mapping",
                "add 'parties:' with russia, ukraine, usa, un and other",
            )
        ]
    labels, marker_party = {}, {}
    for key, spec in parties.items():
        spec = spec if isinstance(spec, dict) else {}
        labels[str(key)] = str(spec.get("label") or key)
        for marker in spec.get("markers") or []:
            marker_party[_norm(str(marker))] = str(key)
    labels.setdefault("other", "Other sources")
    alias_actor: dict[str, tuple[str, str]] = {}
    names, spellings = set(), {}
    for index, actor in enumerate(data.get("actors") or []):
        if not isinstance(actor, dict) or not actor.get("name"):
            problems.append(
                Problem(
                    shown,
                    line_of("actors:"),
                    f"actor #{index + 1} has no name",
                    "give each actor 'name:', 'party:' and 'aliases:'",
                )
            )
            continue
        name, party = str(actor["name"]), str(actor.get("party") or "")
        if party not in labels:
            problems.append(
                Problem(
                    shown,
                    line_of(f"name: {name}"),
                    f"actor '{name}' has unknown party '{party}'",
                    f"use one of: {', '.join(labels)}",
                )
            )
            continue
        names.add(name)
        spellings[name] = tuple(dict.fromkeys(str(a) for a in [name, *(actor.get("aliases") or [])]))
        for alias in spellings[name]:
            alias_actor[_norm(alias)] = (name, party)
    roles = data.get("roles") or {}
    role_party = roles.get("party") if isinstance(roles, dict) else None
    if role_party is not None and role_party not in labels:
        problems.append(
            Problem(
                shown, line_of("roles:"), f"roles have unknown party '{role_party}'", f"use one of: {', '.join(labels)}"
            )
        )
        role_party = None
    role_words = [str(w) for w in (roles.get("words") or [])] if isinstance(roles, dict) else []
    aliases = [
        str(a)
        for actor in data.get("actors") or []
        if isinstance(actor, dict)
        for a in [actor.get("name"), *(actor.get("aliases") or [])]
        if a
    ]
    markers = marker_party_source(parties)
    registry = Registry(
        party_labels=labels,
        alias_actor=alias_actor,
        marker_party=marker_party,
        role_party=role_party,
        alias_pattern=_phrase_pattern(aliases),
        marker_pattern=_phrase_pattern(markers),
        role_pattern=_phrase_pattern(role_words),
        actor_names=names,
        spellings=spellings,
        alias_keys=key_words(aliases),
        marker_keys=key_words(markers),
        role_keys=key_words(role_words),
    )
    return registry, problems


def marker_party_source(parties: dict) -> list[str]:
    return [str(m) for spec in parties.values() if isinstance(spec, dict) for m in spec.get("markers") or []]
