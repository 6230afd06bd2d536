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
from dataclasses import dataclass
from functools import cache

from .actors import Registry
from .model import Claim, Figure, Sentence
from .rules import Rules, alternation, rules_for

MAX_SUBJECT_WORDS = 9


@dataclass(frozen=True)
class Attribution:
    claimant: str
    party: str
    start: int  # position of the verb or phrase in the sentence
    trailing: bool = False


@dataclass
class Context:
    """What earlier sentences of the article said, for 'he added' and 'the ministry said'."""

    last: Attribution | None = None
    last_paragraph: int = -1
    history: list[Attribution] | None = None


@cache
def _verb_pattern(language: str) -> re.Pattern:
    return re.compile(alternation(rules_for(language).words("reporting_verbs")), re.I)


@cache
def _according_pattern(language: str) -> re.Pattern:
    rules = rules_for(language)
    return re.compile(rf"(?:{alternation(rules.words('according_to'))})\s+([^,;:]+)", re.I)


@cache
def _version_pattern(language: str) -> re.Pattern:
    return re.compile(r"\b(?:the|la)\s+([\w'’ -]{2,40}?)\s+(?:version|versión)\b", re.I)


def clause_spans(text: str, rules: Rules) -> list[tuple[int, int]]:
    breaks = sorted(m.start() for b in rules.words("clause_breaks") for m in re.finditer(re.escape(b), text))
    spans, start = [], 0
    for position in breaks:
        if position > start:
            spans.append((start, position))
            start = position
    spans.append((start, len(text)))
    return spans


def attributions_in(text: str, rules: Rules, registry: Registry, context: Context) -> list[Attribution]:
    """Every attribution in one clause of text, in order."""
    found: list[Attribution] = []
    for match in _verb_pattern(rules.language).finditer(text):
        before = text[: match.start()]
        if re.search(rf"(?:{alternation(rules.words('passive_markers'))})\s+(?:\w+\s+)?$", before, re.I):
            continue  # "explosions were reported": no one is reporting
        if re.search(rf"(?:{alternation(rules.words('noun_markers'))})\s+$", before, re.I):
            continue  # "preliminary reports", "a UN estimate": a noun, not a verb
        subject = subject_of(before, rules, registry)
        if not subject:
            continue
        claimant = resolve_claimant(subject, text[: match.start()], rules, registry, context)
        if claimant:
            party, _ = registry.party_of(claimant)
            trailing = not re.search(r"\w", text[match.end() :].split(",")[0]) or _is_trailing(text, match)
            found.append(Attribution(claimant, party, match.start(), trailing))
    for pattern in (_according_pattern(rules.language), _version_pattern(rules.language)):
        for match in pattern.finditer(text):
            claimant = _trim_claimant(match.group(1))
            if claimant and not re.fullmatch(r"(?:its|his|her|their|the|a|an)", claimant, re.I):
                party, _ = registry.party_of(claimant)
                found.append(Attribution(claimant, party, match.start()))
    return sorted(found, key=lambda a: a.start)


def _is_trailing(text: str, match: re.Match) -> bool:
    """', Ukrainian officials said.' at a clause's end credits what came before it."""
    return bool(re.match(r"[^.;]{0,60}[.;]?\s*$", text[match.end() :])) and "," in text[: match.start()]


def subject_of(before: str, rules: Rules, registry: Registry | None = None) -> str | None:
    """The noun phrase right before a reporting verb, without openers, auxiliaries or dates."""
    text = before.rstrip()
    auxiliaries = alternation(rules.words("auxiliaries"))
    for _ in range(3):
        text = re.sub(rf"\s+(?:{auxiliaries})$", "", text, flags=re.I)
        text = re.sub(
            r"\s+(?:on|in|at|last|this|early|late)\s+[\w']+(?:\s+(?:morning|afternoon|evening|night))?$",
            "",
            text,
            flags=re.I,
        )
    after_relative = re.split(r"\b(?:that|which|who|que)\s+", text)[-1].strip()
    if after_relative:
        text = after_relative  # "an attack that Ukrainian officials (said)"
    segments = [s.strip() for s in re.split(r",\s*|\s[-–—]\s", text) if s.strip()]
    if not segments:
        return None
    subject = segments[-1]
    if (
        len(segments) >= 2
        and (re.match(r"(?:an?|the|el|la)\s", subject, re.I) or subject[:1].islower())
        and _looks_like_name(segments[-2])
    ):
        subject = f"{segments[-2]}, {subject}"  # "Rostyslav Smirnov, an adviser to the interior minister"
    elif (
        len(segments) >= 2
        and _looks_like_name(subject)
        and re.match(r"(?:the|el|la)\s", segments[-2], re.I)
        and len(segments[-2].split()) <= MAX_SUBJECT_WORDS
    ):
        subject = f"{segments[-2]}, {subject}"  # "the regional governor, Oleh Syniehubov"
    subject = _strip_opener(subject, rules)
    subject = re.sub(r"^(?:and|but|while|as|when|because|although|y|pero|mientras)\s+", "", subject, flags=re.I)
    tail = _noun_phrase_tail(subject, rules)
    if registry is None or registry.mentions(tail) or not registry.mentions(subject):
        subject = tail  # but keep "a reconstruction by the Associated Press published in May"
    if not subject or len(subject.split()) > MAX_SUBJECT_WORDS * 2:
        return None
    return subject if _names_a_speaker(subject, rules) else None


def _names_a_speaker(subject: str, rules: Rules) -> bool:
    """A claimant is someone: a name, or a word for people or bodies ('officials', 'the ministry')."""
    if re.search(r"[\d\"“”«»]|\.\s+\S", subject) or re.match(r"['‘’]", subject):
        return False  # a number or a quotation is not a speaker
    first = subject.split()[0].lower()
    if first in rules.words("non_speakers") or first in rules.words("subject_prepositions"):
        return False
    if re.fullmatch(rf"(?:{alternation(rules.words('anaphors'))})", subject, re.I):
        return True
    words = subject.split()
    # a capital at the start may only open the sentence: it names someone alone ("Moscow"), not in "Devastating losses"
    proper = any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())
    return proper or bool(re.search(alternation(rules.words("speaker_nouns")), subject, re.I))


def _noun_phrase_tail(subject: str, rules: Rules) -> str:
    """Keep the words after the last verb or conjunction: 'Blinken noted a UN' -> 'a UN'."""
    stops = set(rules.words("subject_stops"))
    keep_ed = set(rules.words("subject_keep_ed"))
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


def _strip_opener(subject: str, rules: Rules) -> str:
    openers = set(rules.words("sentence_openers"))
    words = subject.split()
    if words and words[0].lower() in openers and len(words) > 1:
        i = 1
        while i < len(words) - 1 and (
            words[i].lower() in openers or words[i].lower() in TIME_WORDS or words[i].islower()
        ):
            i += 1
        words = words[i:]
    return " ".join(words).strip(" \"'“”")


TIME_WORDS = {
    "the",
    "day",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "time",
    "same",
    "late",
    "early",
    "later",
    "earlier",
    "then",
    "a",
    "of",
    "in",
    "on",
}


def resolve_claimant(subject: str, before: str, rules: Rules, registry: Registry, context: Context) -> str | None:
    """Turn 'he' or 'the ministry' into the actor it points back to."""
    anaphor = re.fullmatch(rf"(?:{alternation(rules.words('anaphors'))})", subject.strip(), re.I)
    if not anaphor:
        return _trim_claimant(subject)
    head = subject.lower().split()[-1]
    earlier = registry.mentions(before[: max(0, len(before) - len(subject))])
    if earlier and head in ("it", "they", "which", "who", "que"):
        return earlier[-1][2]
    for attribution in reversed(context.history or []):
        if head in attribution.claimant.lower() or head in ("he", "she", "it", "they", "which", "who", "él", "ella"):
            return attribution.claimant
    return context.last.claimant if context.last else None


def _trim_claimant(text: str) -> str | None:
    text = text.strip(" .\"'“”")
    return text or None


def claims_in_sentence(
    sentence: Sentence,
    figures: list[Figure],
    article_id: str,
    language: str,
    registry: Registry,
    context: Context,
    next_id: int,
) -> list[Claim]:
    """Group a sentence's figures by whom they are credited to; update the context."""
    rules = rules_for(language)
    by_claimant: dict[tuple[str | None, str], list[Figure]] = {}
    continues = re.match(rf"(?:{alternation(rules.words('continuations'))})\b", sentence.text, re.I)
    seen_any = False
    for clause_start, clause_end in clause_spans(sentence.text, rules):
        clause = sentence.text[clause_start:clause_end]
        attributions = attributions_in(clause, rules, registry, context)
        for attribution in attributions:
            seen_any = True
            context.history = (context.history or []) + [attribution]
            context.last = attribution
        for figure in figures:
            position = figure.start - sentence.start
            if not clause_start <= position < clause_end:
                continue
            credited = _credited(attributions, position - clause_start)
            if credited is None and continues and context.last and context.last_paragraph >= sentence.paragraph - 1:
                credited = context.last
            key = (credited.claimant, credited.party) if credited else (None, "other")
            by_claimant.setdefault(key, []).append(figure)
    if seen_any:
        context.last_paragraph = sentence.paragraph
    claims = []
    for offset, ((claimant, party), credited_figures) in enumerate(by_claimant.items()):
        claims.append(
            Claim(
                id=f"{article_id}-c{next_id + offset}",
                article=article_id,
                claimant=claimant,
                party=party,
                quote=sentence.text,
                span=(sentence.start, sentence.end),
                figures=tuple(credited_figures),
                sentence=sentence.index,
            )
        )
    return claims


def _credited(attributions: list[Attribution], position: int) -> Attribution | None:
    before = [a for a in attributions if a.start <= position]
    if before:
        return before[-1]
    after = [a for a in attributions if a.start > position]
    return after[0] if after else None
