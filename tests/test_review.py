"""Review on the pages: checked and corrected marks (symbol, text alternative, tooltip), the event's checked
count, and "Report a problem" links to the repository's new-issue form (absent without `repo_url`)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from correction_helpers import MAKIIVKA, build

from generator.render import render_site
from generator.render.pages import SiteOptions
from generator.render.review import report_url

REPO = "https://github.com/example/war-timeline"
CORRECTIONS = (
    "corrections:\n"
    "  - article: strike\n    quote: 63 soldiers were killed in Makiivka\n    checked: true\n"
    "  - article: strike\n    quote: 12 rockets a minute\n    set: {party: russia}\n"
)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    timeline = build(tmp_path_factory.mktemp("review"), CORRECTIONS)
    assert not [p for p in timeline.problems if p.severity == "error"]
    return timeline


def event_html(timeline, repo_url: str = "", site_url: str = "") -> str:
    pages = {p.path: p.html for p in render_site(timeline, SiteOptions(repo_url=repo_url, site_url=site_url))}
    return pages[f"events/{MAKIIVKA}.md"]


def test_checked_and_corrected_figures_carry_a_mark_with_text_and_tooltip(corrected):
    page = event_html(corrected)
    table = page[page.index('<table class="tl-compare"') : page.index("</table>")]
    mark = r'<span class="tl-review tl-{}" role="img" aria-label="([^"]+)" title="\1">{}</span>'
    checked = re.findall(mark.format("checked", "✓"), table)
    fixed = re.findall(mark.format("corrected", "✎"), table)
    assert checked == ["checked by a maintainer"] and fixed == ["corrected by a maintainer"]
    quotes = page[page.index('id="sources"') :]
    assert 'aria-label="Killed: 63: checked by a maintainer"' in quotes
    assert 'aria-label="Missiles and rockets: 12: corrected by a maintainer"' in quotes


def test_the_event_page_says_how_many_figures_are_checked(corrected):
    total = sum(len(c.figures) for e in corrected.events if e.id == MAKIIVKA for c in e.claims)
    assert f"2 of {total} figures checked by a maintainer (1 corrected)" in event_html(corrected)


def test_no_mark_and_none_checked_without_corrections(tmp_path):
    page = event_html(build(tmp_path))
    assert "tl-review tl-" not in page and "0 of " in page


def test_report_links_need_a_repository_address(corrected):
    assert "Report a problem" not in event_html(corrected) and "issues/new" not in event_html(corrected)
    assert "issues/new" not in event_html(corrected, "javascript:alert(1)")
    page = event_html(corrected, REPO, "https://example.org/war/")
    links = re.findall(r'<a class="tl-report[^"]*" href="([^"]+)" rel="noopener">([^<]+)</a>', page)
    assert ("Report a problem" in [text for _, text in links]) and len(links) > 1  # the event, and each quote
    form = urlsplit(html.unescape(links[-1][0]))
    assert f"{form.scheme}://{form.netloc}{form.path}" == f"{REPO}/issues/new"
    fields = parse_qs(form.query)
    event = next(e for e in corrected.events if e.id == MAKIIVKA)
    assert fields["title"] == [f"Problem on '{event.title}'"]
    assert f"Address: https://example.org/war/events/{MAKIIVKA}/" in fields["body"][0]
    quoted = [parse_qs(urlsplit(html.unescape(href)).query) for href, text in links if text == "report a problem"]
    assert any("Figure: Killed: 63 (Russia's Defence Ministry)" in q["body"][0] for q in quoted)


def test_a_hostile_title_is_url_encoded_then_escaped(corrected):
    event = replace(next(e for e in corrected.events if e.id == MAKIIVKA), title='Strike & "x" <b>#1</b>')
    url = report_url(REPO, "", event)
    assert " " not in url and '"' not in url and "<" not in url and "&" in url  # encoded; & only between fields
    hostile = replace(corrected, events=tuple(event if e.id == MAKIIVKA else e for e in corrected.events))
    page = event_html(hostile, REPO)
    href = re.search(r'<a class="tl-report" href="([^"]+)"', page).group(1)
    assert "&amp;body=" in href and "<" not in href
    assert parse_qs(urlsplit(html.unescape(href)).query)["title"] == ["Problem on 'Strike & \"x\" <b>#1</b>'"]
