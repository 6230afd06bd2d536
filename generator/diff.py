"""`timeline diff`: two builds' `timeline.json` -> a Markdown summary a reviewer reads in a pull request.

The old side may be a git ref instead of a file: its content is checked out
in a temporary worktree and built with *this* checkout's pipeline, so the
summary shows what the pull request's content changes, not what a different
extractor would make of the same articles. Claims are matched by article and
quote (their ids are per build); events by id, and an event whose id changed
is matched to its old self through the articles it is the main event of.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

QUOTE_CHARS = 160
QUALIFIER_WORDS = {"approx": "about ", "at_least": "at least ", "at_most": "at most "}
MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})
DEFAULT_CONTENT = ("content", "seeds")


class DiffError(Exception):
    """A side of the diff that cannot be read; its message says what to do."""


@dataclass(frozen=True)
class EventChange:
    old: dict | None
    new: dict | None

    @property
    def event(self) -> dict:
        return self.new or self.old


def run_diff(args: argparse.Namespace) -> int:
    """Print the summary; 1 with a message when a side cannot be read or built."""
    try:
        old = load_side(args.old)
        new = load_side(args.new)
    except DiffError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(summarise(old, new), end="")
    return 0


def load_side(source: str) -> dict:
    """A timeline.json file, or a git ref built in a temporary worktree."""
    path = Path(source)
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise DiffError(f"{path} is not a readable timeline.json ({err})") from err
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise DiffError(f"{path} is not a timeline.json: it has no 'events' list")
        return data
    if path.suffix == ".json" or not _is_git_ref(source):
        raise DiffError(f"'{source}' is neither a timeline.json file nor a git ref; build first with `timeline build`")
    return build_ref(source)


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _is_git_ref(ref: str) -> bool:
    if ref.startswith("-"):
        return False  # never let a ref be read as an option
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode == 0
    except FileNotFoundError:
        return False


def build_ref(ref: str) -> dict:
    """The timeline of `ref`'s content, built by this checkout's pipeline in a throwaway worktree."""
    from .pipeline import build_timeline
    from .serialize import timeline_to_json

    top = _git("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise DiffError("not inside a git repository, so a git ref cannot be built")
    with tempfile.TemporaryDirectory(prefix="timeline-diff-") as scratch:
        tree = Path(scratch) / "tree"
        added = _git("worktree", "add", "--detach", "--quiet", str(tree), ref, cwd=Path(top.stdout.strip()))
        if added.returncode != 0:
            raise DiffError(f"cannot check out '{ref}': {added.stderr.strip()}")
        try:
            folders = [tree / name for name in DEFAULT_CONTENT if (tree / name).is_dir()]
            return json.loads(timeline_to_json(build_timeline(folders, root=tree)))
        finally:
            _git("worktree", "remove", "--force", str(tree), cwd=Path(top.stdout.strip()))


def summarise(old: dict, new: dict) -> str:
    """The Markdown summary: articles, events, claims, disagreements; a line when nothing changed."""
    sections = [
        _article_section(old, new),
        _event_section(old, new),
        _figure_section(old, new),
        _claim_section(old, new),
        _disagreement_section(old, new),
    ]
    body = "\n".join(s for s in sections if s)
    return "## Timeline changes\n\n" + (body or "No change to the timeline.\n")


def _article_section(old: dict, new: dict) -> str:
    before = {a["id"]: a for a in old.get("articles", [])}
    after = {a["id"]: a for a in new.get("articles", [])}
    events = {e["id"]: e for e in new.get("events", [])}
    lines = []
    for article_id in sorted(after.keys() - before.keys()):
        article = after[article_id]
        event = events.get(article.get("event") or "")
        joined = f" → joins {_event_name(event)}" if event else " → joins no event"
        lines.append(f"- added `{article_id}`: {_text(article.get('title'))}{_source(article)}{joined}")
    for article_id in sorted(before.keys() - after.keys()):
        lines.append(f"- removed `{article_id}`: {_text(before[article_id].get('title'))}")
    return _section("Articles", lines)


def _event_section(old: dict, new: dict) -> str:
    lines = []
    for change in _event_changes(old, new):
        if change.old is None:
            event = change.new
            lines.append(
                f"- created {_event_name(event)}: {len(event.get('articles', []))} article(s), "
                f"{len(event.get('claims', []))} claim(s)"
            )
        elif change.new is None:
            lines.append(f"- removed {_event_name(change.old)}")
        else:
            what = _what_changed(change.old, change.new)
            if what:
                lines.append(f"- changed {_event_name(change.new)}: {'; '.join(what)}")
    return _section("Events", lines)


def _claim_section(old: dict, new: dict) -> str:
    """Claims of sentences that gave no figure on the other side (the rest are in the figures section)."""
    before, after = _claims_by_key(old), _claims_by_key(new)
    sentences_before = {key[:2] for key in before}
    sentences_after = {key[:2] for key in after}
    lines = [
        f"- added to {_event_name(event)}: {_claim_text(claim)}"
        for key, (claim, event) in after.items()
        if key not in before and key[:2] not in sentences_before
    ]
    lines += [
        f"- removed from {_event_name(event)}: {_claim_text(claim)}"
        for key, (claim, event) in before.items()
        if key not in after and key[:2] not in sentences_after
    ]
    return _section("Claims", lines)


def _figure_section(old: dict, new: dict) -> str:
    """Figures of one sentence that differ between the sides, one line each, as a correction changes them:
    "killed 63, party other → russia (corrected)"."""
    before, after = _figure_rows(old), _figure_rows(new)
    events = {**_sentence_events(old), **_sentence_events(new)}
    lines = []
    for sentence in sorted(before.keys() & after.keys()):
        was = [r for r in before[sentence] if r not in after[sentence]]
        now = [r for r in after[sentence] if r not in before[sentence]]
        for old_row, new_row in _paired(was, now):
            lines.append(_figure_change(old_row, new_row, events[sentence]))
    return _section("Figures", lines)


FIGURE_FIELDS = ("claimant", "party", "kind", "value", "qualifier", "scope", "population")


def _figure_rows(timeline: dict) -> dict[tuple, list[dict]]:
    """(article, quote) -> each figure of that sentence, with its claim's claimant and party."""
    rows: dict[tuple, list[dict]] = {}
    for event in timeline.get("events", []):
        for claim in event.get("claims", []):
            for figure in claim.get("figures", []):
                row = {**figure, "claimant": claim.get("claimant"), "party": claim.get("party")}
                rows.setdefault((claim.get("article"), claim.get("quote")), []).append(row)
    return rows


def _sentence_events(timeline: dict) -> dict[tuple, dict]:
    return {(c.get("article"), c.get("quote")): e for e in timeline.get("events", []) for c in e.get("claims", [])}


def _paired(was: list[dict], now: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Old and new figures of one sentence matched: same kind and claimant first, then same kind, then in order."""
    pairs, was = [], list(was)
    for same in (lambda a, b: (a["kind"], a["claimant"]) == (b["kind"], b["claimant"]), lambda a, b: True):
        for row in list(now):
            match = next((w for w in was if same(w, row)), None)
            if match is not None:
                pairs.append((match, row))
                was.remove(match)
                now.remove(row)
    return pairs + [(None, row) for row in now] + [(row, None) for row in was]


def _figure_change(old: dict | None, new: dict | None, event: dict) -> str:
    shown = new or old
    changes = [
        f"{field} {_text(_shown_value(old.get(field)))} → {_text(_shown_value(new.get(field)))}"
        for field in FIGURE_FIELDS
        if old and new and old.get(field) != new.get(field)
    ]
    if new is None:
        changes.append("dropped")
    elif old is None:
        changes.append("added")
    return f"- {_event_name(event)}: {_figure_text(shown)}{''.join(', ' + c for c in changes)}{_review(new)}"


def _review(figure: dict | None) -> str:
    """What a maintainer did to the figure, from its flags: ' (corrected)', ' (checked)' or nothing."""
    if figure and figure.get("corrected"):
        return " (corrected)"
    return " (checked)" if figure and figure.get("checked") else ""


def _shown_value(value) -> str:
    if isinstance(value, list) and len(value) == 2:
        return f"{value[0]}–{value[1]}"
    return "the outlet" if value is None else str(value)


def _disagreement_section(old: dict, new: dict) -> str:
    """Per event and figure kind: a disagreement that appears, vanishes, or whose values change."""
    before, after = _discrepancies(old), _discrepancies(new)
    lines = []
    for key in sorted(before.keys() | after.keys()):
        (was, _), (now, event) = before.get(key, (None, None)), after.get(key, (None, None))
        if was is None:
            lines.append(f"- appears in {_event_name(event)}: {_discrepancy_text(now)}")
        elif now is None:
            lines.append(f"- vanishes from {_event_name(before[key][1])}: {_discrepancy_text(was)}")
        elif was.get("values") != now.get("values"):
            lines.append(f"- changes in {_event_name(event)}: {_discrepancy_text(was)} → {_discrepancy_values(now)}")
    return _section("Disagreements", lines)


def _event_changes(old: dict, new: dict) -> list[EventChange]:
    """Pairs of (old, new) events; an id that changed is paired through shared main articles."""
    before = {e["id"]: e for e in old.get("events", [])}
    after = {e["id"]: e for e in new.get("events", [])}
    gone = {i: e for i, e in before.items() if i not in after}
    changes = [EventChange(before[i], after[i]) for i in sorted(before.keys() & after.keys())]
    for event_id in sorted(after.keys() - before.keys()):
        event = after[event_id]
        mains = set(event.get("main_articles", []))
        match = next((i for i, e in sorted(gone.items()) if mains & set(e.get("main_articles", []))), None)
        changes.append(EventChange(gone.pop(match) if match else None, event))
    changes += [EventChange(e, None) for _, e in sorted(gone.items())]
    return changes


def _what_changed(old: dict, new: dict) -> list[str]:
    what = []
    if old["id"] != new["id"]:
        what.append(f"id `{old['id']}` → `{new['id']}`")
    for key in ("title", "date", "place"):
        if old.get(key) != new.get(key):
            what.append(f"{key} {_text(old.get(key))} → {_text(new.get(key))}")
    added = sorted(set(new.get("articles", [])) - set(old.get("articles", [])))
    dropped = sorted(set(old.get("articles", [])) - set(new.get("articles", [])))
    if added:
        what.append("now also from " + ", ".join(f"`{a}`" for a in added))
    if dropped:
        what.append("no longer from " + ", ".join(f"`{a}`" for a in dropped))
    before = {_claim_key(c) for c in old.get("claims", [])}
    after = {_claim_key(c) for c in new.get("claims", [])}
    if before != after:
        what.append(f"claims +{len(after - before)} −{len(before - after)}")
    return what


def _claims_by_key(timeline: dict) -> dict[tuple, tuple[dict, dict]]:
    return {_claim_key(c): (c, e) for e in timeline.get("events", []) for c in e.get("claims", [])}


def _claim_key(claim: dict) -> tuple:
    figures = json.dumps(claim.get("figures", []), sort_keys=True)
    return claim.get("article"), claim.get("quote"), claim.get("claimant"), claim.get("party"), figures


def _discrepancies(timeline: dict) -> dict[tuple, tuple[dict, dict]]:
    return {
        (e["id"], str(d.get("kind"))): (d, e) for e in timeline.get("events", []) for d in e.get("discrepancies", [])
    }


def _claim_text(claim: dict) -> str:
    figures = ", ".join(_figure_text(f) for f in claim.get("figures", [])) or "no figure"
    who = _text(claim.get("claimant")) if claim.get("claimant") else "the outlet"
    quote = " ".join(str(claim.get("quote", "")).split())
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    reviewed = max((_review(f) for f in claim.get("figures", [])), key=len, default="")
    return f"{who} ({claim.get('party')}): {figures}, in `{claim.get('article')}`: “{_text(quote)}”{reviewed}"


def _figure_text(figure: dict) -> str:
    value = figure.get("value")
    if isinstance(value, list) and len(value) == 2:
        number = f"{value[0]}–{value[1]}"
    else:
        number = f"{QUALIFIER_WORDS.get(figure.get('qualifier'), '')}{value}"
    return f"{figure.get('kind')} {number}"


def _discrepancy_text(discrepancy: dict) -> str:
    return f"{discrepancy.get('kind')}: {_discrepancy_values(discrepancy)}"


def _discrepancy_values(discrepancy: dict) -> str:
    values = discrepancy.get("values") or {}
    return " vs ".join(
        f"{_text(party)} {', '.join('–'.join(map(str, v)) if isinstance(v, list) else str(v) for v in found)}"
        for party, found in sorted(values.items())
    )


def _event_name(event: dict) -> str:
    place = f", {_text(event.get('place'))}" if event.get("place") else ""
    return f"**{_text(event.get('title'))}** ({event.get('date')}{place}, `{event.get('id')}`)"


def _source(article: dict) -> str:
    parts = [_text(article.get("outlet")) if article.get("outlet") else None, article.get("date")]
    shown = ", ".join(p for p in parts if p)
    return f" ({shown})" if shown else ""


def _text(value) -> str:
    """Article text is data: escape what Markdown or HTML would act on in a job summary."""
    return str(value if value is not None else "—").translate(MARKDOWN_SPECIAL)


def _section(title: str, lines: list[str]) -> str:
    return f"### {title}\n\n" + "\n".join(lines) + "\n" if lines else ""
