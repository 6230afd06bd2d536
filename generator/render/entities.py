"""Actor and place pages: what each party and claimant said across events, and what happened where."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..model import Claim, Event
from .format import escape, hedged, human_date, slug
from .pages import Page, SiteIndex, actor_url, event_label, link_to, page, place_url
from .search import SearchFacts


def actor_pages(index: SiteIndex) -> list[Page]:
    by_party: dict[str, list[tuple[Claim, Event]]] = defaultdict(list)
    for event in index.timeline.events:
        for claim in event.claims:
            by_party[claim.party].append((claim, event))
    pages = []
    listing = []
    for party, claims in sorted(by_party.items()):
        url = actor_url(party)
        by_claimant: dict[str, list[tuple[Claim, Event]]] = defaultdict(list)
        for claim, event in claims:
            by_claimant[claim.claimant or "The outlets themselves"].append((claim, event))
        sections, shown = [], 0
        for claimant, items in sorted(by_claimant.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if shown >= index.options.claims_per_actor_page:
                break
            rows = []
            for claim, event in sorted(items, key=lambda ce: ce[1].date)[: index.options.claims_per_actor_page - shown]:
                figures = ", ".join(f"{f.kind} {hedged(f.value, f.qualifier)}" for f in claim.figures)
                rows.append(
                    f'<li><a href="{link_to(url, event.page)}">{escape(event_label(event))}</a>: {figures} · '
                    f'<a href="{link_to(url, index.claim_url(claim))}">quote</a></li>'
                )
            shown += len(rows)
            sections.append(f"<h2>{escape(claimant)}</h2><ul>{''.join(rows)}</ul>")
        more = (
            ""
            if shown >= len(claims)
            else f"<p>{len(claims) - shown} more claims are in <code>data/timeline.json</code>.</p>"
        )
        label = index.party(party)
        pages.append(
            page(
                f"actors/{slug(party)}.md",
                f"{label}: claims",
                [
                    f"<h1>{escape(label)}</h1>",
                    f"<p>{len(claims)} claims by {len(by_claimant)} claimants.</p>",
                    *sections,
                    more,
                ],
                SearchFacts(2.0, "Party", filters=(("Type", "Party"), ("Party", label))),
                index.spellings,
            )
        )
        listing.append(f'<li><a href="{link_to("actors/", url)}">{escape(label)}</a> — {len(claims)} claims</li>')
    pages.append(
        page(
            "actors/index.md",
            "Parties and claimants",
            ["<h1>Parties and claimants</h1>", f"<ul>{''.join(listing)}</ul>"],
        )
    )
    return pages


def place_pages(index: SiteIndex) -> list[Page]:
    # one page per address: spellings that differ only in accents or punctuation (Przewodów, Przewodow) share it
    by_slug: dict[str, list[Event]] = defaultdict(list)
    for event in index.timeline.events:
        if event.place:
            by_slug[slug(event.place)].append(event)
    by_place = {Counter(e.place for e in events).most_common(1)[0][0]: events for events in by_slug.values()}
    pages, listing = [], []
    for place, events in sorted(by_place.items()):
        url = place_url(place)
        items = "".join(
            f'<li><time datetime="{escape(e.date)}">{human_date(e.date, e.date_precision)}</time> '
            f'<a href="{link_to(url, e.page)}">{escape(e.title)}</a> · {len(e.main_articles)} sources</li>'
            for e in sorted(events, key=lambda e: e.date)[-400:]
        )
        pages.append(
            page(
                f"places/{slug(place)}.md",
                place,
                [f"<h1>{escape(place)}</h1>", f"<p>{len(events)} events.</p>", f"<ul>{items}</ul>"],
                SearchFacts(2.0, "Place", filters=(("Type", "Place"), ("Place", place))),
                index.spellings,
            )
        )
        listing.append(f'<li><a href="{link_to("places/", url)}">{escape(place)}</a> — {len(events)}</li>')
    pages.append(page("places/index.md", "Places", ["<h1>Places</h1>", f"<ul>{''.join(listing)}</ul>"]))
    return pages
