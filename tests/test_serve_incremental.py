"""`timeline serve` after an edit: a dirty rebuild renders the pages that changed, and only those."""

from __future__ import annotations

import os
import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config
from stage_helpers import ROOT

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
