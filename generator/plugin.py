"""The MkDocs plugin: wires MkDocs' events to the pipeline and the renderer.

on_config runs the pipeline (a build fails on content errors, with their
text); on_files adds the generated pages; on_nav keeps the navigation to
years only; on_post_build publishes data/timeline.json; on_serve watches
the content folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .model import Timeline
from .pipeline import build_timeline
from .render import render_site
from .serialize import timeline_to_json

CONTENT_ENV = "TIMELINE_CONTENT"  # set by `timeline serve`, which cannot reach the loaded config


class TimelineConfig(Config):
    content = c.ListOfItems(c.Type(str), default=["content", "seeds"])
    cache_dir = c.Type(str, default=".timeline-cache")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self):
        self.timeline: Timeline | None = None
        self.error_text = ""
        self.root = Path.cwd()

    def content_dirs(self) -> list[Path]:
        chosen = os.environ.get(CONTENT_ENV, "").split(os.pathsep) if os.environ.get(CONTENT_ENV) else None
        return [Path(p) if Path(p).is_absolute() else self.root / p for p in chosen or self.config.content]

    def on_config(self, config):
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        cache = Path(self.config.cache_dir)
        timeline = build_timeline(
            self.content_dirs(),
            self.root,
            cache if cache.is_absolute() else self.root / cache,
            progress=lambda message: print(f"timeline: {message}", file=sys.stderr),
        )
        errors = [p for p in timeline.problems if p.severity == "error"]
        if errors:
            self.error_text = "\n".join(str(p) for p in errors)
            raise PluginError("the content has problems:\n" + self.error_text)
        self.timeline = timeline
        years = sorted({e.date[:4] for e in timeline.events})
        config.nav = [
            {"Timeline": "index.md"},
            {"Search": "search.md"},
            {"Years": [{y: f"years/{y}.md"} for y in years]},
            {"Parties": "actors/index.md"},
            {"Places": "places/index.md"},
            {"About": "about.md"},
        ]
        print(f"timeline: {len(timeline.articles)} articles, {len(timeline.events)} events", file=sys.stderr)
        return config

    def on_files(self, files: Files, config) -> Files:
        for generated in render_site(self.timeline):
            files.append(File.generated(config, generated.path, content=generated.content))
        return files

    def on_post_build(self, config) -> None:
        target = Path(config.site_dir) / "data" / "timeline.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(timeline_to_json(self.timeline), encoding="utf-8")
        index_for_search(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        for folder in self.content_dirs():
            if folder.exists():
                server.watch(str(folder))
        return server


def index_for_search(site_dir: Path) -> None:
    """Pagefind indexes the built pages into small pieces a reader's browser fetches on demand."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"search indexing failed: {result.stderr.strip() or result.stdout.strip()}")
