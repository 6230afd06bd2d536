"""The baseline: a bare mkdocs-material site with as many plain pages as the timeline site, nav listing years only."""

from __future__ import annotations

from itertools import cycle
from pathlib import Path

import yaml

from generator.model import Article


def write_bare_site(folder: Path, articles: list[Article], pages: int) -> Path:
    """Plain Markdown pages (an article's title and text each, cycling) in one folder per year; returns mkdocs.yml."""
    docs = folder / "docs"
    years = sorted({a.date.year for a in articles}) or [2022]
    for year in years:
        (docs / str(year)).mkdir(parents=True, exist_ok=True)
        (docs / str(year) / "index.md").write_text(f"# {year}\n\nArticles of {year}.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Timeline\n\nA bare site for comparison.\n", encoding="utf-8")
    sources = cycle(articles) if articles else cycle([None])
    for number in range(max(pages - len(years) - 1, 0)):
        article = next(sources)
        year = article.date.year if article else years[number % len(years)]
        title = article.title if article else f"Page {number}"
        body = article.body if article else "Text."
        (docs / str(year) / f"page-{number:05d}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    config = {
        "site_name": "Bare baseline",
        "theme": {"name": "material"},
        "nav": [{"Timeline": "index.md"}] + [{str(y): f"{y}/index.md"} for y in years],
    }
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file
