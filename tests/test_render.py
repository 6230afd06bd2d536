"""Render and build: pages from a Timeline, and article text that is never markup."""

import json
from pathlib import Path

from stage_helpers import ROOT

from generator.render import render_site
from generator.render.format import hedged, human_date, spread, text
from generator.render.pages import ARTICLE_PART_CHARS
from generator.site import build_site

HOSTILE = (
    " date 2023-03-01 Officials in Kharkiv said 5 people were killed on Monday. "
    "<script>window.pwned = 1</script> <img src=x onerror=\"window.pwned=2\"> {{ config.site_name }} {% raw %} "
    "[click](javascript:alert(1)) *emphasis* __bold__ `code`\n\n# Not a heading\n\n| a | table |\n"
)


def test_dates_keep_their_precision():
    assert human_date("2023-01-01", "day") == "1 January 2023"
    assert human_date("2022-02", "month") == "February 2022"
    assert human_date("2014", "year") == "2014"


def test_hedges_and_spreads():
    assert hedged(400, "approx") == "~400" and hedged(400, "at_least") == "≥400" and hedged((5, 7), "range") == "5–7"
    assert spread([63, 400]) == "63–400" and spread([(5, 7), 9]) == "5–9"


def test_text_is_escaped_for_html_markdown_and_templates():
    out = text("<b>{{x}}</b> [a](b) *e* _u_ # h")
    for raw in ("<b>", "{{", "[a]", "*e*", "_u_", "# h"):
        assert raw not in out


def test_hostile_article_is_shown_as_text(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert build_site([content], tmp_path / "site", ROOT / "mkdocs.yml") == 0
    page = (tmp_path / "site" / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    article = page[page.index('class="tl-article-text"'):]
    assert "<script>window.pwned" not in article and "&lt;script&gt;" in article
    assert "<img src=x" not in article and "onerror" in article  # shown, not an attribute
    assert "{{ config.site_name }}" not in page.replace("&#123;", "{") or "&#123;&#123;" in article
    assert 'href="javascript' not in page
    assert "<em>emphasis</em>" not in article and "<h1>Not a heading" not in article and "<code>" not in article


def test_every_page_is_generated_and_claim_links_point_at_anchors(tmp_path):
    site = tmp_path / "site"
    assert build_site([ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    for event in data["events"]:
        assert (site / event["page"] / "index.html").is_file()
    for article in data["articles"]:
        assert (site / article["page"] / "index.html").is_file()
    makiivka = (site / "events" / "2023-01-01-makiivka" / "index.html").read_text(encoding="utf-8")
    assert "disputed: 63–400" in makiivka and "~400" in makiivka
    for claim in next(e for e in data["events"] if e["id"] == "2023-01-01-makiivka")["claims"]:
        article = (site / "articles" / claim["article"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{claim["id"]}"' in article


def test_navigation_lists_years_not_events(tmp_path):
    site = tmp_path / "site"
    assert build_site([ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index("</nav>", home.index("md-nav--primary"))]
    assert "years/2023/" in nav and "events/" not in nav


def test_long_articles_are_split_into_parts(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    paragraph = "Shelling continued in the region through the night, residents said. " * 40
    body = "\n\n".join([paragraph] * (3 * ARTICLE_PART_CHARS // len(paragraph)))
    (content / "long.txt").write_text(f" date 2022-05-01 {body}\n", encoding="utf-8")
    from generator.pipeline import build_timeline

    pages = render_site(build_timeline([content], tmp_path))
    parts = [p for p in pages if p.path.startswith("articles/long")]
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


def test_relative_paths_resolve(tmp_path):
    assert Path(ROOT / "mkdocs.yml").is_file()
