"""Event overrides: `events.yml` in a content folder -> `Override`s, or `Problem`s naming the fix.

An entry lists articles (merge, pin, separate, retitle...) or, without
articles, is a curated event: context such as the start of the invasion,
put on the timeline by its title, date and place.

A maintainer's word on grouping always wins over the extraction, so a typo
here must never pass silently: every key, type and date is checked, with the
line it stands on. The YAML is read as a node tree (not plain values) so each
problem can point at its line and a value such as `2023` or `2023_01` keeps
the text the maintainer wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import Extraction, Override, Problem
from ..yaml_text import yaml_error_line

OVERRIDES_FILE = "events.yml"
DEFAULT_OVERRIDES = Path(__file__).resolve().parents[2] / "content" / OVERRIDES_FILE
KEYS = ("articles", "title", "date", "place", "id", "separate")
TEXT_KEYS = ("title", "place")
DATE_FORMS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
DATE_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EXAMPLE = "write 'events:' and under it one '- articles: [id, ...]' item per override"


@dataclass(frozen=True)
class _Entry:
    """One parsed override plus the line of each article it names (for later checks)."""

    override: Override
    article_lines: dict[str, int]


def overrides_files(content_dirs: list[Path]) -> list[Path]:
    """Every `events.yml` directly in the content folders, in the given order."""
    return files_named(content_dirs, OVERRIDES_FILE)


def files_named(content_dirs: list[Path], name: str) -> list[Path]:
    """Every file of this name directly in the content folders, in the given order, each once."""
    found = []
    for folder in content_dirs:
        candidate = folder / name
        if candidate.is_file() and candidate not in found:
            found.append(candidate)
    return found


def load_overrides(content_dirs: list[Path]) -> tuple[list[Override], list[Problem]]:
    """All overrides in the content folders; a bad entry is left out and reported. Folders with no
    `events.yml` of their own still get the project's curated context events (the start of the invasion):
    world knowledge every build shares, as the actors registry and the gazetteer are."""
    overrides, problems, _ = read_overrides(content_dirs)
    if not overrides_files(content_dirs) and DEFAULT_OVERRIDES.is_file():
        entries, _ = read_overrides_file(DEFAULT_OVERRIDES)
        overrides = [entry.override for entry in entries if not entry.override.articles]
    return overrides, problems


def read_overrides(content_dirs: list[Path]) -> tuple[list[Override], list[Problem], dict[tuple[int, str], int]]:
    """Like `load_overrides`, plus (override index, article id) -> line, so `check` can point at a bad id."""
    overrides: list[Override] = []
    problems: list[Problem] = []
    lines: dict[tuple[int, str], int] = {}
    claimed: dict[str, Override] = {}
    used_ids: dict[str, Override] = {}
    for path in overrides_files(content_dirs):
        entries, found = read_overrides_file(path)
        problems.extend(found)
        for entry in entries:
            override = entry.override
            clash = _clash(override, entry.article_lines, claimed, used_ids)
            if clash:
                problems.append(clash)
                continue
            for article in override.articles:
                claimed[article] = override
                lines[(len(overrides), article)] = entry.article_lines[article]
            if override.id:
                used_ids[override.id] = override
            overrides.append(override)
    return overrides, problems, lines


def _clash(
    override: Override, article_lines: dict[str, int], claimed: dict[str, Override], used_ids: dict[str, Override]
) -> Problem | None:
    """An article in two overrides, or two overrides giving the same event id, is ambiguous."""
    for article in override.articles:
        if article in claimed:
            first = claimed[article]
            return Problem(
                override.path,
                article_lines[article],
                f"article '{article}' is already in the override at {first.path}:{first.line}",
                "list each article in one override only: merge the two entries into one",
            )
    if override.id and override.id in used_ids:
        first = used_ids[override.id]
        return Problem(
            override.path,
            override.line,
            f"event id '{override.id}' is already given at {first.path}:{first.line}",
            "give each override its own 'id:', or merge the two entries",
        )
    return None


def read_overrides_file(path: Path) -> tuple[list[_Entry], list[Problem]]:
    """One `events.yml`: its valid entries and a Problem for everything else."""
    fix = "check the indentation: each override is a '- articles: [...]' item under 'events:'"
    return read_yaml_entries(path, fix, _events_list, _read_entry)


def read_yaml_entries(path: Path, fix: str, items_of, entry_of) -> tuple[list, list[Problem]]:
    """A list file (`events.yml`, `corrections.yml`): `items_of` finds its items, `entry_of` reads each one;
    the valid entries, and a Problem for everything else."""
    root, problems = yaml_nodes(path, fix)
    if root is None:
        return [], problems
    items, problems = items_of(root, str(path))
    entries = []
    for item in items:
        entry, found = entry_of(item, str(path))
        problems.extend(found)
        if entry:
            entries.append(entry)
    return entries, problems


def yaml_nodes(path: Path, fix: str) -> tuple[Node | None, list[Problem]]:
    """A maintainer's YAML file as a node tree (each node knows its line); None and why when it cannot be
    read, None and no problem when it is empty or holds comments only."""
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not valid UTF-8 (byte {err.start})", "re-save the file as UTF-8")]
    except OSError as err:
        return None, [Problem(shown, 1, f"cannot read file: {err.strerror}", "check the file's permissions")]
    try:
        root = yaml.compose(text.removeprefix("\ufeff"))
    except yaml.YAMLError as err:
        reason = getattr(err, "problem", None) or "invalid YAML"
        return None, [Problem(shown, yaml_error_line(err), f"{path.name} is not valid YAML: {reason}", fix)]
    return (None if root is None or _is_null(root) else root), []


def _events_list(root: Node, shown: str) -> tuple[list[Node], list[Problem]]:
    if not isinstance(root, MappingNode):
        return [], [_at(root, shown, "events.yml must be a mapping with one key, 'events:'", EXAMPLE)]
    problems, events = [], []
    for key, value in _pairs(root, shown, problems):
        if key != "events":
            problems.append(_at_key(root, key, shown, f"unknown top-level key '{key}'", "use only 'events:'"))
        elif _is_null(value):
            continue
        elif not isinstance(value, SequenceNode):
            problems.append(_at(value, shown, "'events:' must be a list of overrides", EXAMPLE))
        else:
            events = list(value.value)
    return events, problems


def _read_entry(node: Node, shown: str) -> tuple[_Entry | None, list[Problem]]:
    if not isinstance(node, MappingNode):
        return None, [_at(node, shown, "an override must be a mapping of keys such as 'articles:'", EXAMPLE)]
    problems: list[Problem] = []
    fields: dict[str, object] = {}
    article_lines: dict[str, int] = {}
    for key, value in _pairs(node, shown, problems):
        if key not in KEYS:
            problems.append(
                _at_key(node, key, shown, f"unknown key '{key}' in an override", f"use only {', '.join(KEYS)}")
            )
        elif key == "articles":
            fields[key] = _articles(value, shown, problems, article_lines)
        elif key in TEXT_KEYS:
            fields[key] = _text(value, key, shown, problems)
        elif key == "date":
            fields[key] = _date(value, shown, problems)
        elif key == "id":
            fields[key] = _slug(value, shown, problems)
        else:
            fields[key] = _bool(value, shown, problems)
    curated = "articles" not in fields and fields.get("title") and fields.get("date")
    if "articles" not in fields and not curated:
        problems.append(
            _at(
                node,
                shown,
                "an override without 'articles:' (or, for a curated event, without 'title:' and 'date:')",
                "add 'articles: [id, ...]' (ids are file names), or give a curated event its 'title:' and 'date:'",
            )
        )
    if curated and fields.get("separate"):
        problems.append(_at(node, shown, "a curated event cannot be 'separate:'", "remove the 'separate:' line"))
    if problems:
        return None, problems
    override = Override(
        articles=tuple(fields.get("articles", ())),
        path=shown,
        line=node.start_mark.line + 1,
        title=fields.get("title"),
        date=fields.get("date"),
        place=fields.get("place"),
        id=fields.get("id"),
        separate=bool(fields.get("separate", False)),
    )
    return _Entry(override, article_lines), []


def _pairs(node: MappingNode, shown: str, problems: list[Problem]) -> list[tuple[str, Node]]:
    """A mapping's (key, value) pairs; a repeated key is reported, not silently overwritten."""
    seen: set[str] = set()
    pairs = []
    for key_node, value in node.value:
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
        if key in seen:
            problems.append(_at(key_node, shown, f"key '{key}' appears twice", "keep one of the two lines"))
            continue
        seen.add(key)
        pairs.append((key, value))
    return pairs


def _articles(node: Node, shown: str, problems: list[Problem], lines: dict[str, int]) -> list[str]:
    items = [node] if isinstance(node, ScalarNode) and not _is_null(node) else getattr(node, "value", None)
    if not isinstance(items, list) or not items:
        problems.append(
            _at(node, shown, "'articles:' must list at least one article id", "write 'articles: [id, ...]'")
        )
        return []
    ids = []
    for item in items:
        if not isinstance(item, ScalarNode) or _is_null(item) or not str(item.value).strip():
            problems.append(
                _at(item, shown, "an article id must be a plain name", "write the file name without .md/.txt")
            )
            continue
        article = str(item.value).strip()
        if article.endswith((".md", ".txt")) or "/" in article:
            problems.append(
                _at(
                    item,
                    shown,
                    f"'{article}' is a path, not an article id",
                    "write the file name without folder or extension",
                )
            )
            continue
        if article in lines:
            problems.append(_at(item, shown, f"article '{article}' is listed twice", "list it once"))
            continue
        lines[article] = item.start_mark.line + 1
        ids.append(article)
    return ids


def _text(node: Node, key: str, shown: str, problems: list[Problem]) -> str | None:
    if not isinstance(node, ScalarNode) or _is_null(node) or not str(node.value).strip():
        problems.append(_at(node, shown, f"'{key}:' must be a non-empty text", f"write '{key}: Some text' on one line"))
        return None
    return str(node.value).strip()


def _date(node: Node, shown: str, problems: list[Problem]) -> str | None:
    value = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    if DATE_SHAPE.match(value):
        try:
            date.fromisoformat((value + "-01-01")[:10])
            return value
        except ValueError:
            pass
    problems.append(
        _at(
            node,
            shown,
            f"date '{value}' is not a real YYYY, YYYY-MM or YYYY-MM-DD date",
            "write e.g. 'date: 2023-01-01', 'date: 2023-01' or 'date: 2023'",
        )
    )
    return None


def _slug(node: Node, shown: str, problems: list[Problem]) -> str | None:
    value = str(node.value).strip() if isinstance(node, ScalarNode) else ""
    if SLUG.match(value):
        return value
    problems.append(
        _at(
            node,
            shown,
            f"id '{value}' is not a slug (it becomes the page address events/<id>/)",
            "use lowercase letters, digits and single hyphens, e.g. 'id: 2023-01-01-makiivka'",
        )
    )
    return None


def _bool(node: Node, shown: str, problems: list[Problem]) -> bool:
    if isinstance(node, ScalarNode) and node.tag.endswith(":bool"):
        return str(node.value).lower() in ("true", "yes", "on")
    problems.append(_at(node, shown, "'separate:' must be true or false", "write 'separate: true' or remove the line"))
    return False


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def _at(node: Node, shown: str, message: str, fix: str) -> Problem:
    return Problem(shown, node.start_mark.line + 1, message, fix)


def _at_key(mapping: MappingNode, key: str, shown: str, message: str, fix: str) -> Problem:
    key_node = next((k for k, _ in mapping.value if isinstance(k, ScalarNode) and k.value == key), mapping)
    return _at(key_node, shown, message, fix)


def apply_grouping_overrides(
    clusters: list[set[str]], overrides: list[Override], by_id: dict[str, Extraction]
) -> list[set[str]]:
    """Separations first (take articles out), then merges (join whole events)."""
    if not overrides:
        return clusters
    clusters = [set(c) for c in clusters]
    for override in overrides:
        listed = {a for a in override.articles if a in by_id}
        if override.separate and listed:
            clusters = [c - listed for c in clusters] + [listed]
    for override in overrides:
        listed = {a for a in override.articles if a in by_id}
        if override.separate or len(listed) < 2:
            continue
        joined = set().union(*[c for c in clusters if c & listed])
        clusters = [c for c in clusters if not c & listed] + [joined]
    return [c for c in clusters if c]


def override_for(article_ids: tuple[str, ...], overrides: list[Override]) -> Override | None:
    for override in overrides:
        if set(override.articles) & set(article_ids) and (
            override.title or override.date or override.place or override.id
        ):
            return override
    return None
