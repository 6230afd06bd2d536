"""The pipeline, top-down: ingest -> extract -> group -> compare.

`build_timeline` is the one function the site, `check`, `eval` and the
benchmarks call; rendering (`generator.render`) takes its `Timeline`.
"""

from __future__ import annotations

from pathlib import Path

from .actors import load_registry, registry_path
from .cache import ExtractionCache, fingerprint
from .compare import compare_sources
from .extract import extract_article
from .group import group_articles_into_events
from .ingest import display_path, read_articles
from .model import Timeline
from .overrides import load_overrides
from .places import load_gazetteer, places_path


def build_timeline(
    content_dirs: list[Path], root: Path | None = None, cache_dir: Path | None = None, progress=None
) -> Timeline:
    """Read, extract, group and compare; `cache_dir` keeps extractions of unchanged articles."""
    registry, registry_problems = load_registry(content_dirs)
    overrides, override_problems = load_overrides(content_dirs)
    gazetteer = load_gazetteer(content_dirs)
    cache = ExtractionCache(cache_dir, fingerprint([registry_path(content_dirs), places_path(content_dirs)]))
    paths: dict[str, Path] = {}

    def unchanged(path: Path, shown: str):
        paths[shown] = path
        return cache.unchanged_article(path, shown)

    articles, problems = read_articles(content_dirs, root, reuse=unchanged if cache_dir else None)
    extractions = []
    for done, article in enumerate(articles, 1):
        extraction = cache.get(article)
        if extraction is None:
            extraction = extract_article(article, registry, gazetteer)
            cache.put(article, extraction)
        extractions.append(extraction)
        if article.path in paths:
            cache.remember_file(paths[article.path], article)
        if progress and done % 500 == 0:
            progress(f"extract: {done}/{len(articles)} articles ({cache.hits} from cache)")
    cache.save(articles)
    events, article_event = group_articles_into_events(extractions, overrides, gazetteer)
    events = compare_sources(events)
    return Timeline(
        articles=tuple(articles),
        events=tuple(events),
        article_event=article_event,
        problems=tuple(problems + registry_problems + override_problems),
        generated_from=",".join(display_path(d, (root or Path.cwd()).resolve()) for d in content_dirs),
        parties=registry.party_labels,
    )
