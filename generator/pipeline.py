"""The pipeline, top-down: ingest -> extract -> group -> compare.

`build_timeline` is the one function the site, `check`, `eval` and the
benchmarks call; rendering (`generator.render`) takes its `Timeline`.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .actors import load_registry, registry_path
from .cache import GROUPING_CODE_FILES, ExtractionCache, fingerprint, load_state, save_state
from .compare import compare_sources
from .events import ClusterState, group_again
from .events.overrides import load_overrides
from .extract import extract_article
from .ingest import display_path, read_articles
from .model import Article, Extraction, Timeline
from .places import load_gazetteer, places_path

PROGRESS_FROM = 500  # articles; smaller builds are quiet
PARALLEL_FROM = 200  # articles to extract before worker processes pay for their start-up
CHUNK = 50  # articles a worker extracts per task


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
    cached = {a.id: cache.get(a) for a in articles}
    missing = [a for a in articles if cached[a.id] is None]
    if progress and len(articles) >= PROGRESS_FROM:
        progress(f"extract: {len(articles) - len(missing)} of {len(articles)} articles from cache")
    for article, extraction in zip(missing, extract_articles(missing, registry, gazetteer, progress), strict=True):
        cache.put(article, extraction)
        cached[article.id] = extraction
    extractions = [cached[a.id] for a in articles]
    for article in articles:
        if article.path in paths:
            cache.remember_file(paths[article.path], article)
    cache.save(articles)
    grouping = fingerprint([places_path(content_dirs)], GROUPING_CODE_FILES)
    previous = load_state(cache_dir, "grouping", grouping, ClusterState)
    events, article_event, state, references, no_event = group_again(extractions, overrides, gazetteer, previous)
    if state is not previous:
        save_state(cache_dir, "grouping", grouping, state)
    events = compare_sources(events)
    return Timeline(
        articles=tuple(articles),
        events=tuple(events),
        article_event=article_event,
        problems=tuple(problems + registry_problems + override_problems),
        generated_from=",".join(display_path(d, (root or Path.cwd()).resolve()) for d in content_dirs),
        parties=registry.party_labels,
        references=references,
        no_event=no_event,
    )


def extract_articles(articles: list[Article], registry, gazetteer, progress=None) -> list[Extraction]:
    """Extract articles in input order; many go to one worker process per core (extraction is pure CPU work)."""
    workers = min(len(os.sched_getaffinity(0)), 8) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if len(articles) >= PARALLEL_FROM and workers >= 2:
        try:
            return _extract_in_processes(articles, registry, gazetteer, workers, progress)
        except BrokenProcessPool as err:  # e.g. a calling script that cannot be imported again by a worker
            if progress:
                progress(f"extract: worker processes failed ({err}); extracting in this process")
    done = []
    for article in articles:
        done.append(extract_article(article, registry, gazetteer))
        if progress and len(done) % PROGRESS_FROM == 0:
            progress(f"extract: {len(done)}/{len(articles)} articles extracted")
    return done


def _extract_in_processes(articles: list[Article], registry, gazetteer, workers: int, progress) -> list[Extraction]:
    if progress:
        progress(f"extract: {len(articles)} articles in {workers} processes")
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    done = []
    # spawn, not fork: the build may run inside a threaded process (mkdocs serve)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(registry, gazetteer)) as pool:
        for extracted in pool.map(_extract_chunk, chunks):
            done.extend(extracted)
            if progress and len(done) % PROGRESS_FROM < CHUNK:
                progress(f"extract: {len(done)}/{len(articles)} articles extracted")
    return done


_worker_tables: tuple = ()


def _start_worker(registry, gazetteer) -> None:
    global _worker_tables
    _worker_tables = (registry, gazetteer)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    return [extract_article(article, *_worker_tables) for article in articles]
