"""One build, three engines: the seeds built with MkDocs (the plugin), ProperDocs and Zensical (exported files)
show the same main content on every event and article page, with the data files and search index beside them."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from stage_helpers import ROOT

from generator.export import exported_path
from generator.site import build_site

MAIN = re.compile(r"<div data-pagefind-body[^>]*>.*?</div>\s*</article>", re.S)


def main_content(page: Path) -> str:
    found = MAIN.search(page.read_text(encoding="utf-8"))
    assert found, f"{page}: no main content"
    return found.group()


def installed(engine: str) -> bool:
    if engine == "zensical":
        return (Path(sys.executable).parent / "zensical").exists() or shutil.which("zensical") is not None
    return importlib.util.find_spec(engine) is not None


def project_config(folder: Path) -> Path:
    """The project's mkdocs.yml in `folder`, exporting pages under it instead of the project's build/."""
    config = folder / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("export_dir: build/pages", "export_dir: pages")
    config.write_text(text.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content' / 'pages'}"))
    (folder / "theme").symlink_to(ROOT / "theme")
    return config


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("engines") / "mkdocs"
    assert build_site([ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    return site


def test_pages_are_exported_at_their_address():
    assert exported_path("index.md") == "index.md"
    assert exported_path("events/x.md") == "events/x/index.md"
    assert exported_path("actors/index.md") == "actors/index.md"
    assert exported_path("years/2022/page-2.md") == "years/2022/page-2/index.md"


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_each_engine_builds_the_same_pages(engine, mkdocs_site, tmp_path):
    if not installed(engine):
        pytest.skip(f"{engine} is not installed here (pip install -e '.[engines]' installs it)")
    site = tmp_path / engine
    assert build_site([ROOT / "seeds"], site, project_config(tmp_path), engine=engine) == 0
    events = sorted(p.relative_to(mkdocs_site) for p in (mkdocs_site / "events").glob("*/index.html"))
    articles = sorted(p.relative_to(mkdocs_site) for p in (mkdocs_site / "articles").glob("*/index.html"))
    assert len(events) >= 3 and len(articles) == 2
    for page in events + articles:
        assert main_content(site / page) == main_content(mkdocs_site / page), page
    data, expected = (json.loads((s / "data" / "timeline.json").read_text()) for s in (site, mkdocs_site))
    assert data["events"] == expected["events"]  # (article paths are shown from each config's folder)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (tmp_path / "pages" / engine / "docs" / "events" / events[0].parts[1] / "index.md").is_file()


def test_an_engine_that_fails_is_named_not_a_traceback(tmp_path, capsys, monkeypatch):
    from generator import export

    monkeypatch.setitem(export.ENGINE_COMMANDS, "zensical", lambda config, site: [sys.executable, "-c", "exit(3)"])
    assert build_site([ROOT / "seeds"], tmp_path / "site", project_config(tmp_path), engine="zensical") == 1
    err = capsys.readouterr().err
    assert "zensical failed (exit code 3)" in err and "Traceback" not in err
