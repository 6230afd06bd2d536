"""Build or serve the site: load mkdocs.yml, point the timeline plugin at the content, run MkDocs."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .plugin import CONTENT_ENV


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


def _absolute(folders: list[Path]) -> list[str]:
    return [str(f.resolve()) for f in folders]


def build_site(content_dirs: list[Path], site_dir: Path, config_file: Path = Path("mkdocs.yml")) -> int:
    missing = [str(f) for f in content_dirs if not f.exists()]
    if missing:
        print(f"build: no such folder: {', '.join(missing)} (fix: pass existing folders to --content)", file=sys.stderr)
        return 1
    _show_mkdocs_messages()
    config = None
    try:
        config = load_config(str(config_file), site_dir=str(site_dir.resolve()))
        config.plugins["timeline"].config.content = _absolute(content_dirs)
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build.build(config)
        config.plugins.on_shutdown()
    except MkDocsException as err:
        plugin = config.plugins["timeline"] if config is not None else None
        print(getattr(plugin, "error_text", "") or f"build failed: {err}", file=sys.stderr)
        return 1
    print(f"site built in {site_dir}", file=sys.stderr)
    return 0


def serve_site(
    content_dirs: list[Path], config_file: Path = Path("mkdocs.yml"), address: str = "127.0.0.1:8000"
) -> int:
    """Preview with live reload; MkDocs loads the config itself, so the folders travel by environment."""
    os.environ[CONTENT_ENV] = os.pathsep.join(_absolute(content_dirs))
    try:
        mkdocs_serve.serve(str(config_file), dev_addr=address, livereload=True)
    except MkDocsException as err:
        print(f"serve failed: {err}", file=sys.stderr)
        return 1
    return 0
