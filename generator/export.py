"""The engine-neutral build: every page written as a Markdown file, then any engine, then the data files.

Takes the rendered pages (`render_site()`) and the project's mkdocs.yml; gives a
folder where each page is `<url>/index.md` (so relative links hold under any
engine), the site's own pages (About, Search) beside them, and an `mkdocs.yml`
for the engine with the navigation written out and no timeline plugin. MkDocs,
ProperDocs and Zensical each build that folder like any hand-written site; then
`publish.py` adds the data files and the search index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .render.pages import Page

# the command that builds a folder of Markdown pages with each engine, from its config file into a site folder
ENGINE_COMMANDS = {
    "mkdocs": lambda config, site: [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", site],
    "properdocs": lambda config, site: [sys.executable, "-m", "properdocs", "build", "-q", "-f", config, "-d", site],
    "zensical": lambda config, site: [str(Path(sys.executable).parent / "zensical"), "build", "-f", config],
}


class EngineError(RuntimeError):
    pass


def exported_path(path: str) -> str:
    """A page's file under the export: `events/x.md` -> `events/x/index.md` (`index.md` files stay)."""
    if path == "index.md" or path.endswith("/index.md"):
        return path
    return path[: -len(".md")] + "/index.md"


def export_pages(pages: list[Page], nav: list, project_config: dict, project_root: Path, folder: Path) -> Path:
    """Write the pages, the site's own pages and an engine config into `folder`; returns the config file."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    own_pages = project_root / project_config.get("docs_dir", "docs")
    if own_pages.is_dir():
        shutil.copytree(own_pages, docs)
    for page in pages:
        target = docs / exported_path(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    config = dict(project_config)
    config.pop("plugins", None)  # the pages are files now: no generator runs inside the engine
    # Zensical builds only inside the config's folder: every engine builds there, and run_engine moves the site
    config.update(docs_dir="docs", site_dir="site", nav=nav)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((project_root / theme["custom_dir"]).resolve())
    config["theme"] = theme
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config_file


def run_engine(engine: str, config_file: Path, site_dir: Path) -> None:
    """Build the exported folder with the engine, in its own process (it imports nothing of ours), into site_dir."""
    built = config_file.parent / "site"
    command = ENGINE_COMMANDS[engine](str(config_file), str(built))
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=config_file.parent)
    except OSError as err:
        raise EngineError(f"{engine} could not be started: {err} (fix: pip install {engine})") from err
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise EngineError(f"{engine} failed (exit code {result.returncode}):\n{tail}")
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(built, site_dir)
