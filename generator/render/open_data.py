"""The "Open data" page: what each published data file holds, its columns and fields, and how it may be used.

Takes the site's look-ups (for the counts) and gives one page; the CSV's columns come from the table the CSV
writer uses (data_files/claims_csv.py), so the page and the file cannot drift apart.
"""

from __future__ import annotations

from ..data_files.claims_csv import COLUMNS, FORMULA_STARTS
from ..data_files.feed import FEED_EVENTS, FEED_PATH
from .format import escape
from .pages import Page, SiteIndex, link_to, page

URL = "open-data/"


def open_data_page(index: SiteIndex) -> Page:
    timeline = index.timeline
    figures = sum(len(c.figures) for e in timeline.events for c in e.claims)
    claims = sum(len(e.claims) for e in timeline.events)

    def link(path: str) -> str:
        return f'<a href="{link_to(URL, path)}"><code>{escape(path)}</code></a>'

    columns = "".join(f"<tr><td><code>{escape(n)}</code></td><td>{escape(d)}</td></tr>" for n, d in COLUMNS)
    named = {"\t": "a tab", "\r": "a carriage return"}
    shown = [named.get(c) or f"<code>{escape(c)}</code>" for c in FORMULA_STARTS]
    starts = ", ".join(shown[:-1]) + " or " + shown[-1]
    body = [
        "<h1>Open data</h1>",
        "<p>Everything the site shows is published as data, built from the same model as the pages, so you can "
        "count, compare and check without reading HTML. Every file is UTF-8 and is rebuilt with the site: the same "
        "content gives the same bytes.</p>",
        f"<p>This build: {len(timeline.articles):,} articles, {len(timeline.events):,} events, {claims:,} claims "
        f"giving {figures:,} figures.</p>",
        f"<h2>{link('data/timeline.json')}</h2>",
        "<p>The whole dataset as JSON: the parties; every article (id, file, publication date, title, outlet, "
        "original address, language, its main event or <code>null</code> when it reports no happening of its own, "
        "dated references); every event (date at its precision, every date the sources give, place, the articles "
        "that report or mention it, related events, its claims, each with claimant, party, quote, the quote's "
        "character span in the article and its figures, and the discrepancies between parties).</p>",
        f"<h2>{link('data/timeline.schema.json')}</h2>",
        "<p>A JSON Schema (draft 2020-12) of <code>timeline.json</code>: every field, its type and what it means. "
        "The project's tests validate every build they make against it.</p>",
        f"<h2>{link('data/claims.csv')}</h2>",
        "<p>One row per figure (the same figures as <code>timeline.json</code>), for a spreadsheet or a data "
        "frame: comma-separated, double-quoted where needed, a header row, these columns:</p>",
        f'<table class="tl-columns"><thead><tr><th scope="col">column</th><th scope="col">what it holds</th></tr>'
        f"</thead><tbody>{columns}</tbody></table>",
        f"<p>A text cell that begins with {starts} starts with an apostrophe (<code>'</code>): spreadsheets would "
        "otherwise run it as a formula, and they show a leading apostrophe as a mark that the cell is text. A "
        "program reading the file removes an apostrophe that comes before one of those characters (a quote that "
        "begins with an apostrophe of its own keeps it). Numbers, dates and ids never carry the mark.</p>",
        f"<h2>{link(FEED_PATH)}</h2>",
        f"<p>An Atom feed of the {FEED_EVENTS} newest events (by the date of the event): title, date, place, "
        "number of sources and who gave which figures. Dates come from the articles, so the feed changes only "
        "when the content does. Feed readers find it from any page of the site.</p>",
        "<h2>Licence notes</h2>",
        "<p>The data files hold what the build read out of the articles: titles, outlets, addresses, dates and the "
        "sentences that give figures, quoted to show where each figure comes from. They never hold an article's "
        "full text. The articles' texts and those quotes remain their publishers' work: cite the outlet and the "
        "original address (the <code>source_url</code> column) when you use a quote. Figures are claims by the "
        "parties and outlets named, read by a program; check a figure against its sentence before relying on "
        "it.</p>",
    ]
    return page("open-data.md", "Open data", body)
