"""What distinguishes a happening: the words of an article's headline and lead, weighted by rarity.

Two reports of one strike share its names, places, numbers and rare words
("Chaplyne", "22", "station"); two pieces of one busy day in Kyiv share only
"Ukraine", "Russian", "said". Each word weighs by how few articles of the
build use it (an inverse document frequency), and two articles are compared
by the cosine of their weighted word sets.

The weight depends only on the power of two below the word's document count
(1, 2-3, 4-7, ...), never on the size of the build: adding an article
changes the weight of a word only when its count crosses a power of two,
and `changed_words` names those words so incremental clustering can
re-cluster exactly the days whose similarities moved. We count the words
ourselves rather than with scikit-learn's TfidfVectorizer: the vocabulary
is a few thousand words per day, the comparisons are between a handful of
candidates, and the buckets are what keeps re-clustering exact.

An outlet's furniture is no part of what a report says: a sentence that
opens its articles of three days or more (a newsletter's "This is your War
Briefing", "The BBC is not responsible for the content of external sites",
the caption of a video it embeds again and again) gives its words to no
article. Wire copy told twice on one day keeps its words.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain

import yaml

from ..extract.language import language_for
from ..extract.sentences import split_sentences
from ..model import Extraction, Sentence
from .reports import SHAPES_FILE

WORD = re.compile(r"[^\W_][\w'’-]*[^\W_]|\d+", re.U)
NUMBER = re.compile(r"^\d[\d,.]*$")
HEADLINE_WEIGHT = 2.0  # the headline says what the piece is about; the lead adds detail
TOP_BUCKET = 14  # a word in 2**14 articles or more weighs nothing
BOILERPLATE_DAYS = 3  # an outlet's sentence in the leads of its articles of this many days is its furniture
STOPWORDS = frozenset(yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))["stopwords"])


SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")  # "es" is a plural ending only after these: crashes, taxes


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """A crude English stem that meets a word's plural, past and -ing forms: 'strike', 'strikes' and
    'striking'; 'drone' and 'drones'; 'announced' and 'announces'; 'casualty' and 'casualties'."""
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "es" and not word[:-2].endswith(SIBILANT_ENDINGS):
                suffix = "s"  # "strikes" is "strike" + s, not "strik" + es
            elif suffix == "s" and word.endswith(("ss", "us", "is")):
                break  # "press", "status", "analysis" are no plurals
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word  # "strike" meets "striking"


def headline_of(extraction: Extraction) -> str:
    return "" if extraction.article.title_from_text else extraction.article.title


def headline_and_lead(extraction: Extraction) -> str:
    title = "" if extraction.article.title_from_text else extraction.article.title
    return f"{title} {extraction.lead}"


@lru_cache(maxsize=1 << 16)  # a serve session groups the same headlines and leads after every edit
def words_of(text: str) -> frozenset[str]:
    """The distinguishing words of a text: no stopwords, numbers kept, crude stems."""
    return frozenset(filter(None, map(_word, WORD.findall(text.lower()))))


BRITISH = (  # a British spelling and its American one are one word: "theatre" and "theater" name one building
    (re.compile(r"^(\w{3,})tre(s?)$"), r"\1ter\2"),  # theatre, centre, metre
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites)?$"), r"\1or\2"),  # colour, labour, rumours, favourite
    (re.compile(r"^(def|off|lic|pret)ence(s?)$"), r"\1ense\2"),  # defence, offences
    (re.compile(r"^(\w{3,})isation(s?)$"), r"\1ization\2"),  # mobilisation
    (re.compile(r"^programme(s?)$"), r"program\1"),
)


@lru_cache(maxsize=500_000)
def _word(token: str) -> str:
    word = token.replace("’", "'").removesuffix("'s")
    if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
        return ""
    return word.replace(",", "") if NUMBER.match(word) else _stem(one_latin_spelling(_american(word)))


CYRILLIC_ENDINGS = ("yy", "iy")  # Зеленський read in Latin letters: "Zelenskyy", "Zelenskiy", "Zelensky"


def one_latin_spelling(word: str) -> str:
    """A name read from Cyrillic ends in "yy", "iy" or "y" as the outlet transliterates it: one word."""
    return word[:-2] + "y" if len(word) > 5 and word.endswith(CYRILLIC_ENDINGS) else word


def _american(word: str) -> str:
    for pattern, american in BRITISH:
        if pattern.match(word):
            return pattern.sub(american, word)
    return word


def lead_sentences(extraction: Extraction, sentences: list[Sentence] | None = None) -> list[str]:
    """The sentences of an article's lead (`sentences`, when already split), each with its spacing made plain."""
    if sentences is None:
        sentences = split_sentences(extraction.lead, language_for(extraction.article.language))
    return [" ".join(s.text.split()) for s in sentences]


def sentence_digest(sentence: str) -> str:
    return hashlib.blake2b(sentence.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def boilerplate_of(extractions: list[Extraction], digests: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The digests of the lead sentences each outlet opens its articles of BOILERPLATE_DAYS days or more with."""
    opening = Counter(chain.from_iterable(digests[x.article.id] for x in extractions))
    repeated = {digest for digest, count in opening.items() if count >= BOILERPLATE_DAYS}  # most open one article
    days: dict[tuple[str | None, str], set] = defaultdict(set)
    for x in extractions:
        for digest in repeated.intersection(digests[x.article.id]):
            days[(x.article.outlet, digest)].add(x.article.date)
    return frozenset(digest for (_, digest), seen in days.items() if len(seen) >= BOILERPLATE_DAYS)


class Vocabulary:
    """Each article's distinguishing words (headline and lead, and the headline's alone), read once a build."""

    def __init__(self, extractions: list[Extraction], readings: dict | None = None):
        if readings:  # what `readings.read_texts` read of each article
            self.words = {x.article.id: readings[x.article.id].words for x in extractions}
            self.heads = {x.article.id: readings[x.article.id].heads for x in extractions}
            self.sentences = {x.article.id: readings[x.article.id].lead_sentences for x in extractions}
        else:
            self.words = {x.article.id: words_of(headline_and_lead(x)) for x in extractions}
            self.heads = {x.article.id: words_of(headline_of(x)) for x in extractions}
            self.sentences = {x.article.id: tuple(map(sentence_digest, lead_sentences(x))) for x in extractions}
        self.boilerplate = boilerplate_of(extractions, self.sentences)
        for x in extractions:
            digests = self.sentences[x.article.id]
            if not self.boilerplate.isdisjoint(digests):
                kept = (s for s, d in zip(lead_sentences(x), digests, strict=True) if d not in self.boilerplate)
                self.words[x.article.id] = words_of(f"{headline_of(x)} {' '.join(kept)}")
        self.weights = WordWeights(list(self.words.values()))
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        self._head_vectors: dict[str, tuple[dict[str, float], float]] = {}

    def vector(self, article_id: str) -> tuple[dict[str, float], float]:
        """Rarity weights of the article's words (a headline's count HEADLINE_WEIGHT times) and their norm."""
        found = self._vectors.get(article_id)
        if found is None:
            weight, head = self.weights.weight, self.heads[article_id]
            vector = {w: weight(w) * (HEADLINE_WEIGHT if w in head else 1.0) for w in self.words[article_id]}
            found = self._vectors[article_id] = _with_norm(vector)
        return found

    def headline_cosine(self, a: str, b: str) -> float:
        """The cosine of the two headlines alone: leads differ in length and detail, headlines say what happened."""
        return _cosine(self._headline_vector(a), self._headline_vector(b))

    def _headline_vector(self, article_id: str) -> tuple[dict[str, float], float]:
        found = self._head_vectors.get(article_id)
        if found is None:
            found = self._head_vectors[article_id] = _with_norm(
                {w: self.weights.weight(w) for w in self.heads[article_id]}
            )
        return found

    def cosine(self, a: str, b: str) -> float:
        return _cosine(self.vector(a), self.vector(b))


def _with_norm(vector: dict[str, float]) -> tuple[dict[str, float], float]:
    return vector, math.sqrt(sum(v * v for v in vector.values())) or 1.0


def _cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    """The cosine of two weighted word sets, each with its norm."""
    (va, na), (vb, nb) = a, b
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(v * vb[w] for w, v in va.items() if w in vb) / (na * nb)


def bucket(count: int) -> int:
    return min(TOP_BUCKET, int(math.log2(count))) if count > 0 else 0


class WordWeights:
    """Document counts of words over the whole build, read as rarity buckets."""

    def __init__(self, word_sets: list[frozenset[str]]):
        self.counts: Counter = Counter(chain.from_iterable(word_sets))  # one count over all, in the same order
        self.buckets = {w: bucket(c) for w, c in self.counts.items()}

    def weight(self, word: str) -> float:
        return (TOP_BUCKET - self.buckets.get(word, 0)) / TOP_BUCKET

    def changed_words(self, previous: dict[str, int]) -> set[str]:
        """Words whose bucket differs from the last build's (new and vanished words included)."""
        changed = {w for w, b in self.buckets.items() if previous.get(w) != b}
        return changed | (previous.keys() - self.buckets.keys())

    def rare(self, words: frozenset[str], top_bucket: int) -> list[str]:
        """The words rare enough to find candidates by (their bucket at most `top_bucket`)."""
        return [w for w in words if self.buckets.get(w, 0) <= top_bucket]
