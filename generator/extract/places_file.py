"""The gazetteer file, `content/places.yml`: its text -> a `Gazetteer` and the problems a maintainer must fix.

A mistake in the file never stops the reading with a traceback: each one is a
`Problem` naming the line and the fix, and the entries that can be read are
kept (an entry without a name is left out; an unknown kind is read as a city).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model import Problem
from ..yaml_text import SAFE_LOADER, line_finder, yaml_error_line
from .places import PLACES_FILE, SPECIFICITY, Gazetteer, Place, fold_spelling, places_path

KINDS = ", ".join(SPECIFICITY)


def load_gazetteer(content_dirs: list[Path]) -> Gazetteer:
    return gazetteer_from_text(places_path(content_dirs).read_text(encoding="utf-8"))


def gazetteer_from_text(text: str) -> Gazetteer:
    """Read anew each build, never cached by path: a build hashes the same text into its fingerprint (a build
    reports the text's problems through `read_places`)."""
    return read_places(text, PLACES_FILE)[0]


def read_places_bytes(raw: bytes, shown: str) -> tuple[Gazetteer, list[Problem]]:
    """`read_places` of the file's bytes; bytes that are not UTF-8 are a problem, not a crash."""
    try:
        return read_places(raw.decode("utf-8"), shown)
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return Gazetteer([], {}), [Problem(shown, line, "the gazetteer is not UTF-8 text", "save the file as UTF-8")]


def read_places(text: str, shown: str) -> tuple[Gazetteer, list[Problem]]:
    """The gazetteer the text describes, and what is wrong with it (`shown` is the file's name in problems)."""
    line_of = line_finder(text)
    try:
        data = yaml.load(text, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as err:
        problem = f"the gazetteer is not valid YAML: {getattr(err, 'problem', None) or err}"
        fix = "fix the indentation; quote names that contain ':'"
        return Gazetteer([], {}), [Problem(shown, yaml_error_line(err), problem, fix)]
    if not isinstance(data, dict):
        return Gazetteer([], {}), [Problem(shown, 1, "the gazetteer is not a mapping", "start the file with 'places:'")]
    problems: list[Problem] = []
    places, aliases, written, nameless = _read_entries(data.get("places"), line_of, shown, problems)
    if nameless:
        starts = _entry_lines(text)
        fix = f"give each place 'name:' and 'kind:' ({KINDS})"
        for index in nameless:
            line = starts[index] if index < len(starts) else line_of("places:")
            problems.append(Problem(shown, line, f"place #{index + 1} has no name", fix))
    names = {p.name for p in places}
    for place in places:
        if place.parent and place.parent not in names:
            problems.append(
                Problem(
                    shown,
                    line_of(f"name: {place.name}"),
                    f"place '{place.name}' lies in '{place.parent}', which the gazetteer does not list",
                    f"add '{place.parent}' to places, or correct 'parent:'",
                    "warning",
                )
            )
    theatre = _names(data.get("theatre"), "theatre", line_of, shown, problems)
    seats = _seats(data.get("seats"), names, line_of, shown, problems)
    return Gazetteer(places, aliases, written, frozenset(theatre), seats), problems


def _read_entries(entries, line_of, shown: str, problems: list[Problem]):
    """The places listed, with every spelling of each (its name and aliases), and the entries without a name."""
    places, aliases, written, nameless = [], {}, {}, []
    if entries is not None and not isinstance(entries, list):
        problems.append(Problem(shown, line_of("places:"), "'places:' is not a list", "list each place as '- {...}'"))
        entries = []
    for index, entry in enumerate(entries or []):
        if not isinstance(entry, dict) or not entry.get("name"):
            nameless.append(index)
            continue
        name, kind = str(entry["name"]), str(entry.get("kind") or "city")
        if kind not in SPECIFICITY:
            problems.append(
                Problem(
                    shown, line_of(f"name: {name}"), f"place '{name}' has unknown kind '{kind}'", f"use one of: {KINDS}"
                )
            )
            kind = "city"
        parent = entry.get("parent")
        places.append(Place(name, kind, str(parent) if parent else None))
        spellings = _names(entry.get("aliases"), f"aliases of '{name}'", line_of, shown, problems, f"name: {name}")
        for alias in [name, *spellings]:
            aliases[fold_spelling(alias)] = name
            written[fold_spelling(alias)] = alias
    return places, aliases, written, nameless


def _entry_lines(text: str) -> list[int]:
    """The line each entry under 'places:' starts on (read only when one has no name)."""
    root = yaml.compose(text, Loader=SAFE_LOADER)
    entries = dict((k.value, v) for k, v in root.value).get("places") if isinstance(root, yaml.MappingNode) else None
    return [entry.start_mark.line + 1 for entry in entries.value] if isinstance(entries, yaml.SequenceNode) else []


def _names(value, what: str, line_of, shown: str, problems: list[Problem], near: str = "") -> list[str]:
    """A list of names, or a problem and none."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        problems.append(Problem(shown, line_of(near or what), f"{what} is not a list of names", "write [Name, Name]"))
        return []
    return [str(v) for v in value]


def _seats(value, names: set[str], line_of, shown: str, problems: list[Problem]) -> dict[str, str]:
    """`seats:` a place -> the institutions named for it ('Moscow: [Kremlin]'), read as institution -> place."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        fix = "write 'seats:' as 'Place: [Institution, ...]'"
        problems.append(Problem(shown, line_of("seats:"), "'seats:' is not a mapping", fix))
        return {}
    seats = {}
    for place, institutions in value.items():
        if str(place) not in names:
            problems.append(
                Problem(
                    shown,
                    line_of(f"{place}:"),
                    f"seat '{place}' is not a place the gazetteer lists",
                    f"add '{place}' to places, or correct the seat",
                    "warning",
                )
            )
        for institution in _names(institutions, f"the institutions seated in '{place}'", line_of, shown, problems):
            seats[institution] = str(place)
    return seats
