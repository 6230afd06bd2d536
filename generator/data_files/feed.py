"""`data/feed.xml`: an Atom feed (RFC 4287) of the newest events.

Takes the `Timeline` and the site's name and address, gives the feed's bytes. Every date comes from the content
(an event's date, its articles' publication dates), never the clock, so the same content gives the same feed.
Ids are `urn:uuid:` names made from the event's id, so they stay the same wherever the site is hosted. Links
are absolute when the site's address is known (mkdocs.yml's site_url), else relative to the feed.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import date

from ..model import Event, Timeline, first_day
from ..render.event import sources_label
from ..render.format import human_date
from ..render.summary import event_summary

ATOM = "http://www.w3.org/2005/Atom"
FEED_EVENTS = 50
FEED_PATH = "data/feed.xml"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "war-timeline.invalid")  # a name, never looked up
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # what XML 1.0 cannot carry


def _text(value: str) -> str:
    return NOT_XML.sub("\ufffd", value)


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest_events(timeline: Timeline, count: int = FEED_EVENTS) -> list[Event]:
    """The events with the latest dates, newest first (a month-precision date counts from its first day)."""
    return sorted(timeline.events, key=lambda e: (first_day(e.date), e.id), reverse=True)[:count]


def entry_updated(timeline: Timeline, event: Event, published: dict[str, date]) -> date:
    """When the event last changed: its newest report's publication, never before the event's own date."""
    days = [published[a] for a in event.main_articles if a in published]
    return max([first_day(event.date), *days])


def atom_feed(timeline: Timeline, site_name: str, site_url: str = "") -> bytes:
    base = site_url.rstrip("/") + "/" if site_url else "../"  # relative links resolve against the feed's address
    published = {a.id: a.date for a in timeline.articles}
    events = newest_events(timeline)
    updated = [entry_updated(timeline, e, published) for e in events]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", _text(f"{site_name}: newest events"))
    _add(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed')}")
    _add(feed, "updated", _stamp(max(updated, default=date(1970, 1, 1))))
    _add(feed, "link", rel="alternate", type="text/html", href=base)
    _add(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_PATH)
    author = _add(feed, "author")
    _add(author, "name", _text(site_name))
    for event, changed in zip(events, updated, strict=True):
        entry = _add(feed, "entry")
        _add(entry, "title", _text(event.title))
        _add(entry, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, event.id)}")
        _add(entry, "published", _stamp(first_day(event.date)))
        _add(entry, "updated", _stamp(changed))
        _add(entry, "link", rel="alternate", type="text/html", href=base + event.page)
        _add(entry, "summary", _text(_summary(timeline, event)), type="text")
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _summary(timeline: Timeline, event: Event) -> str:
    when = human_date(event.date, event.date_precision)
    where = f" in {event.place}" if event.place else ""
    said = event_summary(event, timeline.parties)
    return f"{when}{where}; {sources_label(event)}." + (f" {said}" if said else "")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element
