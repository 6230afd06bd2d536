"""The attribution words of a language (reporting verbs, subject stops, source labels...), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..phrases import key_words
from ..rules import Rules, alternation


@dataclass(frozen=True)
class AttributionCues:
    """The per-language patterns and word sets tried on every verb and subject, built once."""

    reporting_verbs: re.Pattern
    toll_idiom: re.Pattern  # "claimed the lives of 53": a reporting verb that here counts the dead
    article_end: re.Pattern  # "an (estimated)", "the (alleged)": right after an article, a participle is an adjective
    only_time_words: re.Pattern  # "Wednesday", "on Monday": a time, not a speaker
    according_to: re.Pattern  # "according to X"
    version: re.Pattern  # "the Russian version"
    bare_determiner: re.Pattern  # "according to the": no one named
    relative_pronoun: re.Pattern  # "an attack that (officials said)"
    article_start: re.Pattern
    definite_start: re.Pattern
    conjunction_start: re.Pattern  # "and the ministry (said)"
    time_phrase_end: re.Pattern  # "on Monday morning" closing a subject or a trailing speaker
    subject_time_words: frozenset
    antecedent_pronouns: frozenset  # "it said": the body named last in the clause
    speaker_pronouns: frozenset  # "he said": the last speaker
    passive_before: re.Pattern
    noun_before: re.Pattern
    auxiliary_end: re.Pattern
    run_in_start: re.Pattern  # "... explosion The official (said)": a sentence run into the last one
    anaphor: re.Pattern
    speaker_noun: re.Pattern
    continuation: re.Pattern
    back_reference: re.Pattern
    clause_breaks: tuple[re.Pattern, ...]
    non_speakers: frozenset
    subject_prepositions: frozenset
    subject_stops: frozenset
    subject_keep_ed: frozenset
    sentence_openers: frozenset
    agent_end: re.Pattern
    noun_homographs: frozenset
    that_after: re.Pattern
    statement_of: re.Pattern
    agent_after: re.Pattern
    source_label: re.Pattern
    after_tail: re.Pattern
    citing_verbs: frozenset
    cited_as: re.Pattern
    object_pronouns: frozenset
    information_carrier: re.Pattern
    information_only: re.Pattern
    institution_heads: dict
    # a word each match of these patterns holds (`phrases.may_hold`): most clauses hold none
    reporting_keys: frozenset | None
    statement_keys: frozenset | None
    according_keys: frozenset | None
    version_keys: frozenset | None


def _toll_idiom(rules: Rules) -> re.Pattern:
    """'claimed the lives of 53', 'claimed three lives': the verb, at most three words, the object."""
    verbs, objects = alternation(rules.words("toll_idiom_verbs")), alternation(rules.words("toll_idiom_objects"))
    return re.compile(rf"(?:{verbs})\s+(?:\S+\s+){{0,3}}?(?:{objects})", re.I)


def build_attribution_cues(rules: Rules) -> AttributionCues:
    return AttributionCues(
        reporting_verbs=re.compile(alternation(rules.words("reporting_verbs")), re.I),
        toll_idiom=_toll_idiom(rules),
        article_end=re.compile(rf"(?:^|\s)(?:{alternation(rules.words('articles'))})\s+$", re.I),
        only_time_words=re.compile(rf"(?:(?:{alternation([*rules.weekdays, *rules.months])})[\s,.]*)+", re.I),
        according_to=re.compile(rf"(?:{alternation(rules.words('according_to'))})\s+([^,;:]+)", re.I),
        bare_determiner=re.compile(alternation(rules.words("determiners")), re.I),
        relative_pronoun=re.compile(rf"\b(?:{alternation(rules.words('relative_pronouns'))})\s+"),
        article_start=re.compile(rf"(?:{alternation(rules.words('articles'))})\s", re.I),
        definite_start=re.compile(rf"(?:{alternation(rules.words('definite_articles'))})\s", re.I),
        conjunction_start=re.compile(rf"^(?:{alternation(rules.words('subject_conjunctions'))})\s+", re.I),
        time_phrase_end=re.compile(
            rf"\s+(?:{alternation(rules.words('time_phrase_openers'))})\s+[\w']+"
            rf"(?:\s+(?:{alternation(rules.words('day_parts'))}))?$",
            re.I,
        ),
        subject_time_words=frozenset(w.lower() for w in rules.words("subject_time_words")),
        antecedent_pronouns=frozenset(w.lower() for w in rules.words("antecedent_pronouns")),
        speaker_pronouns=frozenset(w.lower() for w in rules.words("speaker_pronouns")),
        version=re.compile(
            rf"\b(?:{alternation(rules.words('definite_articles'))})\s+([\w'’ -]{{2,40}}?)\s+"
            rf"(?:{alternation(rules.words('version_nouns'))})",
            re.I,
        ),
        passive_before=re.compile(rf"(?:{alternation(rules.words('passive_markers'))})\s+(?:\w+\s+)?$", re.I),
        noun_before=re.compile(rf"(?:{alternation(rules.words('noun_markers'))})\s+$", re.I),
        auxiliary_end=re.compile(rf"\s+(?:{alternation(rules.words('auxiliaries'))})$", re.I),
        run_in_start=re.compile(
            rf"(?<![\w'’-])[a-z][\w'’-]*\s+(?=(?:{alternation([w.title() for w in rules.words('articles')])})\s+\w)"
        ),
        anaphor=re.compile(rf"(?:{alternation(rules.words('anaphors'))})", re.I),
        speaker_noun=re.compile(alternation(rules.words("speaker_nouns")), re.I),
        continuation=re.compile(rf"(?:{alternation(rules.words('continuations'))})\b", re.I),
        back_reference=re.compile(rf"^(?:{alternation(rules.words('back_references'))})", re.I),
        clause_breaks=tuple(re.compile(re.escape(b)) for b in rules.words("clause_breaks")),
        non_speakers=frozenset(rules.words("non_speakers")),
        subject_prepositions=frozenset(rules.words("subject_prepositions")),
        subject_stops=frozenset(rules.words("subject_stops")),
        subject_keep_ed=frozenset(rules.words("subject_keep_ed")),
        sentence_openers=frozenset(rules.words("sentence_openers")),
        noun_homographs=frozenset(w.lower() for w in rules.words("noun_homographs")),
        that_after=re.compile(rf"\s+(?:{alternation(rules.words('complementizers'))})\b", re.I),
        statement_of=re.compile(
            rf"(?:^|[,;]\s*|\b(?:{alternation(rules.words('noun_markers'))})\s+)([\w'’ -]{{2,60}}?)['’]s\s+"
            rf"(?:{alternation(rules.words('statement_nouns'))})\s+(?:{alternation(rules.words('complementizers'))})\b",
            re.I,
        ),
        agent_end=re.compile(rf"(?:{alternation(rules.words('agent_markers'))})\s+([^,;:]{{2,80}})$", re.I),
        agent_after=re.compile(
            rf"\s+(?:{alternation(rules.words('agent_prepositions'))})\s+([^,;:]{{2,80}}?)\s*(?:[,;:.]|$)", re.I
        ),
        source_label=re.compile(rf"^(?:{alternation(rules.words('source_labels'))})\s*:\s*(.{{2,120}})$", re.I | re.S),
        after_tail=re.compile(rf"\s+(?:{alternation(rules.words('after_speaker_tails'))})\b.*$", re.I | re.S),
        citing_verbs=frozenset(w.lower() for w in rules.words("citing_verbs")),
        cited_as=re.compile(rf"\s+([^,;:]{{2,80}}?)\s+(?:{alternation(rules.words('cited_as'))})\s", re.I),
        object_pronouns=frozenset(w.lower() for w in rules.words("object_pronouns")),
        information_carrier=re.compile(rf"(?:{alternation(rules.words('information_carriers'))})\s+", re.I),
        information_only=re.compile(
            rf"(?:[\w'’-]+\s+){{0,3}}(?:{alternation(rules.words('information_nouns'))})", re.I
        ),
        institution_heads={
            word.lower(): head for head, words in (rules.table.get("institution_heads") or {}).items() for word in words
        },
        reporting_keys=key_words(rules.words("reporting_verbs")),
        statement_keys=key_words(rules.words("statement_nouns")),
        according_keys=key_words(rules.words("according_to")),
        version_keys=key_words(rules.words("version_nouns")),
    )
