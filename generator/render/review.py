"""What a maintainer checked, on the pages: figure marks, an event's checked count, "Report a problem" links.

Takes figures and events (and the site's `repo_url` and `site_url` from
mkdocs.yml) and gives HTML fragments. A mark is a symbol with a text
alternative and a tooltip, never colour alone. A report link is a plain link
to the repository's new-issue form with the title and body filled in: it
needs no script, and with no `repo_url` there is nowhere to report, so none
is drawn.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..model import Claim, Event, Figure
from ..validate import URL
from .format import KIND_LABEL, escape, hedged

CHECKED = ("✓", "checked by a maintainer")
CORRECTED = ("✎", "corrected by a maintainer")


def review_mark(figure: Figure, words: str = "") -> str:
    """✓ for a figure a maintainer checked, ✎ for one they corrected or added; '' for one only machine-read."""
    if not (figure.checked or figure.corrected):
        return ""
    symbol, meaning = CORRECTED if figure.corrected else CHECKED
    label = escape(f"{words}: {meaning}" if words else meaning)
    kind = "corrected" if figure.corrected else "checked"
    return f' <span class="tl-review tl-{kind}" role="img" aria-label="{label}" title="{label}">{symbol}</span>'


def figure_words(figure: Figure) -> str:
    """'Killed: about 400', as a reader says it (for tooltips and report forms)."""
    return f"{KIND_LABEL.get(figure.kind, figure.kind)}: {hedged(figure.value, figure.qualifier)}"


def claim_review_marks(claim: Claim) -> str:
    """A quote's marks: each reviewed figure of the claim, named."""
    return "".join(review_mark(f, figure_words(f)) for f in claim.figures)


def checked_count(event: Event) -> str:
    """'2 of 9 figures checked by a maintainer (1 corrected)': how far a person vouches for the table."""
    figures = [f for c in event.claims for f in c.figures]
    if not figures:
        return ""
    checked = sum(f.checked or f.corrected for f in figures)
    corrected = sum(f.corrected for f in figures)
    extra = f" ({corrected} corrected)" if corrected else ""
    noun = "figure" if len(figures) == 1 else "figures"
    return (
        f'<p class="tl-review-count">{CHECKED[0]} {checked} of {len(figures)} {noun} checked by a maintainer'
        f"{escape(extra)}; {CORRECTED[0]} marks a corrected one, the rest are as the machine read them.</p>"
    )


def report_url(repo_url: str, site_url: str, event: Event, figure: str = "") -> str:
    """The repository's new-issue form, with the event's title, address and the figure in question filled in."""
    if not repo_url or not URL.match(repo_url):
        return ""  # only a web address: a repo_url such as 'javascript:...' must never become a link
    address = site_url.rstrip("/") + "/" + event.page if site_url else event.page
    title = f"Problem on '{event.title}'" + (f": {figure}" if figure else "")
    body = "\n".join(
        [
            f"Event: {event.title}",
            f"Address: {address}",
            f"Figure: {figure or '(which one?)'}",
            "",
            "What is wrong, and what the source says:",
        ]
    )
    query = urlencode({"title": title, "body": body}, quote_via=quote)
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def report_link(url: str, text: str = "Report a problem", css: str = "tl-report") -> str:
    """A plain link (escaped once, here) that opens the form; '' when there is no repository to report to."""
    if not url:
        return ""
    return f'<a class="{css}" href="{escape(url)}" rel="noopener">{escape(text)}</a>'
