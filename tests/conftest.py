"""Shared fixtures: small articles built inline, the project's registry and gazetteer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.actors import load_registry
from generator.model import Article
from generator.places import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def registry():
    found, problems = load_registry([ROOT / "content"])
    assert problems == []
    return found


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer([ROOT / "content"])


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
