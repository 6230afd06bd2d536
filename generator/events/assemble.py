"""Assemble: clusters of reports, curated entries and passing mentions -> `Event`s.

Each cluster of articles that report one happening becomes one event; a
maintainer's curated entry (`events.yml` without articles) becomes one too.
The event's date is the one most of its reports give, its place the most
named one, its title the clearest headline (`titles.py`), its id from its
first report (`ids.py`). Mentions add articles that recall the event, never
sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from ..extract.places import Gazetteer
from ..extract.scope import counted_elsewhere
from ..model import Claim, Event, Extraction, Override, first_day, precision_of
from .ids import automatic_id, event_slug, unique_ids
from .overrides import override_for
from .titles import built_title, distinct_titles, headline_title


class EventDraft:
    """An event while it is being assembled: its reports, or a curated entry, and the articles recalling it."""

    def __init__(self, main_extractions: list[Extraction], gazetteer: Gazetteer, curated: Override | None = None):
        self.main_extractions = main_extractions
        self.curated = curated
        self.aliases: set[str] = set()
        self.mentioning: list[str] = []
        self.claims: list[Claim] = [
            c for x in main_extractions for c, e in zip(x.claims, x.claim_events, strict=True) if e == -1
        ]
        self.date_reported: dict[str, list[str]] = defaultdict(list)
        self.precisions: dict[str, str] = {}
        for x in main_extractions:
            self.date_reported[x.main.date].append(x.article.id)
            self.precisions[x.main.date] = x.main.precision
        if curated:
            self.precisions[curated.date] = precision_of(curated.date)
        places = [x.main.place for x in main_extractions if x.main.place]
        counts = Counter(places)
        best = min(counts, key=lambda p: (-counts[p], gazetteer.specificity(p), p)) if counts else None
        self.place = curated.place if curated else best
        self.gazetteer = gazetteer

    def claims_at(self, place: str | None) -> tuple[Claim, ...]:
        """The reports' claims, those counted at another town than the event's place marked as such."""
        claims = sorted(self.claims, key=lambda c: (c.article, c.span[0], c.id))
        return tuple(replace(c, elsewhere=True) if counted_elsewhere(c, place, self.gazetteer) else c for c in claims)

    @property
    def dates(self) -> set[str]:
        return self.date_reported.keys() | ({self.curated.date} if self.curated else set())

    def add_mention(self, extraction: Extraction, index: int) -> None:
        """An article that recalls the event: listed with it and its claims about it kept, but no source, so
        its date is not one the sources give."""
        self.mentioning.append(extraction.article.id)
        self.add_claims(extraction, index)

    def add_claims(self, extraction: Extraction, index: int) -> None:
        self.claims.extend(c for c, e in zip(extraction.claims, extraction.claim_events, strict=True) if e == index)

    def best_date(self) -> tuple[str, str]:
        """The date most reports give (a mention is no source: it gives none); then the more precise, then the
        earlier."""
        if self.curated:
            return self.curated.date, precision_of(self.curated.date)
        rank = {"day": 0, "month": 1, "year": 2}

        def key(d: str) -> tuple:
            return (-len(self.date_reported[d]), rank[self.precisions.get(d, "day")], d)

        best = min(self.date_reported, key=key)
        return best, self.precisions.get(best, "day")

    def title(self, value: str) -> str:
        if self.curated:
            return self.curated.title or "Untitled event"
        language = self.main_extractions[0].article.language
        # the reports of the event's own day, published within a day of it, name it; a later one may already
        # tell its sequel
        on_the_day = [x for x in self.main_extractions if _reported_on(x, value)] or self.main_extractions
        return headline_title(on_the_day) or built_title(self.main_extractions, self.place, value, language)

    def anchor_key(self) -> tuple:
        if self.curated:
            return ("", self.curated.path, self.curated.line)
        anchor = min(self.main_extractions, key=lambda x: (x.article.date, x.article.id))
        return (anchor.article.date.isoformat(), anchor.article.id, 0)

    def automatic_id(self) -> str:
        if self.curated:
            return event_slug(self.curated.date, self.curated.place, self.curated.title or "event")
        return automatic_id(self.main_extractions)


def finish_events(drafts: list[EventDraft], overrides: list[Override]) -> list[Event]:
    """Drafts -> events, overrides applied last; ids unique, titles distinct within a day."""
    rows = []
    for draft in drafts:
        main_ids = tuple(x.article.id for x in draft.main_extractions)
        override = draft.curated or override_for(main_ids, overrides)
        value, precision = draft.best_date()
        title, place = draft.title(value), draft.place
        base = draft.automatic_id()
        aliases = set(draft.aliases)
        if override and not draft.curated:
            title = override.title or title
            place = override.place or place
            if override.date:
                value, precision = override.date, precision_of(override.date)
        if override and override.id:
            if not draft.curated:  # a curated event never had another address
                aliases.add(base)
            base = override.id
        rows.append((draft, main_ids, value, precision, title, place, base, aliases))
    ids = unique_ids([row[6] for row in rows], [row[0].anchor_key() for row in rows])
    titles = distinct_titles([(row[2], row[4], row[5]) for row in rows])
    events = []
    for row, event_id, title in zip(rows, ids, titles, strict=True):
        draft, main_ids, value, precision, _, place, _, aliases = row
        articles = tuple(dict.fromkeys(main_ids + tuple(sorted(set(draft.mentioning) - set(main_ids)))))
        events.append(
            Event(
                id=event_id,
                title=title,
                date=value,
                date_precision=precision,
                date_reported={d: sorted(ids) for d, ids in draft.date_reported.items()},
                place=place,
                articles=articles,
                main_articles=main_ids,
                claims=draft.claims_at(place),
                curated=draft.curated is not None,
                aliases=tuple(sorted(aliases - {event_id})),
            )
        )
    return events


def curated_drafts(overrides: list[Override], gazetteer: Gazetteer) -> list[EventDraft]:
    """The maintainer's curated entries: an `events.yml` item with a title and a date and no articles."""
    return [EventDraft([], gazetteer, o) for o in overrides if o.is_curated]


def _reported_on(extraction: Extraction, value: str) -> bool:
    """Whether the report dates its happening to this day and was published within a day of it."""
    main = extraction.main
    return main.date == value and (extraction.article.date - first_day(value)).days <= 1
