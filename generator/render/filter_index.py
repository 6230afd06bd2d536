"""Filter indexes: a period group's events -> the small JSON file the timeline's filters read.

One file per covered year and one for Background, so a filter acts on the
whole year rather than on the cards of one page. A row holds only what the
filters and their list of results need: id (the event's page is
`events/<id>/`), date, title, parties, place, figure kinds, outlets and
whether the sources disagree. Each party, place, kind and outlet is written
once, in a table of [value, label] pairs, and rows refer to it by number.
The text is data: timeline.js puts it into the page with textContent only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..model import Event
from .format import KIND_LABEL, NOT_SHOWABLE, slug
from .pages import Page, SiteIndex, data_file

FIELDS = ("id", "date", "title", "parties", "places", "kinds", "outlets", "disputed")
FACETS = ("parties", "places", "kinds", "outlets")
SHOWABLE = str.maketrans(dict.fromkeys(NOT_SHOWABLE, "\ufffd"))


def filter_index_url(scope: str) -> str:
    return f"data/filters/{scope}.json"


def event_facets(index: SiteIndex, event: Event) -> dict[str, dict[str, str]]:
    """What an event can be filtered by: value (as the address carries it) -> label, per filter."""
    outlets = {index.articles[a].outlet for a in event.main_articles if a in index.articles}
    return {
        "parties": {slug(c.party): index.party(c.party) for c in event.claims},
        "places": {slug(event.place): event.place} if event.place else {},
        "kinds": {f.kind: KIND_LABEL.get(f.kind, f.kind) for c in event.claims for f in c.figures},
        "outlets": {slug(o): o for o in outlets if o},
    }


def filter_index(index: SiteIndex, scope: str, events: Iterable[Event]) -> Page:
    """The filter index of one year (or of Background), as a data file of the site."""
    events = list(events)
    facets = [event_facets(index, event) for event in events]
    tables: dict[str, dict[str, str]] = {name: {} for name in FACETS}
    for event_facet in facets:
        for name in FACETS:
            tables[name].update(event_facet[name])
    ordered = {
        name: sorted(((v, shown(label)) for v, label in tables[name].items()), key=lambda i: (i[1].casefold(), i[0]))
        for name in FACETS
    }
    number = {name: {value: n for n, (value, _) in enumerate(ordered[name])} for name in FACETS}
    rows = [
        [event.id, event.date, shown(event.title)]
        + [sorted(number[name][value] for value in event_facet[name]) for name in FACETS]
        + [1 if event.discrepancies else 0]
        for event, event_facet in zip(events, facets, strict=True)
    ]
    data = {"scope": scope, "fields": FIELDS, **{name: ordered[name] for name in FACETS}, "events": rows}
    return data_file(filter_index_url(scope), json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def shown(text: str) -> str:
    """Text as a browser shows it: NUL and lone surrogates (UTF-8 cannot carry them) become U+FFFD, as in escape()."""
    return text.translate(SHOWABLE)
