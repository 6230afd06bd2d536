"""Formatting for pages: escaping, dates at their precision, hedged figures, slugs.

Every value that becomes part of a page, text or attribute (titles, quotes,
claimants, places, ids, links), goes through `escape()`, one table applied in
one pass, so HTML, Markdown and templates never interpret it and a browser
shows exactly the value.
"""

from __future__ import annotations

import re

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


# Every character that HTML, Markdown or a template could read as markup, mapped to what shows it as itself.
# One table, applied in one pass: an entity made here is never escaped again.
HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
MARKUP_CHARACTERS = "{}[]*_`\\#|!~^"  # Markdown's and Jinja's
NOT_SHOWABLE = {0, *range(0xD800, 0xE000)}  # NUL and lone surrogates: a browser shows U+FFFD for them
ESCAPES = str.maketrans(
    {**dict.fromkeys(NOT_SHOWABLE, "\ufffd"), **{c: f"&#{ord(c)};" for c in MARKUP_CHARACTERS}, **HTML_SPECIALS}
)
# what YAML cannot carry as it is (PyYAML's reader refuses it), for page titles in front matter
NOT_YAML_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(value: object) -> str:
    """Any value as HTML text or as an attribute value (quoted with "): a browser shows exactly the value."""
    return ("" if value is None else str(value)).translate(ESCAPES)


def front_matter_text(value: object) -> str:
    """A page title for YAML front matter: escaped (so no quote or backslash is left), quoted, on one line."""
    flat = escape(" ".join(str(value or "").split()))
    return '"' + NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", flat) + '"'


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
