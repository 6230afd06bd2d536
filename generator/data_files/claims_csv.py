"""`data/claims.csv`: every figure of `timeline.json` as one spreadsheet row.

Takes the `Timeline` and gives CSV text (RFC 4180: comma-separated, double quotes, CRLF line ends, UTF-8 without
a byte-order mark). A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a
carriage return) starts with an apostrophe, the convention spreadsheets read as "this is text"; numbers, dates
and ids are never changed, so only quotes, titles, claimants and outlets can carry the mark.
"""

from __future__ import annotations

import csv
import io

from ..model import Article, Claim, Event, Figure, Timeline

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    ("event", "the event's id (its page is events/<id>/)"),
    ("event_title", "the event's title"),
    ("date", "the event's date: YYYY-MM-DD, YYYY-MM or YYYY, at the precision it is known"),
    ("place", "the event's place, as the gazetteer names it"),
    ("party", "the side the claimant speaks for: a key of timeline.json's parties (russia, ukraine, usa, un, other)"),
    ("claimant", "who gave the figure, in the article's words; empty when the outlet gives it itself"),
    ("kind", "killed, injured, missing, captured, displaced, missiles, drones or other"),
    ("value", "the count; a range is low-high"),
    ("value_low", "the count, or the low end of a range"),
    ("value_high", "the count, or the high end of a range"),
    ("qualifier", "exact, approx, at_least, at_most or range"),
    ("scope", "event (this happening), part (a sub-count) or total (cumulative)"),
    ("population", "who the figure counts where the text says (civilians, soldiers, children); empty otherwise"),
    ("outlet", "the outlet that published the article"),
    ("article", "the article's id (its page is articles/<id>/)"),
    ("published", "the article's publication date"),
    ("quote", "the sentence that gives the figure, as the article wrote it"),
    ("source_url", "the article's original address"),
    ("claim", "the claim's id: the anchor of its sentence on the article's page"),
    ("checked", "true when a maintainer checked the figure (content/corrections.yml)"),
    ("corrected", "true when a maintainer corrected it"),
)


def spreadsheet_safe(text: str | None) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe before it."""
    text = text or ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def figure_row(event: Event, claim: Claim, figure: Figure, article: Article | None) -> list[str]:
    low, high = figure.value if isinstance(figure.value, tuple) else (figure.value, figure.value)
    value = f"{low}-{high}" if isinstance(figure.value, tuple) else str(figure.value)
    return [
        event.id,
        spreadsheet_safe(event.title),
        event.date,
        spreadsheet_safe(event.place),
        claim.party,
        spreadsheet_safe(claim.claimant),
        figure.kind,
        value,
        str(low),
        str(high),
        figure.qualifier,
        figure.scope or "",
        figure.population,
        spreadsheet_safe(article.outlet if article else ""),
        claim.article,
        article.date.isoformat() if article else "",
        spreadsheet_safe(claim.quote),
        spreadsheet_safe(article.url if article else ""),
        claim.id,
        _flag(figure.checked),
        _flag(figure.corrected),
    ]


def _flag(value: object) -> str:
    return "true" if value else "false"


def claims_csv(timeline: Timeline) -> str:
    """One row per figure, in timeline.json's order (events, their claims, their figures)."""
    articles = {a.id: a for a in timeline.articles}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    for event in timeline.events:
        for claim in event.claims:
            for figure in claim.figures:
                writer.writerow(figure_row(event, claim, figure, articles.get(claim.article)))
    return out.getvalue()
