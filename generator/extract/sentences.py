"""Split an article body into paragraphs and sentences, keeping character offsets.

Offsets matter: every claim's `span` points back into the body, and the
article page anchors each sentence so a quote links to its exact words.

Real pages keep their furniture: a headline on its own line, a photo caption,
a byline, "Read more" teasers, tickers. A line break starts a new paragraph
unless the next line plainly continues a wrapped sentence (it starts in lower
case); a paragraph with no closing punctuation is a headline; furniture is
kept in the text but marked (`role`), so it gives neither claims nor events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Article, Sentence
from ..rules import Rules, alternation

if TYPE_CHECKING:
    from .language import Language

BLOCK_BREAK = re.compile(r"\n\s*\n")
LINE = re.compile(r"[^\n]+")
# A candidate sentence end: . ! ? … (maybe followed by a closing quote or bracket) and a space.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*(?=\s+\S)")
OPENING = "\"“‘«('¿¡-–—•"
TERMINAL = ".!?…:\"'”’»)"
# "KYIV, Jan 4 (Reuters) -", "MOSCOW, July 9. /TASS/.", "VINNYTSIA, Ukraine (AP) —": a place in capitals,
# maybe a country, then a date and/or an agency, then a dash or a full stop
DATELINE = re.compile(
    r"^[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’. -]{2,40}?(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)??"
    r"(?:(?P<date>,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9}\.?)(?:,?\s+\d{4})?)"
    r"(?P<agency1>\.?\s*/[^/\n]{2,20}/\.?|\s*\([^)\n]{2,30}\))?|(?P<agency2>\s*\([^)\n]{2,30}\)))"
    r"\s*(?:[-–—]+|\.(?=\s)|(?<=[./]))\s*"
)
DATELINE_PARAGRAPHS = 4
CAPTION_MAX_WORDS = 60  # a photo caption is a few lines
CAPTION_MAX_SENTENCES = 3  # ... of at most a few sentences
CREDIT_REACH = 120  # a credit that closes a sentence is in its last characters
FULL_DATE_END = re.compile(r"\b(?:1[89]|20)\d\d\.?[\"”’]?\s*$")  # a caption's first sentence ends with its date
INITIALS_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.N.", "D.C.": a single capital and its full stop
FURNITURE_MAX_WORDS = 20
HEADLINE_MAX_WORDS = 30


def headline_sentence(article: Article) -> Sentence:
    """The article's headline as a sentence of its own, read with the sentences' cues (its dates, its places)."""
    return Sentence(article.title, 0, len(article.title), 0, 0)


def split_sentences(body: str, language: Language) -> list[Sentence]:
    sentences: list[Sentence] = []
    after_teaser = False
    for paragraph_index, (p_start, p_end) in enumerate(paragraph_spans(body, language)):
        text = body[p_start:p_end]
        role = paragraph_role(text, language, after_teaser)
        after_teaser = role == "furniture" and (after_teaser or bool(language.furniture.teaser.search(text)))
        start = p_start
        for match in SENTENCE_END.finditer(body, p_start, p_end):
            if not _starts_sentence(body, match.end(), p_end) or _is_abbreviation(body, match.start(), language):
                continue
            _append(sentences, body, start, match.end(), paragraph_index, role)
            start = match.end()
        _append(sentences, body, start, p_end, paragraph_index, role)
    return _mark_captions(_mark_datelines(sentences), language)


def _mark_datelines(sentences: list[Sentence]) -> list[Sentence]:
    """The first sentence of an early paragraph may open with a dateline: it says where the report was filed."""
    marked = []
    for i, sentence in enumerate(sentences):
        first_in_paragraph = i == 0 or sentences[i - 1].paragraph != sentence.paragraph
        match = (
            DATELINE.match(sentence.text) if first_in_paragraph and sentence.paragraph < DATELINE_PARAGRAPHS else None
        )
        if match:  # a dateline that is a sentence of its own ("MOSCOW, July 9. /TASS/.") is furniture
            whole = match.end() >= len(sentence.text)
            sentence = replace(sentence, dateline=match.end(), role="furniture" if whole else sentence.role)
        marked.append(sentence)
    return marked


def _mark_captions(sentences: list[Sentence], language: Language) -> list[Sentence]:
    """A photo credit in running text ('... Aug. 24, 2022. (AP Photo/Name)') closes a caption pasted into the
    paragraph: the sentence before it is the caption's, and so are the few before that back to the one ending
    with a full date, as captions do ('..., Wednesday, Aug. 24, 2022.')."""
    credit = language.furniture.credit
    marked = list(sentences)
    for i, sentence in enumerate(sentences):
        if sentence.role != "text" or not credit.search(sentence.text):
            continue
        if credit.match(sentence.text.lstrip()):
            last = i - 1  # the credit opens this sentence: the caption ended just before it
        elif credit.search(sentence.text.rstrip()[-CREDIT_REACH:]):
            last = i  # the credit closes this sentence
        else:
            continue
        if last < 0 or sentences[last].paragraph != sentence.paragraph:
            continue
        first = last
        for j in range(last, max(-1, last - CAPTION_MAX_SENTENCES), -1):
            if sentences[j].paragraph != sentence.paragraph or sentences[j].role != "text":
                break
            if FULL_DATE_END.search(sentences[j].text):
                first = j
                break
        for j in range(first, last + 1):
            marked[j] = replace(marked[j], role="furniture")
    return marked


def paragraph_spans(body: str, language: Language) -> list[tuple[int, int]]:
    """Blank lines end paragraphs; so does a line break, unless the next line continues a wrapped sentence."""
    spans: list[tuple[int, int]] = []
    block_start = 0
    blocks = [*BLOCK_BREAK.finditer(body), None]
    for block_end_match in blocks:
        block_end = block_end_match.start() if block_end_match else len(body)
        current: tuple[int, int] | None = None
        for line in LINE.finditer(body, block_start, block_end):
            if not line.group(0).strip():
                continue
            if current and _continues(body[current[0] : current[1]], line.group(0), language):
                current = (current[0], line.end())
                continue
            if current:
                spans.append(current)
            current = (line.start(), line.end())
        if current:
            spans.append(current)
        block_start = block_end_match.end() if block_end_match else len(body)
    return spans


def _continues(previous: str, line: str, language: Language) -> bool:
    """A wrapped line: it starts in lower case, or the line before stops mid-phrase."""
    first = line.lstrip()[:1]
    previous = previous.rstrip()
    if previous[-1:] in TERMINAL:
        return False
    return first.islower() or bool(language.furniture.continues_line.search(previous)) and not first.isdigit()


def paragraph_role(text: str, language: Language, after_teaser: bool = False) -> str:
    """'furniture' (caption, byline, teaser, menu, ticker), 'headline' (no closing punctuation) or 'text'."""
    stripped = text.strip()
    words = stripped.split()
    cues = language.furniture
    if len(words) <= CAPTION_MAX_WORDS and cues.caption.search(stripped):
        return "furniture"  # a long paragraph that credits a photo is the text around it, pasted as one line
    short = len(words) <= FURNITURE_MAX_WORDS
    closed = stripped[-1:] in '.!?…"”’»'
    byline = not closed and cues.byline.match(stripped)
    if short and (cues.chrome.search(stripped) or cues.teaser.search(stripped) or byline):
        return "furniture"
    if _only_dates_and_numbers(words, language) or stripped.strip(".:").lower() in cues.lines:
        return "furniture"
    if after_teaser and not closed:
        return "furniture"  # the headline of another article, under "Read more"
    # a headline is one unclosed line; a paragraph of several sentences cut short is still text
    headline = not closed and len(words) <= HEADLINE_MAX_WORDS and not SENTENCE_END.search(stripped)
    return "headline" if headline else "text"


def _only_dates_and_numbers(words: list[str], language: Language) -> bool:
    """A ticker or time stamp line: '12:21 14.07.2022', 'Monday, 8 July 2024, 14:27', '0'."""
    if not words or len(words) > 8:
        return False
    calendar = set(language.rules.months) | set(language.rules.weekdays)
    for word in words:
        bare = word.strip(",.-–|:()").lower()
        numeric = any(c.isdigit() for c in bare) and not any(c.isalpha() for c in bare)
        if bare and not numeric and bare not in calendar and bare not in language.furniture.clock_words:
            return False
    return True


@dataclass(frozen=True)
class FurnitureCues:
    """What marks page furniture in a language: captions, chrome, teasers, bylines."""

    abbreviations: frozenset  # a full stop after these ends no sentence ("Mr.", "U.S.")
    clock_words: frozenset  # a ticker line: "12:21 GMT"
    continues_line: re.Pattern  # a line ending so ("and", ",") is wrapped, not a paragraph's end
    caption: re.Pattern
    credit: re.Pattern  # "(AP Photo/Name)": a photo credit in parentheses
    chrome: re.Pattern
    teaser: re.Pattern
    lines: frozenset
    byline: re.Pattern


def build_furniture_cues(rules: Rules) -> FurnitureCues:
    joining = alternation(rules.words("line_continuing_words"))
    return FurnitureCues(
        abbreviations=frozenset(w.lower() for w in rules.words("abbreviations")),
        clock_words=frozenset(w.lower() for w in rules.words("clock_words")),
        continues_line=re.compile(rf"[,;\-–—(]$|\b(?:{joining})$", re.I),
        caption=re.compile(_phrases(rules.words("caption_markers")), re.I),
        credit=re.compile(
            rf"\([^()]{{0,60}}?(?:{_phrases([w.strip('()') for w in rules.words('caption_markers')])})[^()]{{0,80}}\)",
            re.I,
        ),
        chrome=re.compile(_phrases(rules.words("chrome_phrases"))),
        teaser=re.compile(_phrases(rules.words("teaser_markers")), re.I),
        lines=frozenset(w.lower() for w in rules.words("chrome_lines")),
        byline=re.compile(rf"(?:{_phrases(rules.words('byline_openers'))})\s+\S", re.I),
    )


def _phrases(phrases: list[str]) -> str:
    """Phrases matched as written (they may hold punctuation such as 'Photo:' or '/ AFP')."""
    escaped = sorted({re.escape(p).replace(r"\ ", r"\s*") for p in phrases}, key=len, reverse=True)
    return "|".join(escaped) if escaped else r"(?!x)x"


def _starts_sentence(body: str, position: int, end: int) -> bool:
    """After a sentence end comes an upper-case letter, a digit or an opening quote (any alphabet)."""
    rest = body[position:end].lstrip()
    rest = rest.lstrip(OPENING)
    first = rest[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def ends_in_initials(text: str) -> bool:
    """The text closes with an abbreviation's full stop ('the U.N.', 'Washington, D.C.'): keep it."""
    return bool(INITIALS_END.search(text))


def _is_abbreviation(body: str, dot: int, language: Language) -> bool:
    if body[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", body[max(0, dot - 6) : dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    # single capital letters are initials ("J. Biden")
    return token in language.furniture.abbreviations or (len(token) == 1 and body[dot - 1].isupper())


def _append(sentences: list[Sentence], body: str, start: int, end: int, paragraph: int, role: str) -> None:
    text = body[start:end]
    stripped = text.strip()
    if not stripped:
        return
    lead = len(text) - len(text.lstrip())
    real_start = start + lead
    real_end = real_start + len(stripped)
    sentences.append(Sentence(stripped, real_start, real_end, paragraph, len(sentences), role))
