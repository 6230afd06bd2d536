"""Corrections applied: extractions + `Correction`s -> corrected extractions, `EventMoves`, and `Problem`s.

Runs after extraction, on what the cache holds, so editing `corrections.yml`
never makes an article be extracted again. A correction finds its sentence by
words of it, not by claim id (ids change when the extractor improves); one
that no longer matches (the article changed, the extractor reads the sentence
differently) is an error naming its line, never silently skipped. So are two
corrections of one figure: which of them wins would be an accident.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from ..actors import Registry
from ..extract.language import language_for
from ..extract.sentences import split_sentences
from ..model import Claim, Correction, Event, EventMoves, Extraction, Figure, Problem

QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
TRIMMED = 80  # characters of a quote shown in a message


@dataclass(frozen=True)
class _FigureRef:
    claim: int  # index in the extraction's claims
    figure: int  # index in that claim's figures


def normalised(text: str) -> str:
    """Text as a maintainer may retype it: one space for any white space, straight quote marks."""
    return " ".join(text.translate(QUOTE_MARKS).split())


def apply_corrections(
    extractions: list[Extraction], corrections: list[Correction], registry: Registry
) -> tuple[list[Extraction], EventMoves, list[Problem]]:
    """Each correction applied to its article's extraction; the moves go to grouping."""
    if not corrections:
        return extractions, EventMoves(), []
    by_id = {x.article.id: x for x in extractions}
    edits: dict[str, dict[_FigureRef, Correction]] = defaultdict(dict)
    added: dict[str, list[Claim]] = defaultdict(list)
    added_at: dict[tuple, Correction] = {}
    moves_at: dict[tuple[str, int], Correction] = {}
    problems: list[Problem] = []
    for correction in corrections:
        extraction = by_id.get(correction.article)
        if extraction is None:
            problems.append(_missing_article(correction))
        elif correction.action == "move":
            problems += _move(extraction, correction, moves_at)
        elif correction.action == "add":
            problems += _add(extraction, correction, registry, added[correction.article], added_at)
        else:
            problems += _edit(extraction, correction, registry, edits[correction.article])
    corrected = [
        _corrected(x, edits.get(x.article.id, {}), added.get(x.article.id, []), registry)
        if x.article.id in edits or x.article.id in added
        else x
        for x in extractions
    ]
    main = {article: c.event for (article, index), c in moves_at.items() if index < 0}
    mentions = {key: c.event for key, c in moves_at.items() if key[1] >= 0}
    return corrected, EventMoves(main=main, mentions=mentions), problems


def missing_targets(corrections: list[Correction], events: list[Event], article_ids: set[str]) -> list[Problem]:
    """A move to an event that does not exist: it was not applied, so the build must not pass."""
    known = {e.id for e in events} | {alias for e in events for alias in e.aliases}
    return [
        Problem(
            c.path,
            c.line,
            f"there is no event '{c.event}' to move to",
            "use the id in the event page's address (events/<id>/), or 'event: none'",
        )
        for c in corrections
        if c.action == "move" and c.event and c.article in article_ids and c.event not in known
    ]


def _missing_article(correction: Correction) -> Problem:
    return Problem(
        correction.path,
        correction.line,
        f"correction names article '{correction.article}', which does not exist or was left out for a problem",
        "use an article's file name without extension (see content/articles/), or remove the correction",
    )


def _edit(
    extraction: Extraction, correction: Correction, registry: Registry, edits: dict[_FigureRef, Correction]
) -> list[Problem]:
    """set, drop or checked: the figures it picks, each corrected once."""
    refs, problem = _figures_picked(extraction, correction)
    if problem:
        return [problem]
    changes = dict(correction.changes)
    if len(refs) > 1 and {"kind", "value", "qualifier"} & changes.keys():
        return [_at(correction, f"the sentence gives {len(refs)} figures ({_listed(extraction, refs)})",
                    "say which one with 'figure: <kind> <value>', e.g. 'figure: killed 63'")]  # fmt: skip
    problem = _party_problem(correction, changes, registry)
    if problem:
        return [problem]
    for ref in refs:
        first = edits.get(ref)
        if first is not None:
            return [_twice(correction, first)]
    edits.update(dict.fromkeys(refs, correction))
    return []


def _figures_picked(extraction: Extraction, correction: Correction) -> tuple[list[_FigureRef], Problem | None]:
    wanted = normalised(correction.quote or "")
    claims = [i for i, c in enumerate(extraction.claims) if wanted in normalised(c.quote)]
    spans = {extraction.claims[i].span for i in claims}
    if not spans:
        return [], _at(
            correction,
            f"'{_short(correction.quote)}' matches no sentence with a figure in article '{correction.article}'",
            "quote words of the sentence exactly as the article has them; `timeline new --claims FILE` lists the "
            "figures read; use 'add:' for one the extractor missed; remove the correction if the article changed",
        )
    if len(spans) > 1:
        return [], _at(
            correction,
            f"'{_short(correction.quote)}' is in {len(spans)} sentences with figures",
            "quote more words, so that only the sentence you mean contains them",
        )
    refs = [
        _FigureRef(i, j)
        for i in claims
        for j, figure in enumerate(extraction.claims[i].figures)
        if _selected(correction.figure, figure)
    ]
    if not refs:
        every = [_FigureRef(i, j) for i in claims for j in range(len(extraction.claims[i].figures))]
        return [], _at(
            correction,
            f"the sentence gives no figure '{correction.figure}'",
            f"pick one it gives: {_listed(extraction, every)}",
        )
    return refs, None


def _selected(selector: str | None, figure: Figure) -> bool:
    if selector is None:
        return True
    kind, *number = selector.split(" ", 1)
    if kind != figure.kind:
        return False
    if not number:
        return True
    low, _, high = number[0].replace("–", "-").replace(" ", "").partition("-")
    value = (int(low), int(high)) if high else int(low)
    return figure.value == value


def _listed(extraction: Extraction, refs: list[_FigureRef]) -> str:
    return ", ".join(figure_words(extraction.claims[r.claim].figures[r.figure]) for r in refs)


def figure_words(figure: Figure) -> str:
    """'killed 63' or 'killed 60-70': the words `figure:` takes."""
    value = figure.value
    return f"{figure.kind} {value[0]}-{value[1]}" if isinstance(value, tuple) else f"{figure.kind} {value}"


def _party_problem(correction: Correction, changes: dict, registry: Registry) -> Problem | None:
    party = changes.get("party")
    if party is None or party in registry.party_labels:
        return None
    return _at(
        correction,
        f"party '{party}' is not in the actors registry",
        f"use one of {', '.join(sorted(registry.party_labels))}, or add the party to content/actors.yml",
    )


def _twice(correction: Correction, first: Correction) -> Problem:
    return _at(
        correction,
        f"this figure is already corrected at {first.path}:{first.line}",
        "keep one correction per figure: merge the two entries (a 'set:' marks the figure checked too)",
    )


def _add(
    extraction: Extraction,
    correction: Correction,
    registry: Registry,
    added: list[Claim],
    added_at: dict[tuple, Correction],
) -> list[Problem]:
    """A figure the extractor missed: its quote must be in the article; the claim spans its whole sentence."""
    article = extraction.article
    where = _find(article.body, correction.quote or "")
    if where is None:
        return [
            _at(
                correction,
                f"'{_short(correction.quote)}' is not in the text of article '{article.id}'",
                "copy the words exactly as the article has them (the quote must occur in its text)",
            )
        ]
    changes = dict(correction.changes)
    problem = _party_problem(correction, changes, registry)
    if problem:
        return [problem]
    sentences = split_sentences(article.body, language_for(article.language))
    sentence = next(s for s in sentences if s.start <= where[0] < s.end)
    value = changes["value"]
    key = (article.id, sentence.start, changes["kind"], value)
    already = [c for c in extraction.claims if c.span == (sentence.start, sentence.end)]
    if any(f.kind == changes["kind"] and f.value == value for c in already for f in c.figures):
        return [_at(correction, "the extractor already reads this figure in that sentence",
                    "correct it with 'set:' or mark it with 'checked: true' instead of adding it")]  # fmt: skip
    if key in added_at:
        return [_twice(correction, added_at[key])]
    added_at[key] = correction
    number = str(value[0] if isinstance(value, tuple) else value)
    at = article.body.find(number, where[0], where[1])
    start, end = (at, at + len(number)) if at >= 0 else where
    qualifier = changes.get("qualifier") or ("range" if isinstance(value, tuple) else "exact")
    figure = Figure(changes["kind"], value, qualifier, start, end, changes.get("scope", "event"), True, True)
    claimant = changes.get("claimant")
    party = changes.get("party") or (registry.party_of(claimant)[0] if claimant else "other")
    claim_id = f"{article.id}-added{len(added) + 1}"
    added.append(Claim(claim_id, article.id, claimant, party, sentence.text, (sentence.start, sentence.end),
                       (figure,), sentence.index))  # fmt: skip
    return []


def _find(body: str, quote: str) -> tuple[int, int] | None:
    """Where the quote is in the text: exactly, or allowing other white space and straight quote marks."""
    at = body.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = [re.escape(w.translate(QUOTE_MARKS)) for w in quote.split()]
    if not words:
        return None
    pattern = r"\s+".join(words).replace("'", "['‘’]").replace('"', '["“”]')
    match = re.search(pattern, body)
    return (match.start(), match.end()) if match else None


def _move(extraction: Extraction, correction: Correction, moves_at: dict[tuple[str, int], Correction]) -> list[Problem]:
    """The article's main happening (no quote), or the mention dated in the quoted sentence, to another event."""
    article = extraction.article
    if correction.quote is None:
        indexes = [-1]
    else:
        where = _find(article.body, correction.quote)
        sentences = split_sentences(article.body, language_for(article.language))
        index = next((s.index for s in sentences if where and s.start <= where[0] < s.end), None)
        indexes = [i for i, m in enumerate(extraction.mentions) if index is not None and m.sentence == index]
        if not indexes:
            return [
                _at(
                    correction,
                    f"'{_short(correction.quote)}' is not in a sentence of article '{article.id}' that dates "
                    "a happening it mentions",
                    "quote the sentence that gives the mention's date; leave 'quote:' out to move the article's "
                    "own happening",
                )
            ]
    for index in indexes:
        first = moves_at.get((article.id, index))
        if first is not None:
            return [_twice(correction, first)]
    moves_at.update({(article.id, index): correction for index in indexes})
    return []


def _corrected(
    extraction: Extraction, edits: dict[_FigureRef, Correction], added: list[Claim], registry: Registry
) -> Extraction:
    """The extraction with its figures set, dropped or marked checked, claims split where a figure's
    claimant changed, and the added claims joining the event of their sentence."""
    claims: list[Claim] = []
    events: list[int] = []
    for i, (claim, event) in enumerate(zip(extraction.claims, extraction.claim_events, strict=True)):
        groups: dict[tuple, list[Figure]] = {}
        for j, figure in enumerate(claim.figures):
            correction = edits.get(_FigureRef(i, j))
            if correction is not None and correction.action == "drop":
                continue
            claimant, party, figure = _figure_corrected(claim, figure, correction, registry)
            groups.setdefault((claimant, party), []).append(figure)
        for n, ((claimant, party), figures) in enumerate(groups.items()):
            claim_id = claim.id if n == 0 else f"{claim.id}-{n + 1}"
            claims.append(replace(claim, id=claim_id, claimant=claimant, party=party, figures=tuple(figures)))
            events.append(event)
    by_sentence = {m.sentence: i for i, m in enumerate(extraction.mentions)}
    for claim in added:
        claims.append(claim)
        events.append(by_sentence.get(claim.sentence, -1))
    return replace(extraction, claims=tuple(claims), claim_events=tuple(events))


def _figure_corrected(
    claim: Claim, figure: Figure, correction: Correction | None, registry: Registry
) -> tuple[str | None, str, Figure]:
    if correction is None:
        return claim.claimant, claim.party, figure
    if correction.action == "check":
        return claim.claimant, claim.party, replace(figure, checked=True)
    changes = dict(correction.changes)
    claimant = changes.get("claimant", claim.claimant)
    party = changes.get("party") or (registry.party_of(claimant)[0] if "claimant" in changes and claimant else None)
    value = changes.get("value", figure.value)
    qualifier = changes.get("qualifier") or (
        "range" if isinstance(value, tuple) else "exact" if figure.qualifier == "range" else figure.qualifier
    )
    fields = {k: v for k, v in changes.items() if k in ("kind", "scope")}
    figure = replace(figure, value=value, qualifier=qualifier, checked=True, corrected=True, **fields)
    return claimant, party or claim.party, figure


def _at(correction: Correction, message: str, fix: str) -> Problem:
    return Problem(correction.path, correction.line, message, fix)


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TRIMMED else text[: TRIMMED - 1] + "…"
