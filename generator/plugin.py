"""The MkDocs plugin: its typed config holds every option, and it wires MkDocs' events to the pipeline.

Read top to bottom, the events run in this order: on_config runs the pipeline
(a build fails on content errors, with their text) and sets the navigation
(years, not events); on_files adds the generated pages, each a `PreRenderedPage`
whose body is final HTML (no Markdown pass), and starts Pagefind on their bodies
(it indexes nothing else of a page) while the theme renders them; on_page_context lets pages outside
the navigation share one rendering of it; on_post_page drops the theme's
indentation; on_post_build writes the data files and the search index
(`publish.py`, the same step every engine's build ends with); on_serve watches
the content folders. `mkdocs build`, `mkdocs serve` and ProperDocs take this
fast path; `timeline build --engine ...` (`site.py`) exports files instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from .cache import KeptCaches, forget_remembered
from .collection_paused import CollectionPause
from .compiled_templates import CompiledTemplates
from .events import forget_texts_read
from .model import Timeline
from .pipeline import build_timeline
from .publish import PublishError, content_date, publish_data_and_search
from .render import render_pages
from .render.incremental import PageMemo
from .render.pages import (
    ARTICLE_PART_CHARS,
    CLAIMS_PER_ACTOR_PAGE,
    EVENTS_PER_PAGE,
    FULL_TEXT_POLICIES,
    HOME_EVENTS,
    SiteOptions,
)
from .render.pages import Page as RenderedPage
from .render.timeline import years_nav
from .search_index import EarlyIndex
from .watch import ContentWatch
from .yaml_text import SAFE_LOADER

INDENTATION = re.compile(r"\n[ \t\r\n\f]+")  # HTML's white space, never a no-break space
ENGINES = ("mkdocs", "properdocs", "zensical")


class TimelineConfig(Config):
    """Every option a maintainer sets, under `plugins: - timeline:` in mkdocs.yml (`!ENV [NAME, default]` for a
    value from the environment); `timeline build` and `serve` set only what their flags name."""

    content = c.ListOfItems(c.Type(str), default=["content", "seeds"])  # folders of articles, in order
    cache_dir = c.Type(str, default=".timeline-cache")  # extractions and grouping state kept between builds
    engine = c.Choice(ENGINES, default="mkdocs")  # what `timeline build` renders the pages with
    export_dir = c.Type(str, default="build/pages")  # where `timeline build` writes the pages for the engine
    full_text = c.Choice(FULL_TEXT_POLICIES, default="republishable")  # whose full text pages carry
    events_per_page = c.Type(int, default=EVENTS_PER_PAGE)  # cards on one year page
    home_events = c.Type(int, default=HOME_EVENTS)  # cards on the home page
    article_part_chars = c.Type(int, default=ARTICLE_PART_CHARS)  # a long published text is cut into parts
    claims_per_actor_page = c.Type(int, default=CLAIMS_PER_ACTOR_PAGE)  # quotes on one party's page


def site_options(config: TimelineConfig, repo_url: str = "", site_url: str = "") -> SiteOptions:
    return SiteOptions(
        events_per_page=config.events_per_page,
        home_events=config.home_events,
        article_part_chars=config.article_part_chars,
        claims_per_actor_page=config.claims_per_actor_page,
        full_text=config.full_text,
        repo_url=repo_url,
        site_url=site_url,
    )


def folder_from(root: Path, value: str) -> Path:
    return Path(value) if Path(value).is_absolute() else root / value


class GeneratedFile(File):
    """A generated page's file; `changed` is False when the same page was built before in this `timeline serve`
    session, so a dirty build (MkDocs' own `--dirty`) leaves its HTML as it is."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class PreRenderedPage(Page):
    """A generated page: its body is final HTML, so MkDocs' Markdown pass (a new parser per page) is skipped."""

    def __init__(self, file: File, config, body_html: str) -> None:
        super().__init__(None, file, config)
        self.body_html = body_html

    def read_source(self, config) -> None:
        """As MkDocs reads a page's source, but the generated front matter (a title) goes through libyaml rather
        than MkDocs' pure-Python loader, which took a tenth of the theme's time on a large site."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        text = self.file.content_string if source is None else source
        head, between, rest = text.partition("\n---\n")
        meta = yaml.load(head[4:], SAFE_LOADER) if text.startswith("---\n") and between else None
        if isinstance(meta, dict):
            self.markdown, self.meta = rest.lstrip("\n"), meta
        else:
            self.markdown, self.meta = get_data(text)

    def render(self, config, files) -> None:
        self.content = self.body_html
        self.toc = get_toc([])
        self.present_anchor_ids = set()


def timeline_nav(timeline: Timeline, events_per_page: int, page_path=lambda path: path) -> list[dict]:
    """The site's navigation (years, not events); `page_path` maps a page's source path to where it lies."""
    return [
        {"Timeline": page_path("index.md")},
        {"Search": "search.md"},
        {"Years": years_nav(timeline, events_per_page, page_path)},
        {"Parties": page_path("actors/index.md")},
        {"Places": page_path("places/index.md")},
        {"Open data": page_path("open-data.md")},
        {"About": "about.md"},
    ]


def run_pipeline(root: Path, options: TimelineConfig, kept: KeptCaches | None = None) -> Timeline:
    """The timeline of the configured folders, or a PluginError naming every content error."""
    timeline = build_timeline(
        [folder_from(root, p) for p in options.content],
        root,
        folder_from(root, options.cache_dir),
        progress=lambda message: print(f"timeline: {message}", file=sys.stderr),
        kept=kept,
    )
    if kept is None:  # a one-shot build: the headlines and leads as read go before rendering (`forget_texts_read`)
        forget_texts_read()
    errors = [p for p in timeline.problems if p.severity == "error"]
    if errors:
        raise PluginError("the content has problems:\n" + "\n".join(str(p) for p in errors))
    print(f"timeline: {len(timeline.articles)} articles, {len(timeline.events)} events", file=sys.stderr)
    return timeline


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self):
        self.timeline: Timeline | None = None
        self.error_text = ""
        self.generated: set[str] = set()
        self.in_nav: set[str] = set()
        self.sidebars: dict[str, str] = {}  # rendered sidebars of pages outside the navigation, by folder
        self.dirty = False
        self.built: dict[str, tuple[RenderedPage, File]] = {}  # serve: page path -> its last page and file
        self.built_with: tuple | None = None  # serve: what every page's HTML depends on beyond its own content
        self.caches_kept = KeptCaches()  # serve: the extraction cache, read from disk once
        self.pages_kept = PageMemo()  # serve: the last build's pages, rendered again only when their inputs change
        self.indexed = False
        self.early_index: EarlyIndex | None = None
        self.watch: ContentWatch | None = None  # serve: the content folders, watched by the system
        self.collection = CollectionPause()  # serve: no cyclic collection during a rebuild (`collection_paused.py`)
        self.templates = CompiledTemplates()  # serve: the theme's templates, compiled by the first build

    def on_startup(self, *, command, dirty):
        """Defined, so MkDocs keeps this object for a whole `serve`: a dirty rebuild renders only changed pages."""
        self.dirty = dirty
        self.indexed = False  # MkDocs keeps this object for the process: a new session builds everything first

    def on_config(self, config):
        self.error_text = ""  # MkDocs may keep one plugin object for several builds
        if self.dirty and self.indexed:  # a rebuild (on again in on_post_build or on_build_error); the first
            self.collection.pause()  # build renders every page, and its garbage is collected as it goes
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            self.timeline = run_pipeline(root, self.config, self.caches_kept if self.dirty else None)
        except PluginError as err:
            self.error_text = str(err).partition("\n")[2]
            raise
        config.nav = timeline_nav(self.timeline, self.config.events_per_page)
        if not self.dirty:
            forget_remembered()  # the cache files as read: only a second build in this process would use them
            release_freed_memory()  # what extraction and grouping no longer hold
        return config

    def on_files(self, files: Files, config) -> Files:
        files = without_unread_theme_files(files, config)
        self.generated = set()
        # a new year changes every page's sidebar, an edit of mkdocs.yml may change every page
        built_with = (config.nav, config.site_url, config.site_dir, _config_text(config))
        same_site = self.dirty and built_with == self.built_with
        built, self.built, self.built_with = self.built, {}, built_with
        options = site_options(self.config, config.repo_url or "", config.site_url or "")
        # the search index is made from the bodies as they are rendered (a preview keeps its first: on_post_build)
        early = None if self.dirty and self.indexed else EarlyIndex.start(config.theme["language"])
        self.early_index = early  # stopped by on_build_error if rendering fails
        for generated in render_pages(self.timeline, options, self.pages_kept if self.dirty else None):
            before = built.get(generated.path) if same_site else None
            if before and before[0] is generated:  # the very page of the last build (`render/incremental.py`)
                file = before[1]
                file.changed = False
            else:
                file = self._generated_file(generated, config, before)
            files.append(file)
            self.generated.add(generated.path)
            self.built[generated.path] = (generated, file)
            if early:
                early.add(file.dest_uri, without_indentation(generated.html))
        if early:
            self.early_index = early.end_input()
        if not self.dirty:  # a one-shot build renders each page once: its HTML goes once written (on_post_page)
            self.built = {}
            release_freed_memory()
        return files

    @staticmethod
    def _generated_file(generated: RenderedPage, config, before: tuple[RenderedPage, File] | None) -> File:
        """The page's file for MkDocs; unchanged (a dirty build leaves its HTML) when it is as last built."""
        # MkDocs reads the title from the front matter; the body is final HTML, kept out of Markdown
        file = GeneratedFile.generated(config, generated.path, content=generated.front_matter)
        file.changed = not (
            before and (before[0].front_matter, before[0].html) == (generated.front_matter, generated.html)
        )
        PreRenderedPage(file, config, generated.html)  # a Page sets itself as file.page
        return file

    def on_nav(self, nav, config, files):
        self.in_nav = {p.file.src_uri for p in nav.pages}
        day = content_date(self.timeline)
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = day  # the sitemap's <lastmod> (and its .gz time): never the clock
        self.sidebars = {}
        return nav

    def on_env(self, env, config, files):
        env.globals["shared_sidebar"] = self._shared_sidebar
        if self.dirty:
            env.bytecode_cache = self.templates.for_config(_config_text(config))
        return env

    def on_page_context(self, context, page, config, nav):
        """A generated page outside the navigation has no active item and no table of contents: its sidebars
        differ only by the relative links, so pages in one folder share them (theme/main.html)."""
        source = page.file.src_uri
        shared = source in self.generated and source not in self.in_nav and not page.toc.items
        context["shared_sidebar_key"] = "folder:" + page.url.rstrip("/").rpartition("/")[0] if shared else ""
        return context

    def _shared_sidebar(self, key: str, caller) -> str:
        if key not in self.sidebars:
            self.sidebars[key] = caller()
        return self.sidebars[key]

    def on_post_page(self, output: str, page, config) -> str:
        if not self.dirty and isinstance(page, PreRenderedPage):
            page.body_html, page.content = "", None  # written next, never read again: the indexer needs the memory
        return without_indentation(output)

    def on_post_build(self, config) -> None:
        # a dirty rebuild (`timeline serve` after an edit) keeps the first build's data files and search index:
        # a preview's data/ and search may lag, its pages do not
        if self.dirty and self.indexed:
            self.collection.resume()
            return
        early, self.early_index = self.early_index, None
        try:
            site = Path(config.site_dir)
            publish_data_and_search(self.timeline, site, config.site_name, config.site_url or "", early)
            self.indexed = True
        except PublishError as err:
            self.error_text = str(err)
            raise PluginError(self.error_text) from err
        finally:
            self.collection.resume()

    def on_build_error(self, error) -> None:
        self.collection.resume()
        if self.early_index:
            self.early_index.stop()
            self.early_index = None

    def on_serve(self, server, config, builder):
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        folders = [folder_from(root, f) for f in self.config.content if folder_from(root, f).exists()]
        self.watch = ContentWatch(folders)
        for path in self.watch.paths_to_poll:
            server.watch(str(path))
        self.collection.set_aside_what_lives()  # the first build is done: MkDocs calls on_serve after it
        return server

    def on_shutdown(self) -> None:
        if self.watch:
            self.watch.stop()
            self.collection.take_back_what_was_set_aside()
        self.caches_kept.save()  # what the serve session kept only in memory


def release_freed_memory() -> None:
    """Hand the memory freed after a large step back to the system, which glibc's allocator otherwise keeps for
    this process: the search indexer runs beside the rendering, and a build's peak is the two together."""
    with contextlib.suppress(AttributeError, OSError):  # not glibc: nothing to hand back this way
        ctypes.CDLL(None).malloc_trim(0)


def _config_text(config) -> bytes:
    try:
        return Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    except OSError:
        return b""


MATERIAL_SEARCH_FILES = re.compile(r"assets/javascripts/(lunr/|workers/search\.)")
SOURCE_MAP = re.compile(r"assets/.*\.map$")


def without_unread_theme_files(files: Files, config) -> Files:
    """The theme's files no page loads left out of the site (2.3 MB of its 2.4): Material's search engine (lunr and
    its worker) when Material's search plugin is off, and every source map (read only by a developer's tools)."""
    searching = any(name in config.plugins for name in ("search", "material/search"))
    for file in list(files):
        if SOURCE_MAP.match(file.src_uri) or (not searching and MATERIAL_SEARCH_FILES.match(file.src_uri)):
            files.remove(file)
    return files


def without_indentation(html: str) -> str:
    """The theme's indentation and blank lines dropped (a third of a small page): a run of white space that
    holds a line break shows as one space either way, so only pages with preformatted text are left as they are."""
    if "<pre" in html or "<textarea" in html:
        return html
    return INDENTATION.sub("\n", html)
