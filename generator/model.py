"""Plain typed data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, so each stage can be
tested alone and `timeline.json` is just this model serialised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

Value = int | tuple[int, int]
"""A figure's value: a count, or a (low, high) range."""

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
SCOPES = ("event", "part", "total")
FIGURE_KINDS = ("killed", "injured", "missing", "captured", "displaced", "missiles", "drones", "other")
"""The kinds of figure (GOLD.md), in the order pages and comparisons list them."""


def precision_of(value: str) -> str:
    """'2023-01-01' is a day, '2022-02' a month, '2014' a year: dates are kept at the precision they are known."""
    return {10: "day", 7: "month"}.get(len(value), "year")


@lru_cache(maxsize=100_000)  # clustering asks for the same few thousand dates on every candidate pair
def first_day(value: str) -> date:
    """The first day a date string can mean: '2022-02' -> 1 February 2022."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Problem:
    """A user's mistake in a content file: where it is and how to fix it."""

    path: str
    line: int
    message: str
    fix: str
    severity: str = "error"  # "error" stops a build; "warning" is shown only

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message} (fix: {self.fix})"


@dataclass(frozen=True)
class Article:
    """One article file, read but not yet interpreted."""

    id: str
    path: str
    date: date
    title: str
    outlet: str | None
    url: str | None
    language: str
    body: str  # the text that claim spans index into
    title_from_text: bool = False
    republish: bool | None = None  # front matter `republish:`; None: not said
    license: str | None = None  # front matter `license:` (e.g. CC-BY-4.0): the text's terms allow republishing

    @property
    def republishable(self) -> bool:
        """May the site publish the full text? Our own writing (no url) may; a linked article only when its
        front matter says so (`republish: true`, or a `license:`); `republish: false` always wins."""
        if self.republish is not None:
            return self.republish
        return self.url is None or self.license is not None


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offset in Article.body
    end: int
    paragraph: int
    index: int
    role: str = "text"  # text | headline | furniture (captions, bylines, teasers, menus: no claims, no events)
    dateline: int = 0  # length of a leading dateline ("KYIV, Jan 4 (Reuters) -"): where and when it was filed


@dataclass(frozen=True)
class Figure:
    kind: str  # killed | injured | missing | captured | missiles | drones | displaced | other
    value: Value
    qualifier: str  # exact | approx | at_least | at_most | range
    start: int  # offsets of the number in Article.body
    end: int
    scope: str = "event"  # event (this happening's count) | part (a sub-count) | total (cumulative, war-wide)
    checked: bool = False  # a maintainer looked at it (content/corrections.yml)
    corrected: bool = False  # a maintainer changed it, or added it
    population: str = ""  # who it counts where the text says (civilians, soldiers, children); "" when it does not


@dataclass(frozen=True)
class Claim:
    """Figures that one sentence credits to one claimant (or to the outlet)."""

    id: str
    article: str
    claimant: str | None
    party: str
    quote: str
    span: tuple[int, int]
    figures: tuple[Figure, ...]
    sentence: int
    context: str = ""  # one sentence beside the quote (the one before it, else the one after), for quoting pages
    towns: tuple[str, ...] = ()  # the towns and regions its sentence names, where it was counted
    elsewhere: bool = False  # ... none of them its event's place: another happening's count (set by assembly)


@dataclass(frozen=True)
class EventCandidate:
    """Something dated that an article reports: its main event or a passing mention."""

    date: str
    precision: str
    place: str | None
    title: str
    sentence: int  # the sentence that dates it
    main: bool


@dataclass(frozen=True)
class Extraction:
    """What the extract stage reads out of one article."""

    article: Article
    lead: str  # the first sentences, for comparing what articles are about
    claims: tuple[Claim, ...]
    main: EventCandidate | None
    mentions: tuple[EventCandidate, ...]
    claim_events: tuple[int, ...] = ()  # per claim: -1 for main, else index into mentions


@dataclass(frozen=True)
class Discrepancy:
    """Parties that give one happening's count of one kind and population differently."""

    kind: str
    values: dict[str, list]  # party -> sorted distinct values
    articles: tuple[str, ...]
    population: str = ""  # who the compared figures count, where their texts say


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: str
    date_precision: str
    date_reported: dict[str, list[str]]  # date -> article ids giving it
    place: str | None
    articles: tuple[str, ...]  # every article that reports or mentions it
    main_articles: tuple[str, ...]  # articles whose main event this is
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
    related: tuple[str, ...] = ()  # ids of events linked by shared articles
    curated: bool = False  # listed by a maintainer in events.yml, with no article that reports it
    aliases: tuple[str, ...] = ()  # earlier ids (merged or renamed events) whose pages redirect here

    @property
    def page(self) -> str:
        return f"events/{self.id}/"


@dataclass(frozen=True)
class Timeline:
    """The whole built dataset: what the pages and timeline.json show."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    article_event: dict[str, str]  # article id -> its main event id (absent: it reports no happening of its own)
    problems: tuple[Problem, ...] = ()
    generated_from: str = "content"
    parties: dict[str, str] = field(default_factory=dict)  # party key -> label
    references: dict[str, tuple[EventCandidate, ...]] = field(default_factory=dict)  # dated mentions, no event
    no_event: dict[str, str] = field(default_factory=dict)  # article id -> why it reports no happening
    spellings: tuple[tuple[str, ...], ...] = ()  # names the tables spell several ways, each name's spellings: search


@dataclass(frozen=True)
class Override:
    """A maintainer's decision about grouping, from `content/events.yml`; it always wins.

    `articles` name the event: listing several merges them into one event
    (or pins an article to another's event); `separate` takes the listed
    articles out into an event of their own; the rest retitle, re-date or
    re-place the event, or fix its id. An entry with no articles is a
    curated event (context such as the start of the invasion): its title,
    date and place put it on the timeline, and mentions of it link to it.
    """

    articles: tuple[str, ...]
    path: str
    line: int
    title: str | None = None
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    place: str | None = None
    id: str | None = None
    separate: bool = False

    @property
    def is_curated(self) -> bool:
        """A curated event: an entry with a title and a date and no articles."""
        return not self.articles and bool(self.title) and bool(self.date)


@dataclass(frozen=True)
class Correction:
    """A maintainer's fix to what the extractor read, from `content/corrections.yml`; applied after extraction.

    `quote` finds the sentence (words of it, so it survives changed ids); `figure` picks one of its figures
    ("killed" or "killed 63"). `action` is `set` (the `changes`), `drop`, `add` (a figure from `changes`),
    `check` (right as it stands) or `move` (the article's main happening, or the mention dated in the quoted
    sentence, to the event `event`; "" for none).
    """

    article: str
    path: str
    line: int
    action: str
    quote: str | None = None
    figure: str | None = None
    changes: tuple[tuple[str, object], ...] = ()
    event: str | None = None


@dataclass(frozen=True)
class EventMoves:
    """Grouping decisions from `corrections.yml`: an article's main happening, or one of its mentions, moved
    to the event with the given id ("" for none). They win over clustering and mention linking."""

    main: dict[str, str] = field(default_factory=dict)  # article id -> event id
    mentions: dict[tuple[str, int], str] = field(default_factory=dict)  # (article id, mention index) -> event id
