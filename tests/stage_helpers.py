"""Helpers the stage tests share: paths and small articles built inline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def make_article(
    body: str, published: str = "2023-01-02", language: str = "en", article_id: str = "a1", title: str | None = None
) -> Article:
    return Article(
        article_id,
        f"{article_id}.txt",
        date.fromisoformat(published),
        title or body[:40],
        None,
        None,
        language,
        body,
        title_from_text=title is None,
    )
