"""Render: pages from small hand-built Timelines, and article text that is never read as markup."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from stage_helpers import ROOT

from generator import plugin
from generator.model import Article, Claim, Discrepancy, Event, Figure, Timeline
from generator.render import render_site
from generator.render.format import escape, hedged, human_date, spread
from generator.render.pages import ARTICLE_PART_CHARS, EVENTS_PER_PAGE, HOME_EVENTS
from generator.render.summary import dates_in_words, event_summary
from generator.site import build_site

HOSTILE = (
    " date 2023-03-01 Officials in Kharkiv said 5 people were killed on Monday. "
    '<script>window.pwned = 1</script> <img src=x onerror="window.pwned=2"> {{ config.site_name }} {% raw %} '
    "[click](javascript:alert(1)) *emphasis* __bold__ `code`\n\n# Not a heading\n\n| a | table |\n"
)
PARTIES = {"russia": "Russia", "ukraine": "Ukraine", "other": "Other"}


# ------------------------------------------------------------ small timelines


def article(article_id: str, body: str, title: str = "A report", published: str = "2023-01-02") -> Article:
    return Article(article_id, f"{article_id}.txt", date.fromisoformat(published), title, None, None, "en", body)


def claim(claim_id: str, source: Article, quote: str, claimant: str | None, party: str, *figures) -> Claim:
    start = source.body.index(quote)
    made = tuple(Figure(kind, value, qualifier, start, start + 1) for kind, value, qualifier in figures)
    return Claim(claim_id, source.id, claimant, party, quote, (start, start + len(quote)), made, 0)


def strike_timeline(title: str = "Strike on barracks", claimant: str = "Moscow") -> Timeline:
    """Two articles on one strike: Russia says 63 killed, Ukraine about 400; they date it a day apart."""
    first = article("a1", "Intro. Moscow said 63 soldiers died. Kyiv said around 400 died.\n\nMore text.")
    second = article("a2", "Ukraine said at least 400 were killed and 300 injured.", "Second report", "2023-01-01")
    claims = (
        claim("a1-c1", first, "Moscow said 63 soldiers died.", claimant, "russia", ("killed", 63, "exact")),
        claim("a1-c2", first, "Kyiv said around 400 died.", "Kyiv", "ukraine", ("killed", 400, "approx")),
        claim(
            "a2-c1",
            second,
            "Ukraine said at least 400 were killed and 300 injured.",
            "Ukraine",
            "ukraine",
            ("killed", 400, "at_least"),
            ("injured", 300, "exact"),
        ),
    )
    strike = Event(
        id="2023-01-01-makiivka",
        title=title,
        date="2023-01-01",
        date_precision="day",
        date_reported={"2023-01-01": ["a2"], "2023-01-02": ["a1"]},
        place="Makiivka",
        articles=("a1", "a2"),
        main_articles=("a1", "a2"),
        claims=claims,
        discrepancies=(Discrepancy("killed", {"russia": [63], "ukraine": [400]}, ("a1", "a2")),),
        related=("2022-02-invasion",),
    )
    invasion = Event(
        "2022-02-invasion", "Invasion", "2022-02", "month", {"2022-02": ["a1"]}, None, ("a1",), ("a1",), ()
    )
    return Timeline((first, second), (invasion, strike), {"a1": strike.id, "a2": strike.id}, parties=PARTIES)


def pages_of(timeline: Timeline) -> dict[str, str]:
    return {p.path: p.content for p in render_site(timeline)}


class Tags(HTMLParser):
    """The tags and the visible text of an HTML fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


# ------------------------------------------------------------ formatting


def test_dates_keep_their_precision():
    assert human_date("2023-01-01", "day") == "1 January 2023"
    assert human_date("2022-02", "month") == "February 2022"
    assert human_date("2014", "year") == "2014"


def test_hedges_and_spreads():
    assert hedged(400, "approx") == "~400" and hedged(400, "at_least") == "≥400" and hedged((5, 7), "range") == "5–7"
    assert hedged(600, "at_most") == "≤600" and hedged(63, "exact") == "63"
    assert spread([63, 400]) == "63–400" and spread([(5, 7), 9]) == "5–9"


def test_text_is_escaped_for_html_markdown_and_templates():
    out = escape("<b>{{x}}</b> [a](b) *e* _u_ # h")
    for raw in ("<b>", "{{", "[a]", "*e*", "_u_", "# h"):
        assert raw not in out


# ------------------------------------------------------------ event pages


def test_event_summary_is_built_from_the_claims():
    event = strike_timeline().events[1]
    summary = event_summary(event, PARTIES)
    assert summary.startswith("Moscow (Russia) said 63; Kyiv (Ukraine) said about 400 killed, six times as many.")
    assert "Ukraine said 300 injured." in summary  # no "Ukraine (Ukraine)"
    assert summary.endswith("Sources date it 1 or 2 January 2023.")


def test_dates_in_different_months_are_written_in_full():
    event = strike_timeline().events[1]
    moved = Event(**{**event.__dict__, "date_reported": {"2022-12-31": ["a1"], "2023-01": ["a2"]}})
    assert dates_in_words(moved) == "Sources date it 31 December 2022 or January 2023."


def test_comparison_has_a_row_group_per_kind_and_a_row_per_party():
    page = pages_of(strike_timeline())["events/2023-01-01-makiivka.md"]
    table = page[page.index("<table") : page.index("</table>")]
    assert Tags(table[: table.index("</thead>")]).text == ["Party", "Figure · who gave it · source"]
    groups = re.findall(r"<tbody[^>]*>(.*?)</tbody>", table)
    rows = [[" ".join(Tags(row).text) for row in re.findall(r"<tr>(.*?)</tr>", group)] for group in groups]
    (killed_head, russia, ukraine), (injured_head, injured) = rows
    assert killed_head.startswith("Killed") and injured_head == "Injured"
    assert russia.startswith("Russia") and "63" in russia and "400" not in russia
    assert ukraine.startswith("Ukraine") and "~400" in ukraine and "≥400" in ukraine
    assert injured.startswith("Ukraine") and "300" in injured  # only the parties that give the kind


def test_disagreement_has_a_marker_not_only_a_colour():
    page = pages_of(strike_timeline())["events/2023-01-01-makiivka.md"]
    killed = re.search(r'<tbody class="tl-row-disputed">(.*?)</tbody>', page).group(1)
    assert "⚠ disputed: 63–400" in " ".join(Tags(killed).text)
    assert page.count('class="tl-row-disputed"') == 1  # injured is not disputed
    widths = re.findall(r'class="tl-bar"[^>]*><span style="width: (\d+)%', killed)
    assert widths == ["16", "100"]  # the lengths show 63 against 400 without reading the numbers


def test_every_quote_link_lands_on_an_anchored_sentence():
    pages = pages_of(strike_timeline())
    hrefs = [attrs.get("href", "") for _, attrs in Tags(pages["events/2023-01-01-makiivka.md"]).tags]
    links = [m.groups() for m in map(re.compile(r"\.\./\.\./articles/(\w+)/#([\w-]+)").fullmatch, hrefs) if m]
    assert {anchor for _, anchor in links} == {"a1-c1", "a1-c2", "a2-c1"}
    for article_id, anchor in links:
        marks = [attrs.get("id") for tag, attrs in Tags(pages[f"articles/{article_id}.md"]).tags if tag == "mark"]
        assert anchor in marks, anchor
    assert "63 soldiers died" in re.search(r'<mark id="a1-c1"[^>]*>(.*?)</mark>', pages["articles/a1.md"]).group(1)


def test_event_page_links_to_party_place_and_related_pages():
    pages = pages_of(strike_timeline())
    event = pages["events/2023-01-01-makiivka.md"]
    for target in ("actors/russia/", "actors/ukraine/", "places/makiivka/", "events/2022-02-invasion/"):
        assert f'href="../../{target}"' in event
        assert target.rstrip("/") + ".md" in pages


def test_event_pages_are_titled_with_their_date_for_search_results():
    page = pages_of(strike_timeline())["events/2023-01-01-makiivka.md"]
    assert page.startswith('---\ntitle: "Strike on barracks (1 January 2023)"')


# ------------------------------------------------------------ timeline pages


def test_cards_show_date_at_its_precision_sources_and_the_disputed_spread():
    home = pages_of(strike_timeline())["index.md"]
    cards = re.findall(r'<li class="tl-card".*?</li>', home)
    assert len(cards) == 2
    strike, invasion = (" ".join(Tags(c).text) for c in cards)  # newest first
    assert invasion.startswith("February 2022") and "1 source" in invasion
    assert strike.startswith("1 January 2023") and "Makiivka" in strike and "2 sources" in strike
    assert "killed: 63–400" in strike


def test_a_bounded_home_and_one_filter_index_per_year():
    base = strike_timeline()
    template = base.events[0]
    many = tuple(
        replace(template, id=f"{year}-{n:03d}-e", date=f"{year}-03-{n % 28 + 1:02d}", date_precision="day")
        for year in (2023, 2024)
        for n in range(EVENTS_PER_PAGE + 10)
    )
    pages = pages_of(Timeline(base.articles, many, {}, parties=PARTIES))
    assert pages["index.md"].count('class="tl-card"') == HOME_EVENTS
    assert {"years/2023.md", "years/2023/03.md", "years/2024/03/08.md"} <= set(pages)
    assert {"data/filters/2023.json", "data/filters/2024.json"} <= set(pages)


def test_year_jump_links_every_year_and_background():
    pages = pages_of(strike_timeline())  # articles of 2023: the invasion of 2022 is background
    jump = re.search(r'<nav class="tl-years".*?</nav>', pages["years/2023.md"]).group(0)
    assert 'href="../../years/background/"' in jump and 'href="../../years/2023/"' in jump
    assert "years/2022" not in jump and "years/2022.md" not in pages
    background = pages["years/background.md"]
    assert 'href="../../events/2022-02-invasion/"' in background and "Makiivka" not in background


# ------------------------------------------------------------ article text is data


def test_article_derived_text_is_escaped_on_every_page():
    hostile = "<img src=x onerror=alert(1)>{{ config }}"
    timeline = strike_timeline(title=f"*Strike* {hostile}", claimant=f"[Moscow](javascript:x) {hostile}")
    for path, content in pages_of(timeline).items():
        if not path.endswith(".md"):
            continue  # a data file (a filter index) keeps text as data: test_text_exact reads it back
        body = content.split("---\n", 2)[2]
        assert "<img" not in body and "{{" not in body and "](javascript" not in body, path
        assert "*Strike*" not in body, path


def test_hostile_article_is_shown_as_text(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert build_site([content], tmp_path / "site", ROOT / "mkdocs.yml") == 0
    page = (tmp_path / "site" / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="tl-article-text">')
    shown = Tags(page[start : page.index("</div>", start)])
    assert {tag for tag, _ in shown.tags} <= {"div", "p", "mark", "span"}  # no script, img, a, em, h1, code
    words = " ".join(shown.text)
    for literal in (
        "<script>window.pwned = 1</script>",
        "onerror=",
        "{{ config.site_name }}",
        "{% raw %}",
        "[click](javascript:alert(1))",
        "*emphasis*",
        "__bold__",
        "`code`",
        "# Not a heading",
    ):
        assert literal in words, literal
    assert 'href="javascript' not in page and "<script>window.pwned" not in page


# ------------------------------------------------------------ the real build


def test_every_page_is_generated_and_claim_links_point_at_anchors(tmp_path):
    site = tmp_path / "site"
    assert build_site([ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    for event in data["events"]:
        assert (site / event["page"] / "index.html").is_file()
    for item in data["articles"]:
        assert (site / item["page"] / "index.html").is_file()
    makiivka = (site / "events" / "2023-01-02-makiivka-attack" / "index.html").read_text(encoding="utf-8")
    assert "disputed (soldiers): 63–400" in makiivka and "~400" in makiivka  # both count servicemen
    for quoted in next(e for e in data["events"] if e["id"] == "2023-01-02-makiivka-attack")["claims"]:
        text_page = (site / "articles" / quoted["article"] / "index.html").read_text(encoding="utf-8")
        assert quoted["id"] in {attrs.get("id") for _, attrs in Tags(text_page).tags}
    assert "Page not found" in (site / "404.html").read_text(encoding="utf-8")


def test_navigation_leads_to_the_years_not_events(tmp_path):
    site = tmp_path / "site"
    assert build_site([ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') : home.index("</nav>", home.index("md-nav--primary"))]
    assert "years/" in nav and "events/" not in nav  # pruned: the Years section is a link to its first page
    assert "years/2023/" in home  # the year of the seeds' events is on the timeline's year jump


def test_pages_sharing_one_sidebar_rendering_are_identical_to_pages_rendered_alone(tmp_path, monkeypatch):
    shared, alone = tmp_path / "shared", tmp_path / "alone"
    assert build_site([ROOT / "seeds"], shared, ROOT / "mkdocs.yml") == 0
    original = plugin.TimelinePlugin.on_page_context

    def render_alone(self, context, page, config, nav):
        return {**original(self, context, page, config, nav), "shared_sidebar_key": ""}

    monkeypatch.setattr(plugin.TimelinePlugin, "on_page_context", render_alone)
    assert build_site([ROOT / "seeds"], alone, ROOT / "mkdocs.yml") == 0
    pages = sorted(p.relative_to(shared) for p in shared.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 10 and any(p.parts[0] == "events" for p in pages)
    for path in pages:
        assert (shared / path).read_bytes() == (alone / path).read_bytes(), path


def test_long_articles_are_split_into_parts():
    paragraph = "Shelling continued in the region through the night, residents said. " * 40
    body = "\n\n".join([paragraph] * (3 * ARTICLE_PART_CHARS // len(paragraph)))
    timeline = Timeline((article("long", body),), (), {}, parties=PARTIES)
    parts = [p for p in render_site(timeline) if p.path.startswith("articles/long")]
    assert len(parts) >= 3 and all(len(p.content) < 2 * ARTICLE_PART_CHARS for p in parts)


def test_build_fails_with_the_problem_text_not_a_traceback(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.txt").write_text("no date line\n", encoding="utf-8")
    assert build_site([content], tmp_path / "site", ROOT / "mkdocs.yml") == 1
    err = capsys.readouterr().err
    assert "bad.txt:1:" in err and "Traceback" not in err


def test_missing_content_folder_is_a_clear_error(tmp_path, capsys):
    assert build_site([tmp_path / "nope"], tmp_path / "site", ROOT / "mkdocs.yml") == 1
    assert "no such folder" in capsys.readouterr().err


def test_mkdocs_yml_is_where_the_tests_expect_it():
    assert Path(ROOT / "mkdocs.yml").is_file()


def test_place_spellings_with_one_address_share_one_page():
    base = strike_timeline()
    spelled = [
        Event(f"e{n}", "Strike", "2023-01-05", "day", {}, place, ("a1",), ("a1",), ())
        for n, place in enumerate(["Przewodów", "Przewodow", "Przewodów"])
    ]
    pages = render_site(Timeline(base.articles, (*base.events, *spelled), {}, parties=PARTIES))
    paths = [p.path for p in pages]
    assert len(paths) == len(set(paths))
    place_page = next(p.content for p in pages if p.path == "places/przewodow.md")
    assert place_page.count("<li>") == 3 and "<h1>Przewodów</h1>" in place_page


def test_an_old_event_address_redirects_to_the_event():
    timeline = strike_timeline()
    strike = next(e for e in timeline.events if e.id == "2023-01-01-makiivka")
    moved = Event(**{**strike.__dict__, "aliases": ("2023-01-02-makiivka-attack",)})
    others = tuple(e for e in timeline.events if e is not strike)
    pages = pages_of(Timeline(timeline.articles, (*others, moved), timeline.article_event, parties=PARTIES))
    redirect = pages["events/2023-01-02-makiivka-attack.md"]
    assert 'http-equiv="refresh" content="0; url=../../events/2023-01-01-makiivka/"' in redirect


def test_a_curated_context_event_is_not_shown_with_zero_sources():
    from generator.pipeline import build_timeline

    timeline = build_timeline([ROOT / "seeds"])  # no events.yml of its own: the project's context events join
    curated = [e for e in timeline.events if e.curated]
    assert curated
    home = pages_of(timeline)["index.md"]
    for event in curated:
        card = home[home.index(f"events/{event.id}/") :].split("</li>", 1)[0]
        assert "0 sources" not in card and "context" in card
