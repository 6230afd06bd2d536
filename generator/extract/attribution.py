"""Attribution as discourse: who each figure of an article belongs to.

`claims.py` reads the attributions inside one clause ("X said", "according
to X", "..., said X"). This stage walks the article and keeps the state that
real news needs beyond one sentence, in one place:

- a figure its own sentence credits goes to that source (the nearest one
  before it, across soft breaks such as ", while" or ": "; else a trailing
  one after it in its clause);
- a sentence inside a quotation belongs to the quote's speaker, whether the
  quote was opened by "X said:" or closed by '..." he said';
- a sentence with no source of its own continues the statement before it in
  its paragraph, or the previous paragraph's when it opens with a connective;
- a back-reference that follows ("Such data was reported by X", "Source: X")
  credits the sentences before it that named no one.
A figure nobody is credited with is the outlet's own (party `other`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..actors import Registry
from ..model import Claim, Figure, Sentence
from .claims import attributions_in, clause_spans, headline_source, labelled_source
from .places import Gazetteer
from .sources import Attribution, Context

if TYPE_CHECKING:
    from .language import Language

OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»"
FLATTENED_PARAGRAPH = 6  # more sentences than a news paragraph has: the page was pasted as one line
FLATTENED_REACH = 1  # ... where a statement reaches only the sentence after it
HARD_BREAK = re.compile(r";|,\s+as\s(?!of\b)")


@dataclass(frozen=True)
class SentenceReading:
    """One sentence's clauses and the attributions found in each (positions within the sentence)."""

    clauses: tuple[tuple[int, int], ...]
    attributions: tuple[Attribution, ...]  # in order of position
    hard_breaks: tuple[tuple[int, int], ...] = ()  # spans of ';' and ', as' (found once, not once per figure)
    starts: tuple[int, ...] = ()  # each attribution's start, to find the nearest to a figure by bisection


def _hard_break_between(reading: SentenceReading, start: int, end: int) -> bool:
    first = bisect_left(reading.hard_breaks, (start, start))
    return first < len(reading.hard_breaks) and reading.hard_breaks[first][1] <= end


def claims_in_article(
    article_id: str,
    sentences: list[Sentence],
    figures: list[list[Figure]],
    language: Language,
    registry: Registry,
    gazetteer: Gazetteer | None = None,
    role_side: str | None = None,
) -> list[Claim]:
    """Every figure of the article credited to its source, one claim per (sentence, source); `role_side` is
    whose unqualified offices speak (`sources.ground_side`)."""
    readings = _read_attributions(sentences, language, registry, gazetteer, role_side)
    carried = _carried_sources(sentences, readings, language)
    claims: list[Claim] = []
    rows = zip(sentences, readings, figures, carried, strict=True)
    for position, (sentence, reading, sentence_figures, fallback) in enumerate(rows):
        by_source: dict[tuple[str | None, str], list[Figure]] = {}
        for figure in sentence_figures:
            credited = _credited(sentence, reading, figure.start - sentence.start) or fallback
            key = (credited.claimant, credited.party) if credited else (None, "other")
            by_source.setdefault(key, []).append(figure)
        for (claimant, party), credited_figures in by_source.items():
            claims.append(
                Claim(
                    id=f"{article_id}-c{len(claims) + 1}",
                    article=article_id,
                    claimant=claimant,
                    party=party,
                    quote=sentence.text,
                    span=(sentence.start, sentence.end),
                    figures=tuple(credited_figures),
                    sentence=sentence.index,
                    context=context_sentence(sentences, position),
                )
            )
    return claims


def context_sentence(sentences: list[Sentence], position: int) -> str:
    """The sentence a quote needs beside it to be read fairly: the text sentence just before it, else the one
    just after it (news paragraphs are often one sentence long); furniture (captions, bylines) is never context."""
    for neighbour in (position - 1, position + 1):
        if 0 <= neighbour < len(sentences) and sentences[neighbour].role == "text":
            return sentences[neighbour].text
    return ""


def _read_attributions(
    sentences: list[Sentence],
    language: Language,
    registry: Registry,
    gazetteer: Gazetteer | None = None,
    role_side: str | None = None,
) -> list[SentenceReading]:
    context = Context(gazetteer=gazetteer, role_side=role_side)
    readings = []
    for sentence in sentences:
        if sentence.role == "furniture":
            readings.append(SentenceReading(((0, len(sentence.text)),), ()))
            continue
        clauses = tuple(clause_spans(sentence.text, language))
        label = labelled_source(sentence.text, language, registry, context)
        if not label and sentence.role == "headline":
            label = headline_source(sentence.text, language, registry, context)
        found: list[Attribution] = [label] if label else []
        for start, end in clauses if not label else ():
            for attribution in attributions_in(sentence.text[start:end], language, registry, context):
                attribution = replace(attribution, start=attribution.start + start)
                context.remember(attribution)
                found.append(attribution)
        context.read.append(sentence.text)
        breaks = tuple(m.span() for m in HARD_BREAK.finditer(sentence.text))
        readings.append(SentenceReading(clauses, tuple(found), breaks, tuple(a.start for a in found)))
    return readings


def _credited(sentence: Sentence, reading: SentenceReading, position: int) -> Attribution | None:
    """The source the sentence itself gives a figure: the nearest before it (not across ';'), else one after."""
    clause = next((c for c in reading.clauses if c[0] <= position < c[1]), reading.clauses[-1])
    before = reading.attributions[: bisect_right(reading.starts, position)]
    if before and not _hard_break_between(reading, before[-1].start, position):
        same_clause = clause[0] <= before[-1].start
        if same_clause or not before[-1].trailing:
            return before[-1]
    after = reading.attributions[bisect_right(reading.starts, position) :]
    reachable = after and (after[0].start < clause[1] or after[0].trailing)
    if reachable and not _hard_break_between(reading, position, after[0].start):
        return after[0]
    return None


def _carried_sources(
    sentences: list[Sentence], readings: list[SentenceReading], language: Language
) -> list[Attribution | None]:
    """For each sentence, the source its uncredited figures continue: a quote's speaker, the paragraph's
    last source, a connective's earlier paragraph, or a back-reference that follows."""
    cues = language.attribution
    quoted = _quote_speakers(sentences, readings)
    carried: list[Attribution | None] = []
    last_in_paragraph: Attribution | None = None
    previous_paragraph_last: Attribution | None = None
    flattened = _flattened_paragraphs(sentences)
    last_at = 0
    for i, (sentence, reading) in enumerate(zip(sentences, readings, strict=True)):
        if i and sentence.paragraph != sentences[i - 1].paragraph:
            previous_paragraph_last = last_in_paragraph or previous_paragraph_last
            last_in_paragraph = None
            if cues.continuation.match(sentence.text) and previous_paragraph_last:
                last_in_paragraph = previous_paragraph_last
        source = quoted.get(i)
        if source is None and not reading.attributions and sentence.role != "headline":
            far = sentence.paragraph in flattened and i - last_at > FLATTENED_REACH
            source = None if far and not cues.continuation.match(sentence.text) else last_in_paragraph
        carried.append(source)
        if reading.attributions:
            last_in_paragraph, last_at = reading.attributions[-1], i
    for i, (sentence, reading) in enumerate(zip(sentences, readings, strict=True)):
        if reading.attributions and cues.back_reference.match(sentence.text):
            _credit_backwards(sentences, readings, carried, i, reading.attributions[0])
    return carried


def _flattened_paragraphs(sentences: list[Sentence]) -> set[int]:
    """Paragraphs too long to be a news paragraph (two or three sentences): a page's text pasted as one line,
    its paragraph breaks lost. There a statement reaches only the sentence after it, or one opening with a
    connective ("Moreover, ..."): the next paragraph of the page, lost, is often narrative."""
    sizes = Counter(s.paragraph for s in sentences if s.role == "text")
    return {paragraph for paragraph, size in sizes.items() if size > FLATTENED_PARAGRAPH}


def _credit_backwards(
    sentences: list[Sentence],
    readings: list[SentenceReading],
    carried: list[Attribution | None],
    index: int,
    source: Attribution,
) -> None:
    """'Such data was reported by X' / 'Source: X': the sentences just before it that named no one are X's."""
    paragraph = sentences[index].paragraph
    first = sentences[index].index == 0 or sentences[index - 1].paragraph != paragraph
    target = sentences[index - 1].paragraph if first and index else paragraph
    j = index - 1
    while j >= 0 and sentences[j].paragraph in (target, paragraph) and not readings[j].attributions:
        if carried[j] is None:
            carried[j] = source
        j -= 1
    k = index + 1
    while k < len(sentences) and sentences[k].paragraph <= paragraph + 1 and not readings[k].attributions:
        if carried[k] is None and _opens_quote(sentences[k].text):
            carried[k] = source  # "Source: X" then "Quote: '...'"
        k += 1


def _quote_speakers(sentences: list[Sentence], readings: list[SentenceReading]) -> dict[int, Attribution]:
    """Sentences inside a quotation that runs over several sentences of a paragraph, and its speaker."""
    speakers: dict[int, Attribution] = {}
    open_at: int | None = None
    opener: Attribution | None = None
    for i, sentence in enumerate(sentences):
        if i and sentence.paragraph != sentences[i - 1].paragraph:
            open_at, opener = None, None
        balance = _quote_balance(sentence.text)
        if open_at is None and balance > 0:
            open_at = i
            opener = readings[i].attributions[-1] if readings[i].attributions else None
            continue
        if open_at is not None and balance < 0:
            closer = readings[i].attributions[-1] if readings[i].attributions else None
            speaker = closer or opener
            if speaker:
                for j in range(open_at, i + 1):
                    if not readings[j].attributions or j == i:
                        speakers[j] = speaker
            open_at, opener = None, None
        elif open_at is not None and opener:
            speakers[i] = opener
    return speakers


def _opens_quote(text: str) -> bool:
    return any(q in text for q in OPENING_QUOTES) or text.count('"') % 2 == 1 or '"' in text[:12]


def _quote_balance(text: str) -> int:
    """+1 if the sentence opens a quotation it does not close, -1 if it closes one it did not open."""
    opened = sum(text.count(q) for q in OPENING_QUOTES)
    closed = sum(text.count(q) for q in CLOSING_QUOTES)
    if opened != closed:
        return 1 if opened > closed else -1
    straight = text.count('"')
    if straight % 2 == 0:
        return 0
    first = text.index('"')
    # an odd straight quote: it opens when it starts a word, it closes when it ends one
    return 1 if first + 1 < len(text) and not text[first - 1 : first].strip(" :(") and first < len(text) / 2 else -1
