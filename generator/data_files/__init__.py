"""Data files: what a build publishes beside its pages, for readers, researchers and tools.

Takes the built `Timeline` and the site folder, and writes `data/timeline.json` (the model serialised, without
white space; spec: DATA.md), `data/timeline.schema.json` (its JSON Schema, kept in this package and checked by the
tests), `data/claims.csv` (one row per figure) and `data/feed.xml` (Atom, the newest events). The site's "Open data"
page (render/open_data.py) says what each holds.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Timeline
from ..serialize import timeline_to_json
from .claims_csv import claims_csv
from .feed import FEED_PATH, atom_feed

DATA_DIR = "data"
SCHEMA_FILE = Path(__file__).resolve().parent / "timeline.schema.json"


def write_data_files(timeline: Timeline, site_dir: Path, site_name: str = "War timeline", site_url: str = "") -> None:
    folder = site_dir / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timeline.json").write_text(timeline_to_json(timeline, compact=True), encoding="utf-8")
    (folder / "timeline.schema.json").write_bytes(SCHEMA_FILE.read_bytes())
    (folder / "claims.csv").write_bytes(claims_csv(timeline).encode("utf-8"))
    (site_dir / FEED_PATH).write_bytes(atom_feed(timeline, site_name, site_url))
