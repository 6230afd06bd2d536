"""Formatting for pages: escaping, dates at their precision, hedged figures, slugs.

Everything that comes from an article (titles, quotes, claimants, places) goes
through `text()` before it reaches a page, and pages put it inside raw HTML
blocks, so Markdown, HTML and templates never interpret it.
"""

from __future__ import annotations

import html

from ..model import FIGURE_KINDS, Value
from ..slug import slugify

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
HEDGE_SIGN = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤", "range": ""}
HEDGE_WORDS = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "up to ", "range": "between "}
KIND_LABEL = {
    "killed": "Killed",
    "injured": "Injured",
    "missing": "Missing",
    "captured": "Captured",
    "displaced": "Displaced",
    "missiles": "Missiles and rockets",
    "drones": "Drones",
    "other": "Other counts",
}
KIND_ORDER = FIGURE_KINDS


MARKUP_CHARACTERS = str.maketrans({c: f"&#{ord(c)};" for c in "{}[]*_`\\#|!<>~^"})


def text(value: object) -> str:
    """Article-derived text, safe inside HTML and inert for Markdown and templates."""
    escaped = html.escape("" if value is None else str(value), quote=True)
    # in one pass, so an entity made here is never escaped again
    return escaped.translate(MARKUP_CHARACTERS)


def front_matter_text(value: object) -> str:
    """A page title for YAML front matter: escaped, quoted, on one line."""
    flat = " ".join(html.escape(str(value or ""), quote=True).split())
    return '"' + flat.replace("\\", "\\\\").replace('"', "&quot;") + '"'


def human_date(value: str, precision: str) -> str:
    """'2023-01-01' -> '1 January 2023'; '2022-02' -> 'February 2022'; '2014' -> '2014'."""
    parts = value.split("-")
    if precision == "year" or len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if precision == "month" or len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def number(value: Value) -> str:
    return f"{value[0]:,}–{value[1]:,}" if isinstance(value, tuple) else f"{value:,}"


def hedged(value: Value, qualifier: str) -> str:
    """Compact, for table cells: '~400', '≥400', '5–7'."""
    return HEDGE_SIGN.get(qualifier, "") + number(value)


def hedged_words(value: Value, qualifier: str) -> str:
    return HEDGE_WORDS.get(qualifier, "") + (
        f"{value[0]:,} and {value[1]:,}" if isinstance(value, tuple) else f"{value:,}"
    )


def spread(values: list) -> str:
    """The range of a discrepancy's values: '63–400'."""
    numbers = [v for item in values for v in (item if isinstance(item, tuple) else (item,))]
    low, high = min(numbers), max(numbers)
    return f"{low:,}–{high:,}" if low != high else f"{low:,}"


def slug(value: str) -> str:
    return slugify(value) or "x"
