"""Event pages: the summary, the dates each source gives, the comparison table, the sources, related events.

Takes one `Event` (with the site's look-ups) and gives its page; every
figure links to the sentence on the article page that gives it.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Claim, Discrepancy, Event, precision_of
from .format import KIND_LABEL, KIND_ORDER, escape, hedged, human_date, slug, spread
from .pages import Page, SiteIndex, actor_url, article_url, event_label, link_to, page, place_url
from .review import checked_count, claim_review_marks, figure_words, report_link, report_url, review_mark
from .search import SearchFacts
from .summary import event_summary

CELL_ENTRIES = 10  # who-said-what lines in one table cell
SOURCE_CARDS = 40  # sources shown with their quotes on an event page
SOURCE_LINKS = 400  # further sources listed as links


def event_page(index: SiteIndex, event: Event) -> Page:
    url = event.page
    body = [
        f"<h1>{escape(event.title)}</h1>",
        '<p class="tl-meta">'
        f'<span class="tl-date">{human_date(event.date, event.date_precision)}</span>'
        + (f' · <a href="{link_to(url, place_url(event.place))}">{escape(event.place)}</a>' if event.place else "")
        + f" · {escape(sources_label(event))}</p>",
    ]
    summary = event_summary(event, index.labels)
    if summary:
        body.append(f'<p class="tl-summary">{escape(summary)}</p>')
    body.append(_dates_reported(index, event))
    body.append(_comparison_table(index, event, url))
    body.append(_source_cards(index, event, url))
    body.append(_related(index, event, url))
    report = report_link(report_url(index.repo_url, index.site_url, event))
    body.append(f'<p class="tl-report-line">{report} (opens a new issue in the repository)</p>' if report else "")
    label = event_label(event)
    return page(f"events/{event.id}.md", label, body, _search_facts(index, event), index.spellings)


def _search_facts(index: SiteIndex, event: Event) -> SearchFacts:
    """An event's result says 'Event' and its date; the search page finds it by its parties, place, outlets, year."""
    sources = [index.articles[i] for i in event.main_articles if i in index.articles]
    filters = [("Type", "Event"), ("Year", event.date[:4])]
    filters += [("Party", index.party(claim.party)) for claim in event.claims]
    filters += [("Place", event.place)] if event.place else []
    filters += [("Outlet", article.outlet) for article in sources if article.outlet]
    return SearchFacts(8.0, "Event", human_date(event.date, event.date_precision), tuple(filters))


def sources_label(event: Event) -> str:
    """How many articles report the event (mentions are not sources); a curated event says so."""
    count = len(event.main_articles)
    if event.curated:
        return f"context listed by the maintainers · recalled by {len(event.articles)}"
    return f"{count} source{'s' if count != 1 else ''}"


def redirect_page(event: Event, alias: str) -> Page:
    """The old address of a merged or renamed event: a small page that sends the reader on."""
    url = f"events/{alias}/"
    target = link_to(url, event.page)
    body = [
        f'<meta http-equiv="refresh" content="0; url={target}">',
        f'<p>This event has moved: <a href="{target}">{escape(event.title)}</a>.</p>',
    ]
    return page(f"events/{alias}.md", event.title, body)


def _dates_reported(index: SiteIndex, event: Event) -> str:
    """Every date the sources give, with who gives it: where they differ, the reader sees it first."""
    if not event.date_reported:
        return ""
    disputed = len(event.date_reported) > 1
    numbers = _source_numbers(event)
    items = []
    for value, ids in sorted(event.date_reported.items()):
        precision = precision_of(value)
        names = ", ".join(
            (f'<a class="tl-src" href="#source-{numbers[i]}">[{numbers[i]}]</a> ' if i in numbers else "")
            + escape(_source_name(index, i))
            for i in ids[:12]
        ) + (" …" if len(ids) > 12 else "")
        items.append(f"<li><strong>{human_date(value, precision)}</strong>: {names}</li>")
    heading = "Sources disagree on the date" if disputed else "Date given by the sources"
    marker = ' <span class="tl-flag" title="sources disagree">≠</span>' if disputed else ""
    return f'<h2 id="dates">{heading}{marker}</h2>\n<ul class="tl-dates">{"".join(items)}</ul>'


def _source_name(index: SiteIndex, article_id: str) -> str:
    article = index.articles.get(article_id)
    if article is None:
        return article_id
    return article.outlet or article.title


SCOPE_HEADINGS = {  # sub-counts and war-wide totals are shown apart from this happening's counts, labelled
    "event": "",
    "part": " · sub-counts (part of a count above)",
    "total": " · war-wide or cumulative totals (not this happening's count)",
}


def _comparison_table(index: SiteIndex, event: Event, url: str) -> str:
    """One group of rows per figure kind and scope, one row per party that gives it: however many parties
    there are, the table is two columns wide, so a phone or a printed page shows every figure without a
    sideways swipe. A party's figures are listed by date, so its updates read as they came."""
    cells = _figure_cells(index, event, url)
    if not cells:
        return '<h2 id="figures">Figures</h2>\n<p>No source gives a figure for this event.</p>'
    disputed: dict[str, Discrepancy] = {}
    for discrepancy in event.discrepancies:
        disputed.setdefault(discrepancy.kind, discrepancy)
    ordered = sorted({party for _, _, party in cells}, key=lambda p: (p == "other", p))
    groups = []
    for kind in KIND_ORDER:
        for scope, heading in SCOPE_HEADINGS.items():
            if not any((kind, scope, p) in cells for p in ordered):
                continue
            dispute = disputed.get(kind) if scope == "event" else None
            groups.append(_figure_group(index, url, (kind, scope, heading), dispute, cells, ordered))
    return (
        '<h2 id="figures">Figures by party and source</h2>\n'
        '<p class="tl-legend">~ about · ≥ at least · ≤ up to · each figure links to the sentence that gives it; '
        '<span class="tl-disputed">⚠ disputed</span> marks this happening\'s counts of one kind of people that '
        "two sides give differently.</p>\n"
        f"{checked_count(event)}\n"
        '<table class="tl-compare"><thead><tr><th scope="col">Party</th><th scope="col">Figure · who gave it · '
        f"source</th></tr></thead>{''.join(groups)}</table>"
    )


def _figure_group(
    index: SiteIndex,
    url: str,
    heading_of: tuple[str, str, str],
    dispute: Discrepancy | None,
    cells: dict[tuple[str, str, str], dict[tuple, tuple]],
    ordered: list[str],
) -> str:
    """The rows of one kind and scope: its heading (with the dispute, if any), then one row per party."""
    kind, scope, heading = heading_of
    mark = ""
    if dispute is not None:
        values = [v for vs in dispute.values.values() for v in vs]
        who = f" ({escape(dispute.population)})" if dispute.population else ""
        mark = f' <span class="tl-disputed" title="sources disagree">⚠ disputed{who}: {spread(values)}</span>'
    rows = [f'<tr><th scope="colgroup" colspan="2" class="tl-kind">{KIND_LABEL[kind]}{heading}{mark}</th></tr>']
    rows += [
        f'<tr><th scope="row" class="tl-party tl-party-{escape(slug(p))}">'
        f'<a href="{link_to(url, actor_url(p))}">{escape(index.party(p))}</a></th>'
        f"<td>{_bar(dispute, p)}{_cell([html for *_, html in sorted(cells[(kind, scope, p)].values())])}</td></tr>"
        for p in ordered
        if (kind, scope, p) in cells
    ]
    css = ' class="tl-row-disputed"' if dispute is not None else ""
    return f"<tbody{css}>{''.join(rows)}</tbody>"


def _figure_cells(index: SiteIndex, event: Event, url: str) -> dict[tuple[str, str, str], dict[tuple, tuple]]:
    """(kind, scope, party) -> each distinct figure given, as (its source's date, HTML): the value linked to
    its sentence with who it counts, who gave it, the source and the day it was published."""
    cells: dict[tuple[str, str, str], dict[tuple, tuple]] = defaultdict(dict)
    numbers = _source_numbers(event)
    for claim in event.claims:
        article = index.articles.get(claim.article)
        day = article.date.isoformat() if article else ""
        href = link_to(url, index.claim_url(claim))
        number = numbers.get(claim.article, 0)
        source = f' <a class="tl-src" href="#source-{number}" title="source {number}">[{number}]</a>'
        when = f' <span class="tl-when">{human_date(day, "day")}</span>' if day else ""
        said_by = f' <span class="tl-who">{escape(claim.claimant or "the outlet")}</span>{source}{when}'
        for figure in claim.figures:
            key = (figure.value, figure.qualifier, figure.population, claim.claimant, claim.article, figure.checked)
            counted = f" {escape(figure.population)}" if figure.population else ""
            value = f'<a href="{href}">{hedged(figure.value, figure.qualifier)}</a>{counted}{review_mark(figure)}'
            cells[(figure.kind, figure.scope, claim.party)].setdefault(key, (day, number, value + said_by))
    return cells


def _bar(discrepancy: Discrepancy | None, party: str) -> str:
    """A bar as long as the party's largest figure, so a disagreement shows by length, not only colour."""
    if discrepancy is None or party not in discrepancy.values:
        return ""

    def largest(values: list) -> int:
        return max(v[1] if isinstance(v, tuple) else v for v in values)

    top = max(largest(vs) for vs in discrepancy.values.values()) or 1
    width = max(2, round(100 * largest(discrepancy.values[party]) / top))
    return f'<span class="tl-bar" aria-hidden="true"><span style="width: {width}%"></span></span>'


def _cell(entries: list[str]) -> str:
    """Who said what, one per line; a cell stays short however many sources repeat a figure."""
    if not entries:
        return "—"
    more = len(entries) - CELL_ENTRIES
    extra = f'<br><span class="tl-who">and {more} more in the sources below</span>' if more > 0 else ""
    return "<br>".join(entries[:CELL_ENTRIES]) + extra


def _source_numbers(event: Event) -> dict[str, int]:
    return {article_id: number for number, article_id in enumerate(event.articles, 1)}


def _source_cards(index: SiteIndex, event: Event, url: str) -> str:
    """One card per source with its claims as quotes; past SOURCE_CARDS, the rest as a list of links."""
    by_sentence: dict[str, dict[tuple[int, int], list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in event.claims:
        by_sentence[claim.article][claim.span].append(claim)
    cards, rest = [], []
    for article_id, number in _source_numbers(event).items():
        article = index.articles.get(article_id)
        if article is None:
            continue
        link = f'<a href="{link_to(url, article_url(article_id))}">{escape(article.title)}</a>'
        if len(cards) >= SOURCE_CARDS:
            rest.append(f'<li id="source-{number}">[{number}] {link}</li>')
            continue
        quotes = "".join(_quote(index, event, same, url) for same in list(by_sentence[article_id].values())[:8])
        role = "reports this event" if article_id in event.main_articles else "mentions this event"
        outlet = f"{escape(article.outlet)} · " if article.outlet else ""
        cards.append(
            f'<div class="tl-source" id="source-{number}"><h3><span class="tl-src-no">[{number}]</span> {link}</h3>'
            f'<p class="tl-meta">{outlet}published {human_date(article.date.isoformat(), "day")} · {role}</p>'
            f"{quotes}</div>"
        )
    listed = f'<ul class="tl-more-sources">{"".join(rest[:SOURCE_LINKS])}</ul>' if rest else ""
    unlisted = len(rest) - SOURCE_LINKS
    note = f"<p>{unlisted} more sources are in <code>data/timeline.json</code>.</p>" if unlisted > 0 else ""
    return '<h2 id="sources">Sources</h2>\n' + "\n".join(cards) + listed + note


def _quote(index: SiteIndex, event: Event, claims: list[Claim], url: str) -> str:
    """A sentence once, with everyone it credits a figure to."""
    credits = "; ".join(
        f"{escape(c.claimant or 'the outlet itself')} "
        f'(<a class="tl-party tl-party-{escape(slug(c.party))}" href="{link_to(url, actor_url(c.party))}">'
        f"{escape(index.party(c.party))}</a>)" + claim_review_marks(c)
        for c in claims
    )
    context = f'<a href="{link_to(url, index.claim_url(claims[0]))}">in context</a>'
    figures = "; ".join(figure_words(f) + f" ({c.claimant or 'the outlet'})" for c in claims for f in c.figures)
    report = report_link(
        report_url(index.repo_url, index.site_url, event, figures), "report a problem", "tl-report-figure"
    )
    context += f" · {report}" if report else ""
    return f"<blockquote><p>{escape(claims[0].quote)}</p><footer>— {credits} · {context}</footer></blockquote>"


def _related(index: SiteIndex, event: Event, url: str) -> str:
    related = [index.events[r] for r in event.related if r in index.events][:30]
    if not related:
        return ""
    items = "".join(f'<li><a href="{link_to(url, e.page)}">{escape(event_label(e))}</a></li>' for e in related)
    return f'<h2 id="related">Related events</h2>\n<ul>{items}</ul>'
