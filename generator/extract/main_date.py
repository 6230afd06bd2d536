"""The main date: which of an article's dates is its happening's, weighed the way news is written.

The inverted pyramid: the lede tells the newest happening, a headline's date
is its date, a date that names an incident ("Thursday's strike") beats the
day something was said, the quotes of one day count once, a date named only
far down and weeks back is background, and today in a clause about the
future is what is to come. `article.py` hands each resolved date expression
here; the publication day is the answer when nothing dates a happening.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import Article, Sentence, first_day
from .dates import DateExpression, find_dates
from .language import Language
from .reach import text_before
from .sentences import headline_sentence

STATEMENT_DATE_SCORE = 0.5  # below any date with an incident cue; above none
LEDE_STATEMENT_BONUS = 2.0
FOLLOW_UP_DAYS = 1  # a reaction, a toll or an arrest within a day of an incident is told as part of it
BACKGROUND_DAYS = 14  # a day longer before the report, named only in its text, is what it recalls
RECALLED_CHARS = 40  # how far before an incident verb its relative pronoun may be ("that Russia's jets bombed")
LEAD_SENTENCES = 3  # where a report says where its happening was ("The attack took place in ...")


def main_date(
    article: Article,
    sentences: list[Sentence],
    expressions: list[DateExpression],
    sentence_places: list[list[str]],
    main_place: str | None,
    language: Language,
) -> tuple[str, str]:
    title_dates = set()
    if not article.title_from_text:
        found = find_dates([headline_sentence(article)], article.title, article.date, language)
        title_dates = {e.value for e in found if not e.since}  # "the biggest war since 1945" dates no happening
    lede = _lede(sentences)
    reported = _lede_report_day(article, sentences, expressions, lede, language)
    news_of_incident = _tells_incident(article, sentences, language)
    scores: Counter = Counter()
    said: dict[str, float] = {}  # the statement score each day has had
    first_seen: dict[str, int] = {}
    precision: dict[str, str] = {}
    for expression in expressions:
        if expression.value is None or expression.value > article.date.isoformat() or expression.since:
            continue  # a date to come, or a period's start ("since 1999", "since Monday's strike"): no happening's
        if _background_period(expression, article, title_dates, news_of_incident):
            continue
        sentence = sentences[expression.sentence]
        if _to_come(expression, sentence, article, language):
            continue  # "is planning attacks today": what is to come, not what happened
        if expression.statement:
            # the day something was said dates the happening only when nothing in the text dates an incident
            # ... and in the lede ("X happened, officials said on Wednesday") it dates the lede's happening
            score = STATEMENT_DATE_SCORE + (LEDE_STATEMENT_BONUS if sentence.index in lede else 0)
        else:
            score = _incident_date_score(expression, sentence, language, title_dates)
            places = sentence_places[expression.sentence]
            score += 1 if main_place in places else (-1 if places else 0)
            if expression.value not in title_dates:
                score -= _staleness(expression.value, article, in_lede=sentence.index in lede)
                below = sentence.index not in lede
                if below and expression.value < reported and not _dates_an_incident(sentence, expression, language):
                    score = min(score, STATEMENT_DATE_SCORE)  # an earlier happening, told below the newest
            if is_dated_caption(sentence.text, language):
                # a photo caption's day ("..., in Kyiv, Ukraine, Oct. 10, 2022.") is the picture's: the text
                # dates the happening, the caption only where the text does not
                score = min(score, STATEMENT_DATE_SCORE)
        if score <= 0:
            continue
        if expression.statement:  # one day's quotes are one day of statements, however many are quoted
            score = max(0.0, score - said.get(expression.value, 0.0))
            said[expression.value] = said.get(expression.value, 0.0) + score
        scores[expression.value] += score
        first_seen.setdefault(expression.value, expression.start)
        precision[expression.value] = expression.precision
    candidates = [v for v in scores if scores[v] > 0 and v in precision]
    if not candidates:
        return article.date.isoformat(), "day"
    best = max(candidates, key=lambda v: (scores[v], -first_seen[v]))
    if best not in title_dates:
        said_on = _headline_news_day(article, sentences, expressions, lede, best, language)
        if said_on:
            return said_on, "day"
    return best, precision[best]


def _headline_news_day(
    article: Article,
    sentences: list[Sentence],
    expressions: list[DateExpression],
    lede: set[int],
    best: str,
    language: Language,
) -> str | None:
    """A headline that reports a saying or an act done that day is dated by that day (`_day_said`), not by the
    incident the text dates best; an act the lede dates itself ("charged Deripaska on Thursday") keeps it."""
    if not headline_states(article, language) and not (
        headline_acts(article, language)
        and not _lede_dates_act(article.title, best, expressions, sentences, lede, language)
    ):
        return None
    # a headline that recalls an incident ("... strike that killed 50") may tell a follow-up of it: only a day
    # the lede gives tells the saying apart, not the day it was published
    recalls = _headline_recalls(article.title, language)
    return _day_said(article, sentences, expressions, lede, best, language, told_only=recalls)


def _lede_dates_act(
    title: str,
    day: str,
    expressions: list[DateExpression],
    sentences: list[Sentence],
    lede: set[int],
    language: Language,
) -> bool:
    """Whether a sentence of the lede that tells the headline's act in its words ("Deripaska charged ..." and
    "charged Deripaska on Thursday") gives it this day, not a saying nor an incident it names ("the raid on
    Tuesday"): then the act was done on it."""
    told = _act_told(title, language)
    return told is not None and any(
        e.value == day
        and e.sentence in lede
        and not e.statement
        and told.search(sentences[e.sentence].text)
        and not _dates_an_incident(sentences[e.sentence], e, language)
        for e in expressions
    )


def _act_told(title: str, language: Language) -> re.Pattern | None:
    """The headline's act verbs in any of their forms ("bans", "banned"), to find where the text tells them."""
    cues = language.article
    stems = {cues.verb_ending.sub("", m.group().casefold()) for m in cues.headline_act.finditer(title)}
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(stems)))})\w*", re.I) if stems else None


CAPTION_TAIL_CHARS = 300  # a caption's place and day close its sentence: ", in Kyiv, Ukraine, March 2, 2022."


def is_dated_caption(text: str, language: Language) -> bool:
    """Whether the sentence closes as a wire photo caption does. Only its end is read: it is asked once per date
    in the sentence, and a sentence of 3,000 dates must cost no more per date than a short one."""
    return bool(language.article.dated_caption.search(text[-CAPTION_TAIL_CHARS:]))


def headline_states(article: Article, language: Language) -> bool:
    """The headline reports a saying ("Zelensky denies ordering attack on bridge", "... – Moscow"), not an
    incident told as done ("Amnesty says Russian jet bombed theatre")."""
    return _headline_tells(article, language.article.headline_statement, language)


def headline_acts(article: Article, language: Language) -> bool:
    """The headline tells an act done on the day it is reported, in the present ("Duma ratifies treaties", "NATO
    begins exercises", "Russia bans Johnson"), not an incident ("strike kills 22"): a report days after the
    happening its lede recalls is that day's news."""
    return _headline_tells(article, language.article.headline_act, language)


def _headline_tells(article: Article, words: re.Pattern, language: Language) -> bool:
    """The article's own headline has one of these words and tells no incident as done. An incident in a
    relative clause ("... says strike that killed 50 was genocide") is recalled: the saying is the news."""
    if article.title_from_text or not words.search(article.title):
        return False
    return all(_incidents_recalled(article.title, language))


def _headline_recalls(title: str, language: Language) -> bool:
    return any(_incidents_recalled(title, language))


def _incidents_recalled(text: str, language: Language) -> list[bool]:
    """For each incident verb of the text, whether it is in a relative clause ("the strike that killed 50"):
    recalled, not told."""
    recalled_before = language.article.recalled_before
    return [
        bool(recalled_before.search(text, max(0, m.start() - RECALLED_CHARS), m.start()))
        for m in language.article.headline_incident.finditer(text)
    ]


def _day_said(
    article: Article,
    sentences: list[Sentence],
    expressions: list[DateExpression],
    lede: set[int],
    incident: str,
    language: Language,
    told_only: bool = False,
) -> str | None:
    """A saying reported more than a day after the incident it is about is that day's news, and the incident its
    background. The day is the lede's newest date after the incident's, else (unless `told_only`) the day of
    publication; None when that is within a day of the incident (a reaction told as part of it)."""
    published = article.date.isoformat()
    told = [
        e.value
        for e in expressions
        if e.sentence in lede
        and e.value
        and e.precision == "day"
        and incident < e.value <= published
        and not _to_come(e, sentences[e.sentence], article, language)
    ]
    said_on = max(told, default=None if told_only else published)
    if said_on is None:
        return None
    return said_on if (first_day(said_on) - first_day(incident)).days > FOLLOW_UP_DAYS else None


def _lede_report_day(
    article: Article, sentences: list[Sentence], expressions: list[DateExpression], lede: set[int], language: Language
) -> str:
    """The inverted pyramid: the lede tells the newest happening, dated by the newest day it gives a happening
    ("was bombed on Wednesday"), or, where it dates none, by the day it was reported ("shelled the mall,
    officials said on Wednesday"); a day before that one, named below the lede without naming a happening of
    its own ("On Tuesday, forces bombarded ...", "about 20,000 left the city on Tuesday"), is an earlier
    happening, however often the background names it. "" when the lede gives no day."""
    published = article.date.isoformat()
    said, happened = "", ""
    for expression in expressions:
        sentence = sentences[expression.sentence]
        if sentence.index not in lede or not expression.value or expression.value > published or expression.since:
            continue
        if expression.statement:
            said = max(said, expression.value)
        elif not _to_come(expression, sentence, article, language):
            happened = max(happened, expression.value)
    return happened or said


def _to_come(expression: DateExpression, sentence: Sentence, article: Article, language: Language) -> bool:
    """Today, in a clause of the future: what is to come, not what happened."""
    return expression.value == article.date.isoformat() and bool(
        language.dates.future_before.search(text_before(sentence.text, expression.start - sentence.start))
    )


def _lede(sentences: list[Sentence], most: int = LEAD_SENTENCES) -> set[int]:
    """The lede: the first paragraph of text (not the furniture above it), at most its first few sentences,
    since a text without paragraph breaks is one long paragraph."""
    text = [s for s in sentences if s.role == "text"]
    return {s.index for s in text[:most] if s.paragraph == text[0].paragraph}


def _background_period(
    expression: DateExpression, article: Article, title_dates: set[str], news_of_incident: bool
) -> bool:
    """A month or a year other than the report's own ("in April", "back in 2014", "could hit £6,552 in April")
    is background or what is to come: news reports what happened in the last days. So is a day weeks before
    it, named only in the text, unless the report's news is an incident told as done (an inquiry's finding
    that the March strike killed 600)."""
    if expression.precision != "day":
        return not article.date.isoformat().startswith(expression.value[:7])
    weeks_back = (article.date - first_day(expression.value)).days > BACKGROUND_DAYS
    return weeks_back and expression.value not in title_dates and not news_of_incident


def _tells_incident(article: Article, sentences: list[Sentence], language: Language) -> bool:
    """Whether the headline (without one, the first sentence) tells an incident as done, not in a clause that
    recalls it."""
    text = article.title
    if article.title_from_text:
        text = next((s.text for s in sentences if s.role == "text"), "")
    return not all(_incidents_recalled(text, language))


def _incident_date_score(
    expression: DateExpression, sentence: Sentence, language: Language, title_dates: set[str]
) -> float:
    """How strongly a date that is not a statement's dates the article's happening."""
    score = 1.0
    score += 3 if expression.value in title_dates else 0
    score += 1 if expression.sentence < 2 else 0
    score += 2 if names_an_event(sentence.text, language) else 0
    score += 3 if expression.precision == "day" and _dates_an_incident(sentence, expression, language) else 0
    score -= 1 if expression.precision != "day" else 0
    return score


def _dates_an_incident(sentence: Sentence, expression: DateExpression, language: Language) -> bool:
    """'the attack on Friday', "Friday's strike", 'the July 29 attack': the date names the happening itself."""
    start, end = expression.start - sentence.start, expression.end - sentence.start
    return bool(
        language.article.incident_before.search(sentence.text[max(0, start - 40) : start])
        or language.article.incident_after.match(sentence.text, end)
    )


def _staleness(value: str, article: Article, in_lede: bool) -> int:
    """News is mostly about the last few days: a date weeks back is more likely background, all the more
    when it is named only further down, where background paragraphs are."""
    days = (article.date - first_day(value)).days
    if in_lede:
        return 0 if days <= 7 else 1 if days <= 45 else 2 if days <= 365 else 4
    return 0 if days <= 7 else 1 if days <= 21 else 4 if days <= 365 else 6


def names_an_event(text: str, language: Language) -> bool:
    return first_match_end(text, language.article.event_words) is not None


@lru_cache(maxsize=256)
def first_match_end(text: str, pattern: re.Pattern) -> int | None:
    """Found once per sentence, not once per date in it: a long sentence of dates stays linear."""
    match = pattern.search(text)
    return match.end() if match else None
