"""Data files: claims.csv, the Atom feed and timeline.json's JSON Schema, on small timelines and the seeds build."""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import jsonschema
import pytest
from stage_helpers import ROOT
from test_render import article, claim, strike_timeline

from generator.data_files import SCHEMA_FILE, write_data_files
from generator.data_files.claims_csv import COLUMNS, claims_csv, spreadsheet_safe
from generator.data_files.feed import FEED_EVENTS, atom_feed
from generator.model import Event, Timeline
from generator.render import render_site
from generator.serialize import timeline_to_dict
from generator.site import build_site

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("seeds-site")
    assert build_site([ROOT / "content", ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    return site


def figure_count(data: dict) -> int:
    return sum(len(c["figures"]) for e in data["events"] for c in e["claims"])


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def check_atom(feed: bytes) -> ET.Element:
    """RFC 4287's required elements: the feed's id, title, updated and author; each entry's id, title, updated."""
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None and root.find(f"{ATOM}{name}").text, name
    assert root.find(f"{ATOM}author/{ATOM}name").text
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "published"):
            assert entry.find(f"{ATOM}{name}").text, name
        assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return root


# ------------------------------------------------------------ claims.csv


def test_csv_has_one_row_per_figure_in_the_documented_columns():
    timeline = strike_timeline()
    rows = csv_rows(claims_csv(timeline))
    assert list(rows[0]) == [name for name, _ in COLUMNS]
    assert len(rows) == figure_count(timeline_to_dict(timeline)) == 4
    injured = next(r for r in rows if r["kind"] == "injured")
    assert (injured["event"], injured["party"], injured["value"], injured["article"]) == (
        "2023-01-01-makiivka",
        "ukraine",
        "300",
        "a2",
    )
    assert injured["published"] == "2023-01-01" and injured["checked"] == injured["corrected"] == "false"


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe():
    body = '=HYPERLINK("http://x") said 5 were killed. @SUM(A1) -2+3 +7 said 8 injured.'
    source = article("a1", body, title="-Title")
    hostile = claim(
        "a1-c1", source, '=HYPERLINK("http://x") said 5 were killed.', "@SUM(A1)", "other", ("killed", 5, "exact")
    )
    event = Event("e1", "+Event", "2023-01-01", "day", {}, "=Place", ("a1",), ("a1",), (hostile,))
    row = csv_rows(claims_csv(Timeline((source,), (event,), {"a1": "e1"})))[0]
    assert row["quote"] == "'" + hostile.quote
    assert (row["claimant"], row["event_title"], row["place"]) == ("'@SUM(A1)", "'+Event", "'=Place")
    assert row["value"] == "5" and row["date"] == "2023-01-01"  # numbers and dates are never marked
    assert spreadsheet_safe("\tx") == "'\tx" and spreadsheet_safe("a=b") == "a=b" and spreadsheet_safe(None) == ""


def test_csv_keeps_ranges_and_maintainers_flags():
    timeline = strike_timeline()
    strike = timeline.events[1]
    checked_figure = replace(strike.claims[0].figures[0], value=(60, 70), qualifier="range")
    object.__setattr__(checked_figure, "checked", True)  # as the corrections stage will set it (issue 14)
    claims = (replace(strike.claims[0], figures=(checked_figure,)), *strike.claims[1:])
    timeline = replace(timeline, events=(timeline.events[0], replace(strike, claims=claims)))
    row = next(r for r in csv_rows(claims_csv(timeline)) if r["claim"] == "a1-c1")
    assert (row["value"], row["value_low"], row["value_high"], row["qualifier"]) == ("60-70", "60", "70", "range")
    assert row["checked"] == "true" and row["corrected"] == "false"


# ------------------------------------------------------------ the feed


def test_feed_lists_the_newest_events_first_with_dates_from_the_content():
    timeline = strike_timeline()
    root = check_atom(atom_feed(timeline, "War timeline"))
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Strike on barracks", "Invasion"]
    strike = entries[0]
    assert strike.find(f"{ATOM}published").text == "2023-01-01T00:00:00Z"
    assert strike.find(f"{ATOM}updated").text == "2023-01-02T00:00:00Z"  # its newest report's publication
    assert root.find(f"{ATOM}updated").text == "2023-01-02T00:00:00Z"
    assert strike.find(f"{ATOM}link").get("href") == "../events/2023-01-01-makiivka/"
    assert "Moscow (Russia) said 63" in strike.find(f"{ATOM}summary").text
    assert atom_feed(timeline, "War timeline") == atom_feed(timeline, "War timeline")


def test_feed_links_are_absolute_when_the_site_address_is_known():
    root = check_atom(atom_feed(strike_timeline(), "War timeline", "https://example.org/timeline/"))
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "https://example.org/timeline/events/2023-01-01-makiivka/" in links
    assert "https://example.org/timeline/data/feed.xml" in links


def test_feed_stays_well_formed_with_hostile_titles_and_keeps_at_most_its_count():
    events = tuple(
        Event(f"2023-01-{d:02d}-e", f"<b>&\x01 ]]> {d}", f"2023-01-{d:02d}", "day", {}, None, (), (), ())
        for d in range(1, 29)
    ) + tuple(Event(f"2022-{m:02d}-e", "Month", f"2022-{m:02d}", "month", {}, None, (), (), ()) for m in range(1, 13))
    root = check_atom(atom_feed(Timeline((), events, {}), "Site & <co>"))
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert len(titles) == min(FEED_EVENTS, len(events))
    assert titles[0] == "<b>&\ufffd ]]> 28"  # the newest first; a character XML cannot carry is replaced
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Site & <co>"


# ------------------------------------------------------------ the schema and the seeds build


def test_schema_is_valid_and_rejects_what_the_format_forbids():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = timeline_to_dict(strike_timeline())
    jsonschema.Draft202012Validator(schema).validate(data)
    broken = json.loads(json.dumps(data))
    broken["events"][1]["claims"][0]["figures"][0]["kind"] = "casualties"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(data))
    broken["events"][0]["date_precision"] = "week"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_seeds_build_publishes_every_data_file_and_they_agree(seeds_site):
    data_dir = seeds_site / "data"
    data = json.loads((data_dir / "timeline.json").read_text(encoding="utf-8"))
    schema = json.loads((data_dir / "timeline.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    rows = csv_rows((data_dir / "claims.csv").read_text(encoding="utf-8"))
    assert len(rows) == figure_count(data) > 0
    assert {(r["event"], r["kind"], r["value"]) for r in rows} >= {("2023-01-02-makiivka-attack", "killed", "63")}
    root = check_atom((data_dir / "feed.xml").read_bytes())
    newest = max(e["date"] for e in data["events"])
    assert root.find(f"{ATOM}entry/{ATOM}published").text.startswith(newest)
    head = (seeds_site / "events" / "2023-01-02-makiivka-attack" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in head and 'href="../../data/feed.xml"' in head


def test_open_data_page_names_every_file_and_every_csv_column():
    pages = {p.path: p for p in render_site(strike_timeline())}
    text = html.unescape(pages["open-data.md"].html)  # as a reader sees it
    for name in ("data/timeline.json", "data/timeline.schema.json", "data/claims.csv", "data/feed.xml"):
        assert f"<code>{name}</code>" in text
    assert all(f"<code>{name}</code>" in text for name, _ in COLUMNS)
    assert "2 articles, 2 events, 3 claims giving 4 figures" in text


def test_data_files_are_written_in_one_call(tmp_path):
    write_data_files(strike_timeline(), tmp_path)
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "claims.csv",
        "feed.xml",
        "timeline.json",
        "timeline.schema.json",
    ]


def test_published_timeline_json_is_the_model_without_white_space(tmp_path):
    timeline = strike_timeline()
    write_data_files(timeline, tmp_path)
    text = (tmp_path / "data" / "timeline.json").read_text(encoding="utf-8")
    assert json.loads(text) == timeline_to_dict(timeline)
    assert text.count("\n") == 1 and text.endswith("}\n")  # one line: no indentation for a host to store
    assert '": ' not in text and '", "' not in text  # no space after a key or between items
