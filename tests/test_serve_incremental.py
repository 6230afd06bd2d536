"""`timeline serve` after an edit: a dirty rebuild renders the pages that changed, and only those, and they are
the pages a full build gives."""

from __future__ import annotations

import os
import shutil

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from stage_helpers import ROOT

from generator.cache import KeptCaches
from generator.pipeline import build_timeline
from generator.render import render_site
from generator.render.incremental import PageMemo
from generator.render.pages import SiteIndex, SiteOptions
from generator.site import plugins_with, read_project_config

ARTICLE = (
    "---\ntitle: {title}\ndate: 2023-03-0{day}\noutlet: Wire\n---\n\n"
    "Officials in {place} said {n} people were killed.\n"
)


def test_a_dirty_rebuild_renders_only_the_changed_pages(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), content)
    for day, place in ((1, "Kharkiv"), (2, "Odesa")):
        text = ARTICLE.format(title=f"Shelling in {place}", day=day, place=place, n=day + 2)
        (content / f"wire-{day}.md").write_text(text, encoding="utf-8")
    plugins = plugins_with(read_project_config(ROOT / "mkdocs.yml"), content=[str(content)])
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), plugins=plugins)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    site = tmp_path / "site"
    edited = site / "articles" / "wire-1" / "index.html"
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    for page in pages:
        os.utime(page, (1_000_000, 1_000_000))  # long ago: a page written again gets a new time
    text = ARTICLE.format(title="Shelling in Kharkiv", day=1, place="Kharkiv", n=3).replace("Wire", "Wire Service")
    (content / "wire-1.md").write_text(text, encoding="utf-8")
    again = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), plugins=plugins)
    again.plugins = config.plugins  # as `mkdocs serve` keeps a plugin that has on_startup
    build(again, dirty=True)
    assert "Wire Service" in edited.read_text(encoding="utf-8") and edited.stat().st_mtime > 1_000_000
    rewritten = sorted(str(p.relative_to(site)) for p in pages if p.stat().st_mtime > 1_000_000)
    seed_page = next(p for p in pages if p.parts[-3] == "articles" and p.parts[-2].startswith("0"))
    assert seed_page.stat().st_mtime == 1_000_000  # an article the edit does not touch is left as it was
    assert len(pages) > 15 and 0 < len(rewritten) <= len(pages) // 2, rewritten


def serve_session(tmp_path, content):
    """The config of a `timeline serve` session (dirty builds) and a function that builds again after an edit,
    with the same plugin object, as `mkdocs serve` keeps it."""
    plugins = plugins_with(read_project_config(ROOT / "mkdocs.yml"), content=[str(content)])
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), plugins=plugins)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)

    def build_again():
        again = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), plugins=plugins)
        again.plugins = config.plugins
        build(again, dirty=True)
        return again.plugins["timeline"]

    return config.plugins["timeline"], build_again


def wire_content(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for day, place in ((1, "Kharkiv"), (2, "Odesa")):
        text = ARTICLE.format(title=f"Shelling in {place}", day=day, place=place, n=day + 2)
        (content / f"wire-{day}.md").write_text(text, encoding="utf-8")
    return content


def test_an_edit_shows_on_the_article_page_and_on_its_event_page(tmp_path):
    content = wire_content(tmp_path)
    plugin, build_again = serve_session(tmp_path, content)
    event = plugin.timeline.article_event["wire-2"]
    site = tmp_path / "site"
    event_page = site / "events" / event / "index.html"
    assert "Shelling in Odesa" in event_page.read_text(encoding="utf-8")
    edited = ARTICLE.format(title="Shelling in Odesa port", day=2, place="Odesa", n=4)
    (content / "wire-2.md").write_text(edited, encoding="utf-8")
    plugin = build_again()
    assert plugin.timeline.article_event["wire-2"] == event
    assert "Shelling in Odesa port" in (site / "articles" / "wire-2" / "index.html").read_text(encoding="utf-8")
    assert "Shelling in Odesa port" in event_page.read_text(encoding="utf-8")
    assert plugin.pages_kept.rendered < len(plugin.timeline.articles) + len(plugin.timeline.events)


def test_kept_pages_are_the_pages_a_full_render_gives(tmp_path):
    """Edits that change an article, move claims between events and add an article: after each, the pages a
    serve session keeps and renders again are, page for page, what rendering everything anew gives."""
    content = wire_content(tmp_path)
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), content)
    cache = tmp_path / "cache"
    kept, memo = KeptCaches(), PageMemo()

    def pages(full: bool):
        timeline = build_timeline([content], tmp_path, cache, kept=kept)
        return [(p.path, p.front_matter, p.html) for p in render_site(timeline, SiteOptions(), None if full else memo)]

    assert pages(full=False) == pages(full=True)
    edits = [
        ("wire-1.md", ARTICLE.format(title="Shelling in Kharkiv", day=1, place="Kharkiv", n=9)),
        ("wire-2.md", ARTICLE.format(title="Shelling in Kharkiv", day=1, place="Kharkiv", n=3)),
        ("wire-3.md", ARTICLE.format(title="Strike on Odesa", day=3, place="Odesa", n=5)),
    ]
    for name, text in edits:
        (content / name).write_text(text, encoding="utf-8")
        incremental = pages(full=False)
        assert memo.rendered > 0 and incremental == pages(full=True), name


def test_a_new_year_in_the_navigation_builds_every_page_again(tmp_path):
    content = wire_content(tmp_path)
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), content)
    plugin, build_again = serve_session(tmp_path, content)
    site = tmp_path / "site"
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    for page in pages:
        os.utime(page, (1_000_000, 1_000_000))
    text = ARTICLE.format(title="Russian shelling in Sumy", day=4, place="Sumy", n=2).replace("2023-", "2031-")
    text = text.replace("Officials in Sumy said", "Russian shelling of Sumy killed 2 people, officials said;")
    (content / "wire-9.md").write_text(text, encoding="utf-8")
    assert "2031" in str(build_again().built_with[0])
    assert [p for p in pages if p.stat().st_mtime == 1_000_000] == []  # every sidebar lists the new year


def test_a_kept_extraction_cache_reads_its_file_once_and_extracts_only_the_edit(tmp_path):
    content = wire_content(tmp_path)
    kept = KeptCaches()
    first = build_timeline([content], tmp_path, tmp_path / "cache", kept=kept)
    (content / "wire-2.md").write_text(ARTICLE.format(title="Shelling", day=2, place="Odesa", n=7), encoding="utf-8")
    second = build_timeline([content], tmp_path, tmp_path / "cache", kept=kept)
    before, after = ({a.id: a for a in t.articles} for t in (first, second))
    assert after["wire-1"] is before["wire-1"]  # the same object: pages that show it are kept
    assert after["wire-2"].title == "Shelling" and kept.kept[2].misses == 1


def test_a_build_that_stops_while_rendering_leaves_no_stale_page_behind(tmp_path):
    content = wire_content(tmp_path)
    kept, memo = KeptCaches(), PageMemo()
    render_site(build_timeline([content], tmp_path, tmp_path / "cache", kept=kept), SiteOptions(), memo)
    text = ARTICLE.format(title="Shelling in Odesa", day=2, place="Odesa", n=4).replace("Wire", "Wire Service")
    (content / "wire-2.md").write_text(text, encoding="utf-8")
    edited = build_timeline([content], tmp_path, tmp_path / "cache", kept=kept)
    memo.start(SiteIndex(edited, SiteOptions()))

    def failing():
        raise RuntimeError("a renderer's bug")

    with pytest.raises(RuntimeError):
        memo.article_pages(SiteIndex(edited, SiteOptions()), edited.articles[-1], failing)
    pages = render_site(edited, SiteOptions(), memo)  # the edit is not taken for done by the stopped build
    assert [(p.path, p.html) for p in pages] == [(p.path, p.html) for p in render_site(edited, SiteOptions())]
    assert "Wire Service" in next(p.html for p in pages if p.path == "articles/wire-2.md")


def test_a_serve_session_keeps_grouping_state_in_memory_and_writes_it_when_it_ends(tmp_path):
    content, cache = wire_content(tmp_path), tmp_path / "cache"
    kept = KeptCaches()
    build_timeline([content], tmp_path, cache, kept=kept)
    (state_file,) = cache.glob("grouping-*.json")
    written = state_file.read_bytes()
    text = ARTICLE.format(title="Shelling in Sumy", day=3, place="Sumy", n=9)
    (content / "wire-3.md").write_text(text, encoding="utf-8")
    edited = build_timeline([content], tmp_path, cache, kept=kept)
    assert state_file.read_bytes() == written  # not written after an edit: kept for the next build
    fingerprint = state_file.stem.removeprefix("grouping-")
    assert set(kept.state("grouping", cache, fingerprint).root) == {a.id for a in edited.articles}
    kept.save()  # the session ends
    assert state_file.read_bytes() != written
    cold = build_timeline([content], tmp_path, tmp_path / "cold-cache")
    assert edited.events == cold.events and edited.article_event == cold.article_event
    again = build_timeline([content], tmp_path, cache)  # a later build starts from the saved state
    assert again.events == cold.events


def test_a_rebuild_runs_without_the_cyclic_collector_and_turns_it_on_again(tmp_path, monkeypatch):
    import gc

    import generator.plugin as plugin_module

    content = wire_content(tmp_path)
    seen = []
    real = plugin_module.render_pages
    monkeypatch.setattr(plugin_module, "render_pages", lambda *a: seen.append(gc.isenabled()) or real(*a))
    plugin, build_again = serve_session(tmp_path, content)
    assert seen == [True] and gc.isenabled()  # the first build renders every page: its garbage is collected
    (content / "wire-2.md").write_text(ARTICLE.format(title="Shelling", day=2, place="Odesa", n=5), encoding="utf-8")
    build_again()
    assert seen == [True, False] and gc.isenabled()
    (content / "wire-2.md").write_text("---\ntitle: no date\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(Exception, match="BuildError"):  # the content's problem: a date is missing
        build_again()
    assert gc.isenabled()  # on again after a failed rebuild


def test_a_rebuild_takes_the_theme_templates_compiled_by_the_first_build(tmp_path):
    content = wire_content(tmp_path)
    plugin, build_again = serve_session(tmp_path, content)
    assert plugin.templates.compiled
    text = ARTICLE.format(title="Shelling in Odesa port", day=2, place="Odesa", n=4)
    (content / "wire-2.md").write_text(text, encoding="utf-8")
    assert build_again().templates.reused > 0
    page = (tmp_path / "site" / "articles" / "wire-2" / "index.html").read_text(encoding="utf-8")
    assert "Shelling in Odesa port" in page and "</html>" in page


def test_what_the_first_build_leaves_is_set_aside_from_collection_until_the_session_ends(tmp_path):
    import gc

    class Server:  # what on_serve uses of MkDocs' live-reload server
        def __init__(self):
            self.watched = []

        def watch(self, path):
            self.watched.append(path)

    content = wire_content(tmp_path)
    plugin, _ = serve_session(tmp_path, content)
    assert gc.get_freeze_count() == 0
    try:
        server = plugin.on_serve(Server(), config=load_config(str(ROOT / "mkdocs.yml")), builder=None)
        assert server.watched and gc.get_freeze_count() > 0
    finally:
        plugin.on_shutdown()
    assert gc.get_freeze_count() == 0
