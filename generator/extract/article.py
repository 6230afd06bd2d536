"""Extract: one `Article` -> its `Extraction` (dates, claims, places, main event, mentions).

The main event is the dated happening the article is about: the date with
the most support (named in the title, in the lead, beside an attack word,
near the main place), never a date on which something was merely *said*
or one that follows "since". Other dated happenings become mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..actors import Registry
from ..model import Article, Claim, EventCandidate, Extraction, Sentence
from .attribution import claims_in_article
from .dates import DateExpression, anchor_date, find_dates
from .figures import figures_in_text
from .language import Language, language_for
from .main_date import (
    LEAD_SENTENCES,
    first_match_end,
    headline_acts,
    headline_states,
    is_dated_caption,
    main_date,
    names_an_event,
)
from .places import Gazetteer
from .places_file import load_gazetteer
from .reach import text_before
from .scope import with_towns
from .sentences import headline_sentence, split_sentences
from .sources import ground_side

TITLE_LENGTH = 90
PLACE_LABEL = re.compile(r"^([^\W\d][^:\n]{1,30}):\s+(?=\S)")


def extract_article(article: Article, registry: Registry, gazetteer: Gazetteer | None = None) -> Extraction:
    gazetteer = gazetteer or load_gazetteer([Path("content")])
    language = language_for(article.language)  # built once per language, handed to every stage
    sentences = _place_datelines(split_sentences(article.body, language), gazetteer)
    expressions = find_dates(sentences, article.body, article.date, language)
    expressions = [e for e in expressions if _in_text(e, sentences)]
    located = [  # (position after the dateline, place) of each sentence, read once
        gazetteer.places_in(s.text[s.dateline :], language) if s.role != "furniture" else [] for s in sentences
    ]
    sentence_places = [[name for _, name in found] for found in located]
    main_place = _main_place(article, sentences, located, gazetteer, language)
    claims = _claims(
        article, sentences, expressions, registry, gazetteer, language, ground_side(main_place, gazetteer, registry)
    )
    claims = with_towns(claims, sentence_places, gazetteer)
    expressions = _anchor_within_sentences(expressions, sentences, language)
    main_value, main_precision = main_date(article, sentences, expressions, sentence_places, main_place, language)
    resolved = _anchor_expressions(expressions, main_value, main_precision, sentences, language)
    mentions = _mentions(article, sentences, resolved, sentence_places, main_value, main_place, gazetteer, language)
    main = EventCandidate(
        main_value, main_precision, main_place, _main_title(article, sentences, main_place, language), 0, True
    )
    return Extraction(
        article=article,
        lead=" ".join(s.text for s in sentences[:3]),
        claims=tuple(claims),
        main=main,
        mentions=tuple(m for m, _ in mentions),
        claim_events=_claim_events(claims, sentences, [sentence for _, sentence in mentions]),
    )


def _place_datelines(sentences: list[Sentence], gazetteer: Gazetteer) -> list[Sentence]:
    """'Kyiv: Russian authorities said ...': a place and a colon opening an early paragraph is a dateline too."""
    marked = []
    for sentence in sentences:
        label = PLACE_LABEL.match(sentence.text) if sentence.paragraph < 4 and not sentence.dateline else None
        if label and _only_places(label.group(1), gazetteer):
            sentence = replace(sentence, dateline=label.end())
        marked.append(sentence)
    return marked


def _only_places(text: str, gazetteer: Gazetteer) -> bool:
    """The text names one or more places and nothing else ('Kyiv', 'Moscow/Kyiv')."""
    rest = gazetteer.pattern.sub("", text) if gazetteer.pattern else text
    return not re.sub(r"[\s,/&-]+", "", rest)


def _in_text(expression: DateExpression, sentences: list[Sentence]) -> bool:
    """Dates in furniture or in a dateline say when a page was made or filed, not when anything happened."""
    sentence = sentences[expression.sentence]
    return sentence.role != "furniture" and expression.start >= sentence.start + sentence.dateline


def _claims(
    article: Article,
    sentences: list[Sentence],
    expressions: list[DateExpression],
    registry: Registry,
    gazetteer: Gazetteer,
    language: Language,
    role_side: str | None,
) -> list[Claim]:
    figures = []
    dated: dict[int, list[DateExpression]] = {}
    for expression in expressions:
        dated.setdefault(expression.sentence, []).append(expression)
    for sentence in sentences:
        if sentence.role == "furniture":
            figures.append([])
            continue
        masked = [(e.start - sentence.start, e.end - sentence.start) for e in dated.get(sentence.index, [])]
        text = _without_caption(sentence.text, language)
        figures.append(figures_in_text(text, sentence.start, language, masked))
    claims = claims_in_article(article.id, sentences, figures, language, registry, gazetteer, role_side)
    return _drop_recaps(claims)


def _without_caption(text: str, language: Language) -> str:
    """A sentence without the wire photo caption pasted onto its end ('... weapons. : Soldiers recover four
    bodies in Bucha, Ukraine, Tuesday, April 5, 2022.'), from the colon on: the sentence's speaker did not say
    what the picture shows. A caption on its own stays, the outlet's figure."""
    if not is_dated_caption(text, language):
        return text
    colon = text.rfind(": ")
    return text[:colon] if colon > 0 else text


def _drop_recaps(claims: list[Claim]) -> list[Claim]:
    """One figure, one claim: the outlet repeating a figure a named source gave, or a source repeating
    its own figure later in the article, is not a claim of its own."""
    credited = {(f.kind, f.value) for c in claims if c.claimant for f in c.figures}
    seen: set[tuple[str | None, str, object]] = set()
    kept = []
    for claim in claims:
        figures = tuple(
            f
            for f in claim.figures
            if (claim.claimant, f.kind, f.value) not in seen and (claim.claimant or (f.kind, f.value) not in credited)
        )
        seen.update((claim.claimant, f.kind, f.value) for f in claim.figures if claim.claimant)
        if not figures:
            continue
        if figures != claim.figures:
            claim = replace(claim, figures=figures)
        kept.append(claim)
    return kept


def _main_place(
    article: Article,
    sentences: list[Sentence],
    located: list[list[tuple[int, str]]],
    gazetteer: Gazetteer,
    language: Language,
) -> str | None:
    """Where a saying was made, for a headline that reports one ('White House defends ...'); else the most
    specific place of the title and lead, else the article's most named place."""
    seat = _seat_of_saying(article, gazetteer, language)
    if seat:
        return seat
    title = []
    if not article.title_from_text:  # "... in retaliation for Crimea bridge blast": the answered happening's place
        places = gazetteer.places_in(article.title, language)
        title = [(article.title, _before_earlier(headline_sentence(article), places, language))]
    located = [_before_earlier(s, places, language) for s, places in zip(sentences, located, strict=True)]
    lead_sentences = [s for s in sentences if s.role == "text"][:LEAD_SENTENCES]  # furniture is not the lead
    texts = title + [(s.text[s.dateline :], located[s.index]) for s in lead_sentences]
    found = [(name, _locative(text, at, language)) for text, places in texts for at, name in places]
    lead = [name for name, _ in found]
    if lead:
        best = min(gazetteer.specificity(p) for p in lead)
        if best < 3:  # the most specific; of equals, one the text puts something in ("in Chaplyne")
            return max((p for p in found if gazetteer.specificity(p[0]) == best), key=lambda p: p[1])[0]
    counts = Counter(name for places in located for _, name in places if gazetteer.specificity(name) < 3)
    if counts and not (headline_states(article, language) or headline_acts(article, language)):
        return counts.most_common(1)[0][0]
    return lead[0] if lead else None


def _seat_of_saying(article: Article, gazetteer: Gazetteer, language: Language) -> str | None:
    """'White House defends ...', 'Kremlin denies ...', '... – Kremlin': a saying by an institution named for its
    seat happened there, not at the places it talks about; an institution after the verb is whom it addresses.
    An institution the headline puts something at or in ('... at the White House') is where that was done."""
    if article.title_from_text:
        return None
    seats = gazetteer.seats_in(article.title)
    right_before = language.places.venue_before  # "at the White House", not "comments on Kremlin ..."
    hosted = next((seat for at, seat in seats if right_before.search(text_before(article.title, at, 40))), None)
    if hosted:  # '... at the White House', '... in the Kremlin': the headline says where it was done
        return hosted
    if not headline_states(article, language):
        return None
    verb = language.article.headline_statement.search(article.title)
    tail = language.article.headline_tail.search(article.title)
    if tail and verb.start() >= tail.start():  # '... – Kremlin': the source named at the end is the speaker
        return next((seat for at, seat in seats if at >= tail.start()), None)
    return next((seat for at, seat in seats if at < verb.end()), None)


def _before_earlier(sentence: Sentence, places: list[tuple[int, str]], language: Language) -> list[tuple[int, str]]:
    """'The briefing came hours after the Kerch bridge was hit', 'strikes in response to the attack on the Kerch
    bridge': a place after that is the earlier happening's, the one the report's happening follows or answers."""
    cues, text = language.article, sentence.text[sentence.dateline :]
    earlier = cues.earlier_after.match(text)
    if earlier:
        return [p for p in places if p[0] < earlier.end()]
    answered = cues.earlier_cause.search(text)
    if not answered:
        return places
    clause_end = text.find(",", answered.end())  # "In response to the blast on the bridge, Russia struck Kyiv"
    clause_end = len(text) if clause_end < 0 else clause_end
    return [p for p in places if not answered.start() <= p[0] < clause_end]


def _locative(text: str, position: int, language: Language) -> bool:
    """'in Chaplyne', 'near Kharkiv', 'hit Kyiv': the place is where something happened, not a side ('from Moscow')."""
    return bool(language.article.place_before.search(text_before(text, position, 40)))


def _background_date(sentence: Sentence, expression: DateExpression, language: Language) -> bool:
    """'founded in 1991', 'born in 1978', 'built in 2018': a date of background, not a happening."""
    window = sentence.text[max(0, expression.start - sentence.start - 40) : expression.start - sentence.start]
    return bool(language.regex("background_date_words").search(window.split(",")[-1]))


def _anchor_within_sentences(
    expressions: list[DateExpression], sentences: list[Sentence], language: Language
) -> list[DateExpression]:
    """'said on Saturday, eight days after the attack': the attack's date, from the sentence alone; 'said
    on Wednesday, a week after Moscow said ...' reaches back to a statement's day."""
    result = []
    last_day: dict[int, DateExpression] = {}  # each sentence's latest day so far (the expressions are in order)
    for original in sorted(expressions, key=lambda e: e.start):
        expression, anchor = original, last_day.get(original.sentence)
        if original.value and original.precision == "day":
            last_day[original.sentence] = original
        if expression.value is None and expression.anchor == "phrase" and anchor:
            value, precision = anchor_date(_negated(expression), anchor.value, "day")
            sentence = sentences[expression.sentence]
            said = bool(language.dates.statement_after.match(sentence.text, expression.end - sentence.start))
            expression = replace(expression, value=value, precision=precision, anchor="anchored", statement=said)
        result.append(expression)
    return result


def _anchor_expressions(
    expressions: list[DateExpression],
    main_value: str,
    main_precision: str,
    sentences: list[Sentence],
    language: Language,
) -> list[tuple[DateExpression, str, str, bool]]:
    """(expression, value, precision, forced) with offsets resolved; forced ones always make a mention."""
    resolved = []
    for expression in expressions:
        if expression.value is not None:
            resolved.append((expression, expression.value, expression.precision, expression.anchor == "anchored"))
            continue
        earlier = [
            e
            for e in expressions
            if e.value
            and e.start < expression.start
            and e.precision == "day"
            and (
                e.sentence == expression.sentence
                or (expression.anchor == "previous" and e.sentence == expression.sentence - 1)
            )
        ]
        if expression.anchor == "phrase" and earlier:
            anchored = anchor_date(_negated(expression), earlier[-1].value, "day")
        elif expression.anchor == "previous" and earlier:
            anchored = anchor_date(expression, earlier[-1].value, "day")
        elif expression.anchor == "phrase" and _happening_before(sentences[expression.sentence], expression, language):
            # "the attack came six months into the invasion": the article's happening is the subject, so the
            # phrase's object lies that long before it
            anchored = anchor_date(_negated(expression), main_value, main_precision)
        else:
            anchored = anchor_date(expression, main_value, main_precision)
        if anchored:
            resolved.append((expression, anchored[0], anchored[1], expression.anchor == "phrase"))
    return resolved


def _happening_before(sentence: Sentence, expression: DateExpression, language: Language) -> bool:
    """An event noun before the offset phrase is its subject: 'The strike came a day after ...'."""
    first = first_match_end(sentence.text, language.article.incident_nouns)
    return first is not None and first <= expression.start - sentence.start


def _negated(expression: DateExpression) -> DateExpression:
    """'said on Saturday, eight days after the attack': the attack is eight days *before* Saturday."""
    return DateExpression(
        expression.text,
        expression.start,
        expression.end,
        expression.sentence,
        None,
        expression.precision,
        -expression.offset_days,
        expression.anchor,
    )


def _mentions(
    article: Article,
    sentences: list[Sentence],
    resolved,
    sentence_places: list[list[str]],
    main_value: str,
    main_place: str | None,
    gazetteer: Gazetteer,
    language: Language,
) -> list[tuple[EventCandidate, int]]:
    published = article.date.isoformat()
    mentions: list[tuple[EventCandidate, int]] = []
    seen: set[tuple[str, str | None]] = set()
    elsewhere_in: dict[int, list[str]] = {}
    for expression, value, precision, forced in resolved:
        sentence = sentences[expression.sentence]
        if value > published or not names_an_event(sentence.text, language):
            continue
        if _background_date(sentence, expression, language):
            continue
        places = sentence_places[expression.sentence]
        if expression.sentence not in elsewhere_in:  # once per sentence, not once per date in it
            elsewhere_in[expression.sentence] = [
                p for p in places if not gazetteer.related(p, main_place) and gazetteer.specificity(p) < 3
            ]
        elsewhere = elsewhere_in[expression.sentence]
        same_as_main = value == main_value or main_value.startswith(value) or value.startswith(main_value)
        if not forced and same_as_main and not elsewhere:
            continue
        if expression.statement and not elsewhere and not forced:
            continue
        place = elsewhere[0] if elsewhere else (places[0] if places and not same_as_main else None)
        if (value, place) in seen:
            continue
        seen.add((value, place))
        mentions.append(
            (
                EventCandidate(
                    value,
                    precision,
                    place,
                    _mention_title(sentence, expression.start - sentence.start),
                    sentence.index,
                    False,
                ),
                sentence.index,
            )
        )
    return mentions


def _claim_events(claims: list[Claim], sentences: list[Sentence], mention_sentences: list[int]) -> tuple[int, ...]:
    """Each claim's event: the mention dated in its sentence (or earlier in its paragraph), else the main."""
    result = []
    for claim in claims:
        index = -1
        paragraph = sentences[claim.sentence].paragraph
        for i, sentence_index in enumerate(mention_sentences):
            if sentence_index == claim.sentence or (
                sentence_index < claim.sentence and sentences[sentence_index].paragraph == paragraph
            ):
                index = i
        result.append(index)
    return tuple(result)


def _main_title(article: Article, sentences: list[Sentence], place: str | None, language: Language) -> str:
    """The headline if the article has one; else what happened where: 'Air strike in Mariupol'."""
    if not article.title_from_text:
        return _shorten(article.title)
    lead = " ".join(s.text for s in sentences[:3])
    for noun in language.words("event_nouns") if place else []:  # most telling first
        if re.search(rf"\b{re.escape(noun)}\b", lead, re.I):
            return f"{noun[0].upper()}{noun[1:]} in {place}"
    return _shorten(article.title)


def _mention_title(sentence: Sentence, date_position: int) -> str:
    """The clause that carries the date, from what follows 'since' if it does: '… Putin ordered the war'."""
    start = max((m.end() for m in re.finditer(r"[,;:]\s+|\s[-–—]\s", sentence.text[:date_position])), default=0)
    end_match = re.search(r"[,;:](?:\s|$)|\s[-–—]\s", sentence.text[date_position:])
    clause = sentence.text[start : date_position + end_match.start()] if end_match else sentence.text[start:]
    since = list(re.finditer(r"\b(?:since|desde)\s+", clause[: date_position - start], re.I))
    if since:
        clause = clause[since[-1].end() :]
    clause = re.sub(r"^(?:and|but|or|in fact|y|pero)\s+", "", clause.strip(), flags=re.I)
    if len(clause.split()) < 4:
        clause = sentence.text
    return _shorten(clause[:1].upper() + clause[1:])


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_LENGTH:
        return text.rstrip(".")
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return re.sub(r"[,;:]$", "", cut) + "…"
