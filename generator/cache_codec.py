"""The caches' data as plain JSON values, and back: no code can travel in a cache file.

Beside `serialize.py` (the published `timeline.json`), but for the build's own
caches: `Extraction`s, grouping's `ClusterState` and its `TextReading`s. Rows are lists in field
order, not dicts, so a cache of 10,000 articles loads about as fast as the
pickle it replaces. A row of the wrong shape raises `ValueError`, `TypeError`,
`KeyError` or `IndexError`; the cache then treats the file as damaged.
"""

from __future__ import annotations

from datetime import date

from .events.cluster import ClusterState
from .events.readings import TextReading
from .model import Article, Claim, EventCandidate, Extraction, Figure

FORMAT = 4  # bump when a row's layout changes: older files are then rebuilt, never misread


_new = object.__new__


def _made(cls, values: dict):
    """A frozen dataclass from its fields, as unpickling makes one (no per-field __setattr__ calls)."""
    made = _new(cls)
    made.__dict__.update(values)
    return made


def _texts(*values) -> None:
    for value in values:
        if type(value) is not str:
            raise TypeError(f"expected text, found {type(value).__name__}")


def _texts_or_none(*values) -> None:
    for value in values:
        if value is not None and type(value) is not str:
            raise TypeError(f"expected text or null, found {type(value).__name__}")


def _wholes(*values) -> None:
    for value in values:
        if type(value) is not int:
            raise TypeError(f"expected a whole number, found {type(value).__name__}")


def article_to_row(a: Article) -> list:
    return [
        *(a.id, a.path, a.date.isoformat(), a.title, a.outlet, a.url, a.language, a.body, a.title_from_text),
        *(a.republish, a.license),
    ]


def article_from_row(row: list) -> Article:
    id_, path, day, title, outlet, url, language, body, from_text, republish, license_ = row
    _texts(id_, path, day, title, language, body)
    _texts_or_none(outlet, url, license_)
    if republish is not None and type(republish) is not bool:
        raise TypeError(f"expected true, false or null, found {type(republish).__name__}")
    values = {"id": id_, "path": path, "date": date.fromisoformat(day), "title": title, "outlet": outlet}
    values.update(url=url, language=language, body=body, title_from_text=from_text is True)
    values.update(republish=republish, license=license_)
    return _made(Article, values)


def _figure_from_row(row: list) -> Figure:
    kind, value, qualifier, start, end, scope, population = row
    if type(value) is list:
        low, high = value
        _wholes(low, high)
        value = (low, high)
    _texts(kind, qualifier, scope, population)
    _wholes(value if type(value) is not tuple else 0, start, end)
    values = {"kind": kind, "value": value, "qualifier": qualifier, "start": start, "end": end}
    return _made(Figure, {**values, "scope": scope, "population": population})


def _claim_to_row(c: Claim) -> list:
    figures = [[f.kind, list(f.value) if isinstance(f.value, tuple) else f.value, f.qualifier, f.start, f.end,
                f.scope, f.population] for f in c.figures]  # fmt: skip
    return [c.id, c.article, c.claimant, c.party, c.quote, list(c.span), figures, c.sentence, c.context, list(c.towns)]


def _claim_from_row(row: list) -> Claim:
    id_, article, claimant, party, quote, (start, end), figures, sentence, context, towns = row
    _texts(id_, article, party, quote, context)
    _texts_or_none(claimant)
    _wholes(start, end, sentence)
    values = {"id": id_, "article": article, "claimant": claimant, "party": party, "quote": quote}
    values.update(span=(start, end), figures=tuple(_figure_from_row(f) for f in figures), sentence=sentence)
    _texts(*towns)
    values.update(context=context, towns=tuple(towns))
    return _made(Claim, values)


def _candidate_to_row(c: EventCandidate | None) -> list | None:
    return None if c is None else [c.date, c.precision, c.place, c.title, c.sentence, c.main]


def _candidate_from_row(row: list | None) -> EventCandidate | None:
    if row is None:
        return None
    day, precision, place, title, sentence, main = row
    _texts(day, precision, title)
    _texts_or_none(place)
    _wholes(sentence)
    values = {"date": day, "precision": precision, "place": place, "title": title, "sentence": sentence}
    values["main"] = main is True
    return _made(EventCandidate, values)


def extraction_to_row(x: Extraction) -> list:
    return [
        article_to_row(x.article),
        x.lead,
        [_claim_to_row(c) for c in x.claims],
        _candidate_to_row(x.main),
        [_candidate_to_row(m) for m in x.mentions],
        list(x.claim_events),
    ]


def extraction_from_row(row: list) -> Extraction:
    article, lead, claims, main, mentions, claim_events = row
    _texts(lead)
    _wholes(*claim_events)
    values = {"article": article_from_row(article), "lead": lead, "claims": tuple(map(_claim_from_row, claims))}
    values.update(main=_candidate_from_row(main), mentions=tuple(map(_candidate_from_row, mentions)))
    values["claim_events"] = tuple(claim_events)
    return _made(Extraction, values)


def state_to_data(state: ClusterState) -> dict:
    return {
        "signature": {i: list(s) for i, s in state.signature.items()},
        "root": state.root,
        "open_at": [[day, roots] for day, roots in state.open_at.items()],
        "buckets": state.buckets,
        "hubs": sorted(state.hubs),
        "boilerplate": sorted(state.boilerplate),
    }


def state_from_data(data: dict) -> ClusterState:
    signature = {}
    for article_id, (day, precision, place, published, lead) in data["signature"].items():
        _texts(article_id, day, precision, published, lead)
        _texts_or_none(place)
        signature[article_id] = (day, precision, place, published, lead)
    root = data["root"]
    _texts(*root.keys(), *root.values())
    open_at = {}
    for day, roots in data["open_at"]:
        _wholes(day)
        _texts(*roots.keys(), *roots.values())
        open_at[day] = dict(roots)
    buckets = data["buckets"]
    _texts(*buckets.keys())
    _wholes(*buckets.values())
    hubs, boilerplate = data["hubs"], data["boilerplate"]
    _texts(*hubs, *boilerplate)
    return ClusterState(signature, dict(root), open_at, dict(buckets), frozenset(hubs), frozenset(boilerplate))


def readings_to_data(readings: dict[str, TextReading]) -> dict:
    return {
        i: [
            r.source,
            [*r.words],
            [*r.heads],
            [*r.kinds],
            r.no_happening,
            [[*w] for w in r.mention_words],
            [*r.speakers],
            r.briefer,
            [*r.lead_sentences],
        ]
        for i, r in readings.items()
    }


def readings_from_data(data: dict) -> dict[str, TextReading]:
    readings = {}
    for article_id, (source, words, heads, kinds, why, mention_words, speakers, briefer, sentences) in data.items():
        _texts(article_id, source, *words, *heads, *kinds, *speakers, *sentences)
        _texts_or_none(why, briefer)
        for found in mention_words:
            _texts(*found)
        values = (frozenset(words), frozenset(heads), frozenset(kinds), why, tuple(map(frozenset, mention_words)))
        readings[article_id] = TextReading(source, *values, frozenset(speakers), briefer, tuple(sentences))
    return readings
