"""Build or serve the site: the project's mkdocs.yml with the folders and engine asked for, then the engine.

`timeline build` with the default engine (MkDocs and Material) and `timeline serve`
run MkDocs in this process with the timeline plugin (the fast path `mkdocs build`
takes too); `--engine properdocs|zensical` runs the pipeline here, exports the pages
as files (`export.py`), lets the engine build them and ends with the same data and
search step (`publish.py`). Options travel as the plugin's config, never by
environment.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils import yaml_load

from .export import EngineError, export_pages, exported_path, run_engine
from .plugin import run_pipeline, site_options, timeline_nav, without_indentation
from .publish import PublishError, publish_data_and_search
from .render import render_site


def _show_mkdocs_messages() -> None:
    """MkDocs reports through logging; show its warnings the way its own command does."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        # content problems are printed by build_site itself, once, as path:line lines
        handler.addFilter(lambda record: not str(record.msg).startswith("the content has problems"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


def read_project_config(config_file: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (`!ENV`, `INHERIT`), before any option is checked."""
    with config_file.open("rb") as stream:
        return yaml_load(stream) or {}


def plugins_with(project: dict, **timeline_options) -> dict:
    """The project's plugins, the timeline plugin's options updated: how `build` and `serve` hand MkDocs the
    folders asked for on the command line (a config override, as `mkdocs serve` supports). A mapping, in order:
    MkDocs reads a list of plugins by emptying it, and serve loads the config again on every change."""
    entries = project.get("plugins") or []
    if isinstance(entries, dict):
        entries = [{name: options} for name, options in entries.items()]
    plugins = {}
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name == "timeline":
            options = {**(options or {}), **{k: v for k, v in timeline_options.items() if v is not None}}
        plugins[name] = options or {}
    return plugins


def build_site(
    content_dirs: list[Path], site_dir: Path, config_file: Path = Path("mkdocs.yml"), engine: str | None = None
) -> int:
    missing = [str(f) for f in content_dirs if not f.exists()]
    if missing:
        print(f"build: no such folder: {', '.join(missing)} (fix: pass existing folders to --content)", file=sys.stderr)
        return 1
    _show_mkdocs_messages()
    config = None
    try:
        project = read_project_config(config_file)
        folders = [str(f.resolve()) for f in content_dirs]
        config = load_config(
            str(config_file), site_dir=str(site_dir.resolve()), plugins=plugins_with(project, content=folders)
        )
        plugin = config.plugins["timeline"]
        chosen = engine or plugin.config.engine
        if chosen == "mkdocs":
            config.plugins.on_startup(command="build", dirty=False)
            mkdocs_build.build(config)
            config.plugins.on_shutdown()
        else:
            build_with_engine(chosen, plugin.config, project, config_file.resolve().parent, site_dir)
    except MkDocsException as err:
        plugin = config.plugins["timeline"] if config is not None else None
        print(getattr(plugin, "error_text", "") or f"build failed: {err}", file=sys.stderr)
        return 1
    except (EngineError, PublishError) as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    print(f"site built in {site_dir}", file=sys.stderr)
    return 0


def build_with_engine(engine: str, options, project: dict, root: Path, site_dir: Path) -> None:
    """Generate the pages as files, build them with the engine, then the data files and the search index."""
    timeline = run_pipeline(root, options)
    site_name, repo_url, site_url = (str(project.get(key) or "") for key in ("site_name", "repo_url", "site_url"))
    pages = render_site(timeline, site_options(options, repo_url, site_url))
    nav = timeline_nav(timeline, options.events_per_page, exported_path)
    export = Path(options.export_dir) if Path(options.export_dir).is_absolute() else root / options.export_dir
    config_file = export_pages(pages, nav, project, root, export / engine)
    run_engine(engine, config_file, site_dir)
    for html in site_dir.rglob("*.html"):  # the same light pages the plugin's on_post_page makes
        text = html.read_text(encoding="utf-8")
        lighter = without_indentation(text)
        if lighter != text:
            html.write_text(lighter, encoding="utf-8")
    publish_data_and_search(timeline, site_dir, site_name, site_url)


def serve_site(
    content_dirs: list[Path], config_file: Path = Path("mkdocs.yml"), address: str = "127.0.0.1:8000"
) -> int:
    """Preview with live reload; the folders reach the plugin as its config, like every option."""
    folders = [str(f.resolve()) for f in content_dirs]
    plugins = plugins_with(read_project_config(config_file), content=folders)
    try:
        with terminate_as_interrupt():
            # dirty: after an edit only the pages that changed are rendered again (the plugin knows which)
            mkdocs_serve.serve(str(config_file), dev_addr=address, livereload=True, build_type="dirty", plugins=plugins)
    except MkDocsException as err:
        print(f"serve failed: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # stopped during the first build: MkDocs has cleaned up on its way out
        print("serve: stopped", file=sys.stderr)
    return 0


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a service manager, a script stopping the preview) ends the session as Ctrl-C does: MkDocs then
    shuts down its server, removes its temporary folders and the plugin saves what it kept in memory."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set a handler
        yield
        return
    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
