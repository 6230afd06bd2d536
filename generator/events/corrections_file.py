"""Corrections: `corrections.yml` in a content folder -> `Correction`s, or `Problem`s naming the fix.

A maintainer's fix to a figure is a claim on what the site publishes, so a
typo here never passes silently: each key, value and kind is checked with the
line it stands on (the YAML is read as a node tree, as `events.yml` is).
Whether a correction matches the article is decided after extraction
(`corrections.py`); this module only reads the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import FIGURE_KINDS, QUALIFIERS, SCOPES, Correction, Problem
from .overrides import _at, _at_key, _is_null, _pairs, _slug, files_named, read_yaml_entries

CORRECTIONS_FILE = "corrections.yml"
ACTIONS = ("set", "drop", "add", "checked", "event")
FIELDS = ("claimant", "party", "kind", "value", "qualifier", "scope")
PARTY = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
FIGURE = re.compile(r"^\s*([a-z]+)(?:\s+(\d+)(?:\s*[-–]\s*(\d+))?)?\s*$")
EXAMPLE = (
    "write 'corrections:' and under it one item per fix: '- article: <id>', 'quote: <words of the sentence>', "
    "and one of set:, drop: true, add:, checked: true or event:"
)


def corrections_files(content_dirs: list[Path]) -> list[Path]:
    """Every `corrections.yml` directly in the content folders, in the given order."""
    return files_named(content_dirs, CORRECTIONS_FILE)


def load_corrections(content_dirs: list[Path]) -> tuple[list[Correction], list[Problem]]:
    """All corrections in the content folders; a bad entry is left out and reported."""
    corrections: list[Correction] = []
    problems: list[Problem] = []
    for path in corrections_files(content_dirs):
        found, bad = read_corrections_file(path)
        corrections += found
        problems += bad
    return corrections, problems


def read_corrections_file(path: Path) -> tuple[list[Correction], list[Problem]]:
    """One `corrections.yml`: its valid entries and a Problem for everything else."""
    fix = "check the indentation: each correction is a '- article: <id>' item under 'corrections:'"
    return read_yaml_entries(path, fix, _items, _read_entry)


def _items(root: Node, shown: str) -> tuple[list[Node], list[Problem]]:
    if not isinstance(root, MappingNode):
        return [], [_at(root, shown, "corrections.yml must be a mapping with one key, 'corrections:'", EXAMPLE)]
    problems: list[Problem] = []
    items: list[Node] = []
    for key, value in _pairs(root, shown, problems):
        if key != "corrections":
            problems.append(_at_key(root, key, shown, f"unknown top-level key '{key}'", "use only 'corrections:'"))
        elif isinstance(value, SequenceNode):
            items = list(value.value)
        elif not _is_null(value):
            problems.append(_at(value, shown, "'corrections:' must be a list of corrections", EXAMPLE))
    return items, problems


def _read_entry(node: Node, shown: str) -> tuple[Correction | None, list[Problem]]:
    if not isinstance(node, MappingNode):
        return None, [_at(node, shown, "a correction must be a mapping of keys such as 'article:'", EXAMPLE)]
    problems: list[Problem] = []
    pairs = dict(_pairs(node, shown, problems))
    for key in pairs:
        if key not in ("article", "quote", "figure", *ACTIONS):
            fix = f"use only article, quote, figure and one of {', '.join(ACTIONS)}"
            problems.append(_at_key(node, key, shown, f"unknown key '{key}' in a correction", fix))
    actions = [key for key in ACTIONS if key in pairs]
    if len(actions) != 1:
        found = f"has {', '.join(actions)}" if actions else "has none"
        message = f"a correction needs exactly one of {', '.join(ACTIONS)}; this one {found}"
        problems.append(_at(node, shown, message, "split it into one correction per change"))
    article = _plain(pairs.get("article"), "article", shown, problems, node)
    quote = _plain(pairs.get("quote"), "quote", shown, problems, node, required=actions != ["event"])
    figure = _figure(pairs["figure"], shown, problems) if "figure" in pairs else None
    action, changes, event = (actions or ["set"])[0], (), None
    if action in ("set", "add"):
        changes = _changes(pairs[action], action, shown, problems)
    elif action in ("drop", "checked"):
        _true(pairs[action], action, shown, problems)
    else:
        event = _event(pairs["event"], shown, problems)
    if action == "add" and figure is not None:
        problems.append(_at_key(node, "figure", shown, "'figure:' picks an existing figure", "give 'add:' alone"))
    if problems:
        return None, problems
    return Correction(
        article=article,
        path=shown,
        line=node.start_mark.line + 1,
        action="check" if action == "checked" else "move" if action == "event" else action,
        quote=quote,
        figure=figure,
        changes=changes,
        event=event,
    ), []


def _plain(
    node: Node | None, key: str, shown: str, problems: list[Problem], entry: Node, required: bool = True
) -> str | None:
    if node is None:
        if required:
            what = "the article's id (its file name)" if key == "article" else "words of the sentence, as written"
            problems.append(_at(entry, shown, f"a correction without '{key}:'", f"add '{key}: ' with {what}"))
        return None
    value = " ".join(str(node.value).split()) if isinstance(node, ScalarNode) and not _is_null(node) else ""
    if not value:
        problems.append(_at(node, shown, f"'{key}:' must be a non-empty text", f"write '{key}: ...' on one line"))
        return None
    if key == "article" and (value.endswith((".md", ".txt")) or "/" in value):
        problems.append(_at(node, shown, f"'{value}' is a path, not an article id", "write the file name only"))
        return None
    return value


def _figure(node: Node, shown: str, problems: list[Problem]) -> str | None:
    value = str(node.value) if isinstance(node, ScalarNode) else ""
    match = FIGURE.match(value)
    if match and match.group(1) in FIGURE_KINDS:
        return " ".join(value.split())
    problems.append(
        _at(
            node,
            shown,
            f"figure '{value}' is not a kind with an optional value",
            f"write e.g. 'figure: killed' or 'figure: killed 63'; kinds: {', '.join(FIGURE_KINDS)}",
        )
    )
    return None


def _changes(node: Node, action: str, shown: str, problems: list[Problem]) -> tuple[tuple[str, object], ...]:
    if not isinstance(node, MappingNode) or not node.value:
        problems.append(
            _at(node, shown, f"'{action}:' must be a mapping of fields", f"write e.g. '{action}: {{party: russia}}'")
        )
        return ()
    changes = []
    for key, value in _pairs(node, shown, problems):
        if key not in FIELDS:
            problems.append(_at_key(node, key, shown, f"unknown field '{key}'", f"use only {', '.join(FIELDS)}"))
            continue
        parsed = _field(key, value, shown, problems)
        if parsed is not _BAD:
            changes.append((key, parsed))
    given = {key for key, _ in changes}
    if action == "add" and not {"kind", "value"} <= given:
        problems.append(_at(node, shown, "an added figure needs 'kind:' and 'value:'", "add both fields"))
    return tuple(changes)


_BAD = object()


def _field(key: str, node: Node, shown: str, problems: list[Problem]) -> object:
    """One field's value, checked against its vocabulary; `_BAD` (and a Problem) when it is not one."""
    if key == "value":
        return _value(node, shown, problems)
    text = str(node.value).strip() if isinstance(node, ScalarNode) and not _is_null(node) else ""
    if key == "claimant":
        return text or None  # empty: the outlet itself gives the figure
    allowed = {"kind": FIGURE_KINDS, "qualifier": QUALIFIERS, "scope": SCOPES}.get(key)
    if allowed is not None and text in allowed:
        return text
    if key == "party" and PARTY.match(text):
        return text
    choices = ", ".join(allowed) if allowed else "a party key from content/actors.yml, such as russia or ukraine"
    problems.append(_at(node, shown, f"{key} '{text}' is not one the site knows", f"use {choices}"))
    return _BAD


def _value(node: Node, shown: str, problems: list[Problem]) -> object:
    if isinstance(node, ScalarNode) and node.tag.endswith(":int") and int(node.value) >= 0:
        return int(node.value)
    items = node.value if isinstance(node, SequenceNode) else []
    numbers = [int(i.value) for i in items if isinstance(i, ScalarNode) and i.tag.endswith(":int")]
    if len(items) == 2 and len(numbers) == 2 and 0 <= numbers[0] < numbers[1]:
        return (numbers[0], numbers[1])
    problems.append(
        _at(node, shown, "'value:' must be a whole number or a [low, high] range", "write e.g. 63 or [60, 70]")
    )
    return _BAD


def _true(node: Node, key: str, shown: str, problems: list[Problem]) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":bool") and node.value.lower() in ("true", "yes")):
        problems.append(_at(node, shown, f"'{key}:' must be true", f"write '{key}: true' or remove the correction"))


def _event(node: Node, shown: str, problems: list[Problem]) -> str | None:
    """An event id (its page address events/<id>/), or "" for none."""
    if isinstance(node, ScalarNode) and (_is_null(node) or str(node.value).strip().lower() == "none"):
        return ""
    return _slug(node, shown, problems)
