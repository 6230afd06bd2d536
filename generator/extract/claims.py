"""Claims: who a sentence credits with its figures.

Read clause by clause ("Russia fired 20 missiles; X said 12 were shot down"
credits X only with the 12): a figure belongs to the nearest reporting verb's
subject before it ("Moscow confirmed ... 63"), else to a trailing one
("..., the governor said"), else to "according to X"; a pronoun or "the
ministry" points back to the actor named last. A figure nobody is credited
with is the outlet's own (party `other`, no claimant).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..actors import Registry
from ..phrases import may_hold
from .cues import AttributionCues
from .reach import text_after, text_before
from .sentences import ends_in_initials
from .sources import Attribution, Context, party_in_context

if TYPE_CHECKING:
    from .language import Language

MAX_SUBJECT_WORDS = 9
TRAILING_REST = re.compile(r"[^.;]{0,60}[.;]?\s*$")
WORD_CHAR = re.compile(r"\w")
SEGMENT_BREAK = re.compile(r",\s*|\s[-–—]\s")
NUMBER_OR_QUOTE = re.compile(r"[\d\"“”«»]|\.\s+\S")
HEADLINE_SOURCE = re.compile(r"^((?:[\w'’.-]+\s+){0,4}[\w'’.-]+):\s+\S")
OPENING_QUOTE = re.compile(r"['‘’]")


def clause_spans(text: str, language: Language) -> list[tuple[int, int]]:
    breaks = sorted(m.start() for b in language.attribution.clause_breaks for m in b.finditer(text))
    spans, start = [], 0
    for position in breaks:
        if position > start:
            spans.append((start, position))
            start = position
    spans.append((start, len(text)))
    return spans


CLAIMANT_EDGES = " ,;:\"'“”«»‘’-–—•"
LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
TITLE_CASE_SHARE = 0.8  # of a text's words of four letters or more, this many capitalised: a title-case headline


def attributions_in(text: str, language: Language, registry: Registry, context: Context) -> list[Attribution]:
    """Every attribution in one clause of text, in order."""
    found: list[Attribution] = []
    cues = language.attribution
    for match, before, after, passive in _reporting_verbs(text, language):
        if passive:
            agent = cues.agent_after.match(after)
            if agent and _names_a_speaker(agent.group(1), language):  # "was announced by Deputy Head X"
                claimant = _trim_claimant(agent.group(1))
                found.append(
                    Attribution(claimant, party_in_context(claimant, language, registry, context), match.start())
                )
            continue  # "explosions were reported": no one is reporting
        claimant = _cited_source(after, match.group(0), language) or _speaker_before(
            before, language, registry, context
        )
        trailing = not WORD_CHAR.search(after.split(",")[0]) or _is_trailing(text, match)
        if not claimant:
            claimant = _speaker_after(before, after, language)
            trailing = bool(claimant)
        if claimant and not cues.only_time_words.fullmatch(claimant):  # "Wednesday" said nothing
            party = party_in_context(claimant, language, registry, context)
            found.append(Attribution(claimant, party, match.start(), trailing))
    statements = cues.statement_of.finditer(text) if may_hold(cues.statement_keys, text) else ()
    for match in statements:  # "the ministry's statement that ...": the ministry
        claimant = _trim_claimant(match.group(1))
        if claimant and _names_a_speaker(claimant, language):
            found.append(Attribution(claimant, party_in_context(claimant, language, registry, context), match.start(1)))
    for pattern, keys in ((cues.according_to, cues.according_keys), (cues.version, cues.version_keys)):
        for match in pattern.finditer(text) if may_hold(keys, text) else ():
            claimant = _according_source(match.group(1), language, registry, context)
            if claimant and not language.attribution.bare_determiner.fullmatch(claimant):
                found.append(
                    Attribution(claimant, party_in_context(claimant, language, registry, context), match.start())
                )
    return sorted(found, key=lambda a: a.start)


def _reporting_verbs(text: str, language: Language) -> Iterator[tuple[re.Match, str, str, bool]]:
    """Each reporting verb of the text, with the text before and after it and whether it is passive ("was
    announced"); a verb read as a noun, a name, an adjective or a toll ("claimed the lives") is none."""
    cues = language.attribution
    if not may_hold(cues.reporting_keys, text):
        return
    for match in cues.reporting_verbs.finditer(text):
        before, after = text_before(text, match.start()), text_after(text, match.end())
        if cues.passive_before.search(before):
            yield match, before, after, True
            continue
        if _read_as_noun(match, before, text, cues):
            continue  # "preliminary reports", "a UN estimate": a noun, not a verb
        named = match.group(0)[:1].isupper() and before.strip() and not _title_case(text)
        if named or cues.article_end.search(before):
            continue  # "the United States", "an estimated 160,000": a name, or an adjective after an article
        if cues.toll_idiom.match(text, match.start()):
            continue  # "the attack claimed the lives of 53": no one is claiming
        yield match, before, after, False


def labelled_source(sentence: str, language: Language, registry: Registry, context: Context) -> Attribution | None:
    """'Source: the regional police on Telegram': a line that names the source of the text around it."""
    cues = language.attribution
    label = cues.source_label.match(sentence.strip())
    if not label:
        return None
    claimant = _trim_claimant(cues.after_tail.sub("", label.group(1)))
    if not claimant or not _names_a_speaker(claimant, language):
        return None
    return Attribution(claimant, party_in_context(claimant, language, registry, context), 0, True)


def headline_source(headline: str, language: Language, registry: Registry, context: Context) -> Attribution | None:
    """'Kyiv mayor: 3 killed in strike', 'Zelensky: 12 dead': a headline that names its source before a colon."""
    prefix = HEADLINE_SOURCE.match(headline.strip())
    if not prefix:
        return None
    claimant = prefix.group(1).strip()
    named = registry.alias_pattern and registry.alias_pattern.fullmatch(claimant)
    if not (named or language.attribution.speaker_noun.search(claimant)) or not _names_a_speaker(claimant, language):
        return None
    return Attribution(claimant, party_in_context(claimant, language, registry, context), 0, False)


def _title_case(text: str) -> bool:
    """A headline in title case ('Russia Says Missile Hits Station'): its verbs are capitalised too."""
    words = LONG_WORD.findall(text)
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _read_as_noun(verb: re.Match, before: str, text: str, cues: AttributionCues) -> bool:
    """'preliminary reports say' is a noun; 'the Kremlin media reports that' and 'an official said' are verbs."""
    if verb.group(0).lower() not in cues.noun_homographs or not cues.noun_before.search(before):
        return False
    return not cues.that_after.match(text, verb.end())


def _speaker_before(before: str, language: Language, registry: Registry, context: Context) -> str | None:
    """'X said', or the agent of a passive: 'investigations cited by the prosecutor's office confirmed'."""
    subject = subject_of(before, language, registry)
    if subject and language.attribution.information_only.fullmatch(subject):
        return None  # "preliminary reports say": no one is named
    if subject:
        return resolve_claimant(subject, before, language, registry, context)
    agent = language.attribution.agent_end.search(before.rstrip())
    if agent and _names_a_speaker(agent.group(1), language):
        return _trim_claimant(agent.group(1))
    return None


def speakers_named(text: str, language: Language) -> list[str]:
    """Who the text's reporting verbs say spoke, as written ("Defense Minister Sergey Shoigu has said"), read
    without a registry: to tell that two reports quote one person, not to credit figures to a party."""
    return [
        speaker
        for _, before, after, passive in _reporting_verbs(text, language)
        if not passive and (speaker := subject_of(before, language) or _speaker_after(before, after, language))
    ]


def _speaker_after(before: str, after: str, language: Language) -> str | None:
    """The inverted order of news copy: '..., said the regional governor, Oleh Syniehubov.'"""
    if not before.rstrip().endswith((",", "”", '"', "’", "»", "—", "–", "-")):  # "«...», - написал"
        return None
    phrase = language.attribution.time_phrase_end.sub("", after.strip().rstrip(".").strip())
    phrase = language.attribution.after_tail.sub("", phrase).strip(" ,")
    words = phrase.split()
    if not words or len(words) > MAX_SUBJECT_WORDS + 5 or words[0].lower() in language.attribution.non_speakers:
        return None
    if phrase.lower().startswith(tuple(f"{p} " for p in language.attribution.subject_prepositions)):
        return None
    return _trim_claimant(phrase) if _names_a_speaker(phrase, language) else None


def _cited_source(after: str, verb: str, language: Language) -> str | None:
    """'Reuters cited Kyiv officials as saying ...': the officials, not the agency, are the source."""
    cues = language.attribution
    if verb.lower() not in cues.citing_verbs:
        return None
    cited = cues.cited_as.match(after)
    if cited and _names_a_speaker(cited.group(1), language):
        return _trim_claimant(cited.group(1))
    return None


def _according_source(phrase: str, language: Language, registry: Registry, context: Context) -> str | None:
    """'according to him' is the last speaker, 'according to the statement' the one who made it; 'according to
    reports by the AP' is the AP; data names no one."""
    cues = language.attribution
    claimant = _trim_claimant(phrase)
    if not claimant:
        return None
    if claimant.lower() in cues.object_pronouns:
        return context.last.claimant if context.last else None
    carrier = cues.information_carrier.match(claimant)
    if carrier:
        claimant = claimant[carrier.end() :]
        if not claimant.strip():
            return None
    if cues.information_only.fullmatch(claimant):
        return None  # "according to preliminary information": no one is named
    if cues.anaphor.fullmatch(claimant) and context.last:
        return resolve_claimant(claimant, "", language, registry, context)
    return _trim_claimant(claimant)


def _is_trailing(text: str, match: re.Match) -> bool:
    """', Ukrainian officials said.' at a clause's end credits what came before it."""
    return bool(TRAILING_REST.match(text, match.end())) and text.rfind(",", 0, match.start()) >= 0


def subject_of(before: str, language: Language, registry: Registry | None = None) -> str | None:
    """The noun phrase right before a reporting verb, without openers, auxiliaries or dates."""
    text = before.rstrip()
    if not _title_case(text):  # a subheading pasted without its full stop: the speaker is in the new sentence
        text = text[max((m.end() for m in language.attribution.run_in_start.finditer(text)), default=0) :]
    auxiliary_end = language.attribution.auxiliary_end
    for _ in range(3):
        cut = language.attribution.time_phrase_end.sub("", auxiliary_end.sub("", text))
        if cut == text:
            break  # nothing more to cut: another round would cut nothing either
        text = cut
    after_relative = language.attribution.relative_pronoun.split(text)[-1].strip()
    if after_relative and not text.endswith(","):  # "X, a country that borders Y, (said)": an aside, closed
        text = after_relative  # "an attack that Ukrainian officials (said)"
    segments = [s.strip() for s in SEGMENT_BREAK.split(text) if s.strip()]
    if not segments:
        return None
    cues = language.attribution
    if len(segments) >= 2 and cues.relative_pronoun.search(segments[-1]) and cues.article_start.match(segments[-1]):
        segments = segments[:-1]  # "X, a country that borders Y, (said)": the aside describes X
    found = _subject_from_segments(segments, language, registry)
    if not found and len(segments) >= 2 and segments[-1][:1].islower():
        # an aside between the speaker and the verb: "X, during a speech at the UN, announced"
        found = _subject_from_segments(segments[:-1], language, registry)
    return found


def _subject_from_segments(segments: list[str], language: Language, registry: Registry | None) -> str | None:
    subject = segments[-1]
    if (
        len(segments) >= 2
        and (language.attribution.article_start.match(subject) or subject[:1].islower())
        and _looks_like_name(segments[-2])
    ):
        subject = f"{segments[-2]}, {subject}"  # "Rostyslav Smirnov, an adviser to the interior minister"
    elif (
        len(segments) >= 2
        and _looks_like_name(subject)
        and language.attribution.definite_start.match(segments[-2])
        and len(segments[-2].split()) <= MAX_SUBJECT_WORDS
    ):
        subject = f"{segments[-2]}, {subject}"  # "the regional governor, Oleh Syniehubov"
    subject = _strip_opener(subject, language)
    subject = language.attribution.conjunction_start.sub("", subject)
    tail = _noun_phrase_tail(subject, language)
    if registry is None or registry.mentions(tail) or not registry.mentions(subject):
        subject = tail  # but keep "a reconstruction by the Associated Press published in May"
    if not subject or len(subject.split()) > MAX_SUBJECT_WORDS * 2:
        return None
    known = registry is not None and registry.alias_pattern is not None and registry.alias_pattern.fullmatch(subject)
    return subject if known or _names_a_speaker(subject, language) else None  # a registered name, even in lower case


def _names_a_speaker(subject: str, language: Language) -> bool:
    """A claimant is someone: a name, or a word for people or bodies ('officials', 'the ministry')."""
    if NUMBER_OR_QUOTE.search(subject) or OPENING_QUOTE.match(subject):
        return False  # a number or a quotation is not a speaker
    cues = language.attribution
    first = subject.split()[0].lower()
    if first in cues.non_speakers or first in cues.subject_prepositions:
        return False
    if cues.anaphor.fullmatch(subject):
        return True
    words = subject.split()
    if len(words) == 1 and words[0].lower() in cues.sentence_openers:
        return False  # "As noted, ...": an opener, not a speaker
    # a capital at the start may only open the sentence: it names someone alone ("Moscow"), not in "Devastating losses"
    proper = any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())
    return proper or bool(cues.speaker_noun.search(subject))


def _noun_phrase_tail(subject: str, language: Language) -> str:
    """Keep the words after the last verb or conjunction: 'Blinken noted a UN' -> 'a UN'."""
    stops = language.attribution.subject_stops
    keep_ed = language.attribution.subject_keep_ed
    words = subject.split()
    start = 0
    for i, word in enumerate(words):
        bare = word.lower().strip("(),.\"'“”")
        if bare in stops or (bare.endswith("ed") and bare not in keep_ed and "-" not in bare and word[:1].islower()):
            start = i + 1
    return " ".join(words[start:])


def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _strip_opener(subject: str, language: Language) -> str:
    cues = language.attribution
    openers = cues.sentence_openers
    calendar = set(language.rules.months) | set(language.rules.weekdays)
    words = subject.split()
    if words and words[0].lower() in openers and len(words) > 1:
        i = 1
        # skip the opener's phrase ("As of 6 a.m. on 31 December"), but keep a speaker noun ("the governor")
        while (
            i < len(words) - 1
            and not cues.speaker_noun.fullmatch(words[i].strip(",."))
            and (
                words[i].lower() in openers
                or words[i].lower() in cues.subject_time_words
                or words[i].lower().strip(",.") in calendar
                or any(c.isdigit() for c in words[i])
                or words[i].islower()
            )
        ):
            i += 1
        words = words[i:]
    return " ".join(words).strip(" \"'“”")


def resolve_claimant(subject: str, before: str, language: Language, registry: Registry, context: Context) -> str | None:
    """Turn 'he' or 'the ministry' into the actor it points back to."""
    anaphor = language.attribution.anaphor.fullmatch(subject.strip())
    if not anaphor:
        return _trim_claimant(subject)
    head = subject.lower().split()[-1]
    earlier = registry.mentions(before[: max(0, len(before) - len(subject))])
    if earlier and head in language.attribution.antecedent_pronouns:
        return earlier[-1][2]
    for attribution in reversed(context.history or []):
        if head in attribution.claimant.lower() or head in language.attribution.speaker_pronouns:
            return attribution.claimant
    if context.last:
        return context.last.claimant
    # "the governor said" with no governor named before: the role itself is the claimant; a bare pronoun is no one
    return None if len(subject.split()) == 1 else _trim_claimant(subject)


def _trim_claimant(text: str) -> str | None:
    """The claimant without the punctuation around it; a closing abbreviation keeps its full stop ('the U.N.')."""
    text = text.strip(CLAIMANT_EDGES)
    core = text.strip(CLAIMANT_EDGES + ".")
    if text.endswith(".") and ends_in_initials(core + "."):
        core += "."
    return core or None
