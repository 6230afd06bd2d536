"""The comparison fits any screen: an event where six parties give figures, on a phone, a desktop and paper.

Built in the test from an article whose sentences credit a death toll to six parties (the registry gains
Belarus for it), so the table has one row per party under each kind of figure.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT, serve

from generator.site import build_site

pytestmark = pytest.mark.browser
SIX_PARTIES = (
    "Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1. Ukraine's military said "
    "about 400 soldiers were killed in the strike. The Pentagon said 200 soldiers were killed. The United Nations "
    "said 150 soldiers were killed. Belarusian officials said 50 soldiers were killed. Amnesty International said "
    "75 soldiers were killed. Russia's Defence Ministry said 20 soldiers were injured."
)
FIGURES = {"63", "~400", "200", "150", "50", "75", "20"}
FIGURE_BOXES = """table => {
  const box = table.getBoundingClientRect();
  return {table: [box.left, box.right], page: document.documentElement.scrollWidth, width: innerWidth,
          figures: [...table.querySelectorAll("td a:not(.tl-src)")].map(a => {
            const r = a.getBoundingClientRect(); return [a.textContent, r.left, r.right]; }),
          parties: [...table.querySelectorAll("th.tl-party")].map(th => th.textContent.trim()),
          bars: table.querySelectorAll(".tl-bar > span").length,
          marks: [...table.querySelectorAll("th.tl-kind .tl-disputed")].map(s => s.textContent)};
}"""


@pytest.fixture(scope="module")
def busy_event_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("busy")
    registry = yaml.safe_load((ROOT / "content" / "actors.yml").read_text(encoding="utf-8"))
    belarus = ["Belarus", "Belarusian", "Minsk"]
    for spec in registry["parties"].values():  # the project lists Belarus among third countries (`other`)
        spec["markers"] = [m for m in spec.get("markers") or [] if m not in belarus]
    registry["parties"]["belarus"] = {"label": "Belarus", "markers": belarus}
    (folder / "actors.yml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    (folder / "articles").mkdir()
    front = "---\ntitle: Strike on barracks in Makiivka\ndate: 2023-01-02\noutlet: Example News\n---\n\n"
    (folder / "articles" / "many.md").write_text(front + SIX_PARTIES + "\n", encoding="utf-8")
    assert build_site([folder], folder / "site", ROOT / "mkdocs.yml") == 0
    server = serve(folder / "site")
    timeline = json.loads((folder / "site" / "data" / "timeline.json").read_text(encoding="utf-8"))
    page = next(e["page"] for e in timeline["events"] if not e.get("curated"))
    yield f"http://127.0.0.1:{server.server_port}/{page}"
    server.shutdown()


def measure(browser, url: str, width: int, media: str = "screen") -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(url)
    measured = page.locator("table.tl-compare").evaluate(FIGURE_BOXES)
    context.close()
    return measured


@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (390, "screen"), (794, "print")])
def test_every_partys_figure_is_inside_the_page_with_six_parties(browser, busy_event_url, width, media):
    measured = measure(browser, busy_event_url, width, media)
    assert len(set(measured["parties"])) >= 5, measured["parties"]
    left, right = measured["table"]
    assert left >= 0 and right <= measured["width"] and measured["page"] <= measured["width"], measured
    assert {text for text, _, _ in measured["figures"]} == FIGURES
    for text, start, end in measured["figures"]:  # every figure whole, inside the table and the screen
        assert left <= start and end <= right, (text, start, end, measured["table"])


def test_the_disagreement_is_shown_by_length_and_a_mark_not_only_colour(browser, busy_event_url):
    measured = measure(browser, busy_event_url, 390)
    assert measured["bars"] >= 5  # one bar per side in the dispute (Amnesty, of no party, is no side)
    assert measured["marks"] and all(re.match(r"⚠ disputed(?: \(\w+\))?: \d", mark) for mark in measured["marks"])
