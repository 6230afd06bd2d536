"""Moves: event drafts + a maintainer's `EventMoves` -> drafts with main happenings moved, and mention targets.

A move names its target by the event id a maintainer sees in the page's
address. Ids are settled only when the drafts are finished, so the drafts
are finished once beforehand to learn them (ids depend on the reports, not
on mentions). A moved article's old event, and the target, keep their
addresses as aliases, so links to them still lead somewhere.
"""

from __future__ import annotations

from ..extract.places import Gazetteer
from ..model import EventMoves, Override
from .assemble import EventDraft, finish_events


def apply_main_moves(
    drafts: list[EventDraft], overrides: list[Override], moves: EventMoves, gazetteer: Gazetteer
) -> tuple[list[EventDraft], dict[str, EventDraft]]:
    """The drafts after moving each article's main happening to its target; and the drafts by every id they
    had before (for mention moves). A move to an unknown id is left undone: the pipeline names it."""
    events = finish_events(drafts, overrides)
    by_id: dict[str, EventDraft] = {}
    for draft, event in zip(drafts, events, strict=True):
        by_id.update(dict.fromkeys((event.id, *event.aliases), draft))
    first_ids = {id(d): e.id for d, e in zip(drafts, events, strict=True)}
    current = list(drafts)
    for article, target_id in sorted(moves.main.items()):
        target = by_id.get(target_id)
        source = next((d for d in current if any(x.article.id == article for x in d.main_extractions)), None)
        if target is None or source is None or target is source:
            continue
        moved = next(x for x in source.main_extractions if x.article.id == article)
        rest = [x for x in source.main_extractions if x is not moved]
        joined = EventDraft(target.main_extractions + [moved], gazetteer, target.curated)
        joined.aliases = set(target.aliases) | {first_ids.get(id(target), target_id)}
        replacements = {id(target): joined}
        if rest:
            left = EventDraft(rest, gazetteer)
            left.aliases = set(source.aliases) | {first_ids.get(id(source), "")} - {""}
            replacements[id(source)] = left
        else:  # the old event had only this report: its address now leads to the target
            joined.aliases |= set(source.aliases) | {first_ids.get(id(source), "")} - {""}
        current = [replacements.get(id(d), d) for d in current if rest or d is not source]
        for key, draft in list(by_id.items()):
            by_id[key] = joined if draft is source and not rest else replacements.get(id(draft), draft)
        for old, new in replacements.items():
            first_ids[id(new)] = first_ids.get(old, "")
    return current, by_id
