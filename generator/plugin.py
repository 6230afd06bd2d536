"""The MkDocs plugin: wires MkDocs' events to the pipeline and the renderer.

on_config runs the pipeline (a build fails on content errors, with their
text) and sets the navigation (years, not events); on_files adds the
generated pages, whose HTML on_page_markdown hands to the theme without a
Markdown pass; on_env lets a large build render half its pages in a second
process (page_split.py); on_page_context lets pages outside the navigation
share one rendering of it; on_post_build indexes the site for search while
it publishes the data files (data_files/); on_serve watches the content folders.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .data_files import write_data_files
from .model import Timeline
from .page_split import PageSplit, RenderError, can_split
from .pipeline import build_timeline
from .render import render_site
from .render.timeline import years_nav
from .stable_filters import UnexpectedIndex, make_filters_stable

INDENTATION = re.compile(r"\n[ \t\r\n\f]+")  # HTML's white space, never a no-break space
CONTENT_ENV = "TIMELINE_CONTENT"  # set by `timeline serve`, which cannot reach the loaded config


class TimelineConfig(Config):
    content = c.ListOfItems(c.Type(str), default=["content", "seeds"])
    cache_dir = c.Type(str, default=".timeline-cache")


class PreRenderedPage(Page):
    """A generated page: its body is final HTML, so MkDocs' Markdown pass (a new parser per page) is skipped."""

    body_html = ""

    def render(self, config, files) -> None:
        self.content = self.body_html
        self.toc = get_toc([])
        self.present_anchor_ids = set()


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self):
        self.timeline: Timeline | None = None
        self.error_text = ""
        self.root = Path.cwd()
        self.html: dict[str, str] = {}  # generated page source path -> its body HTML
        self.generated: set[str] = set()
        self.in_nav: set[str] = set()
        self.sidebars: dict[str, str] = {}  # rendered sidebars of pages outside the navigation, by folder
        self.command: str | None = None
        self.nav = None
        self.split: PageSplit | None = None
        self.in_child = False

    def on_startup(self, command, dirty):
        self.command = command

    def content_dirs(self) -> list[Path]:
        chosen = os.environ.get(CONTENT_ENV, "").split(os.pathsep) if os.environ.get(CONTENT_ENV) else None
        return [Path(p) if Path(p).is_absolute() else self.root / p for p in chosen or self.config.content]

    def on_config(self, config):
        self.error_text = ""  # MkDocs may keep one plugin object for several builds
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
        config.nav = [
            {"Timeline": "index.md"},
            {"Search": "search.md"},
            {"Years": years_nav(timeline)},
            {"Parties": "actors/index.md"},
            {"Places": "places/index.md"},
            {"Open data": "open-data.md"},
            {"About": "about.md"},
        ]
        print(f"timeline: {len(timeline.articles)} articles, {len(timeline.events)} events", file=sys.stderr)
        return config

    def on_files(self, files: Files, config) -> Files:
        self.html = {}
        for generated in render_site(self.timeline, config.repo_url or "", config.site_url or ""):
            # MkDocs reads the title from the front matter; the body is final HTML, kept out of Markdown
            files.append(File.generated(config, generated.path, content=generated.front_matter))
            self.html[generated.path] = generated.html
        self.generated = set(self.html)
        return files

    def on_nav(self, nav, config, files):
        self.in_nav = {p.file.src_uri for p in nav.pages}
        day = content_date(self.timeline)
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = day  # the sitemap's <lastmod> (and its .gz time): never the clock
        self.sidebars = {}
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        env.globals["shared_sidebar"] = self._shared_sidebar
        self.split = None
        if can_split(len(files.documentation_pages()), self.command):
            self.split = PageSplit(config, files, self.nav, env, before_render=self._become_child)
        return env

    def _become_child(self) -> None:
        self.in_child = True

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.html:
            page.__class__ = PreRenderedPage  # same object, whose render() takes the HTML as it is
            page.body_html = self.html.pop(page.file.src_uri)
        return markdown

    def on_page_context(self, context, page, config, nav):
        """A generated page outside the navigation has no active item and no table of contents: its sidebars
        differ only by the relative links, so pages in one folder share them (theme/main.html)."""
        source = page.file.src_uri
        shared = source in self.generated and source not in self.in_nav and not page.toc.items
        context["shared_sidebar_key"] = "folder:" + page.url.rstrip("/").rpartition("/")[0] if shared else ""
        # the second process renders this page: render it empty here, and MkDocs writes nothing
        context["timeline_skip"] = bool(self.split and not self.in_child and self.split.skips(source))
        return context

    def _shared_sidebar(self, key: str, caller) -> str:
        if key not in self.sidebars:
            self.sidebars[key] = caller()
        return self.sidebars[key]

    def on_post_page(self, output: str, page, config) -> str:
        return without_indentation(output)

    def on_post_build(self, config) -> None:
        split, self.split = self.split, None
        if split:
            try:
                split.wait()
            except RenderError as err:
                self.error_text = str(err)
                raise PluginError(self.error_text) from err
        site_dir = Path(config.site_dir)
        indexing = start_search_index(site_dir)  # a separate process: it runs while the data file is written
        write_data_files(self.timeline, site_dir, config.site_name, config.site_url or "")
        try:
            finish_search_index(indexing)
            make_filters_stable(site_dir / "pagefind")
        except UnexpectedIndex as err:
            self.error_text = f"search index: Pagefind's filter index could not be put in a stable order ({err})"
            raise PluginError(self.error_text) from err
        except PluginError as err:
            self.error_text = str(err)
            raise

    def on_build_error(self, error) -> None:
        split, self.split = self.split, None
        if split:
            split.cancel()

    def on_serve(self, server, config, builder):
        for folder in self.content_dirs():
            if folder.exists():
                server.watch(str(folder))
        return server


def without_indentation(html: str) -> str:
    """The theme's indentation and blank lines dropped (a third of a small page): a run of white space that
    holds a line break shows as one space either way, so only pages with preformatted text are left as they are."""
    if "<pre" in html or "<textarea" in html:
        return html
    return INDENTATION.sub("\n", html)


def content_date(timeline: Timeline | None) -> str:
    """SOURCE_DATE_EPOCH's day when it is set (the reproducible-builds convention, which MkDocs follows too),
    else the newest article's publication date: two builds of the same content give the same site."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    dates = [a.date for a in timeline.articles] if timeline else []
    return max(dates).isoformat() if dates else "1970-01-01"


def start_search_index(site_dir: Path) -> subprocess.Popen:
    """Pagefind indexes the built pages into small pieces a reader's browser fetches on demand."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_search_index(indexing: subprocess.Popen) -> None:
    output, _ = indexing.communicate()
    if indexing.returncode != 0:
        raise PluginError(f"search indexing failed: {output.strip()}")
