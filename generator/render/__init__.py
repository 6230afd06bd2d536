"""Render: the Timeline as Markdown pages for MkDocs (see pages.py)."""

from .pages import Page, render_pages, render_site

__all__ = ["Page", "render_pages", "render_site"]
