"""Split an article body into paragraphs and sentences, keeping character offsets.

Offsets matter: every claim's `span` points back into the body, and the
article page anchors each sentence so a quote links to its exact words.
"""

from __future__ import annotations

import re

from .model import Sentence

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A sentence ends at . ! ? (maybe followed by a closing quote) then space and an
# upper-case letter, digit or opening quote.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s+[\"“‘(]?[A-ZÁÉÍÓÚÑ0-9¿¡])")
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "gov",
    "sen",
    "rep",
    "pres",
    "prof",
    "jr",
    "sr",
    "no",
    "vs",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
}


def split_sentences(body: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(_paragraph_spans(body)):
        start = p_start
        for match in SENTENCE_END.finditer(body, p_start, p_end):
            if _is_abbreviation(body, match.start()):
                continue
            end = match.end()
            _append(sentences, body, start, end, paragraph_index)
            start = end
        _append(sentences, body, start, p_end, paragraph_index)
    return sentences


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(body):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(body)))
    return [s for s in spans if body[s[0] : s[1]].strip()]


def _is_abbreviation(body: str, dot: int) -> bool:
    if body[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", body[max(0, dot - 6) : dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    # single capital letters are initials ("J. Biden")
    return token in ABBREVIATIONS or (len(token) == 1 and body[dot - 1].isupper())


def _append(sentences: list[Sentence], body: str, start: int, end: int, paragraph: int) -> None:
    text = body[start:end]
    stripped = text.strip()
    if not stripped:
        return
    lead = len(text) - len(text.lstrip())
    real_start = start + lead
    real_end = real_start + len(stripped)
    sentences.append(Sentence(stripped, real_start, real_end, paragraph, len(sentences)))
