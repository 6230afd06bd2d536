"""The pipeline, top-down: ingest -> extract -> group -> compare.

`build_timeline` is the one function the site, `check`, `eval` and the
benchmarks call; rendering (`generator.render`) takes its `Timeline`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .cache import ExtractionCache, KeptCaches, load_state, note_to_stderr, save_state
from .cache_codec import readings_from_data, readings_to_data, state_from_data, state_to_data
from .collection_paused import collection_paused
from .compare import compare_sources
from .events import group_again
from .events.corrections import apply_corrections, missing_targets
from .events.corrections_file import load_corrections
from .events.overrides import load_overrides
from .events.readings import TextReading, read_text, read_texts
from .extract import extract_article
from .ingest import display_path, read_articles
from .model import Article, Extraction, Problem, Timeline
from .spellings import spelling_groups
from .tables import code_digest, load_tables
from .time_limit import TimeLimitExceeded, time_limit

PROGRESS_FROM = 500  # articles; smaller builds are quiet
PARALLEL_FROM = 200  # articles to extract before worker processes pay for their start-up
CHUNK = 50  # articles a worker extracts per task
EXTRACTION_SECONDS = 20.0  # one article's limit; articles take about 10 ms, pathological text can take minutes


def build_timeline(
    content_dirs: list[Path],
    root: Path | None = None,
    cache_dir: Path | None = None,
    progress=None,
    kept: KeptCaches | None = None,
) -> Timeline:
    """Read, extract, group and compare; `cache_dir` keeps extractions of unchanged articles, and `kept` keeps
    that cache in memory for the next build of this process (`timeline serve`)."""
    with collection_paused():  # the collector's passes over every extraction were a third of a rebuild
        return _build_timeline(content_dirs, root, cache_dir, progress, kept)


def _build_timeline(
    content_dirs: list[Path], root: Path | None, cache_dir: Path | None, progress, kept: KeptCaches | None
) -> Timeline:
    tables = load_tables(content_dirs, kept.tables if kept else None)  # the fingerprint hashes the bytes read
    if kept:
        kept.tables = tables
    registry, gazetteer = tables.registry, tables.gazetteer
    overrides, override_problems = load_overrides(content_dirs)
    corrections, correction_problems = load_corrections(content_dirs)
    note = progress or note_to_stderr
    if kept:
        cache = kept.extraction_cache(cache_dir, tables.fingerprint, note)
    else:
        cache = ExtractionCache(cache_dir, tables.fingerprint, note)
    paths: dict[str, Path] = {}  # shown path -> file, for the files read
    articles, cached, problems, read_by_workers = _read_and_extract(content_dirs, root, cache, paths, tables, progress)
    # the cached Article where there is one (equal: its key hashes every field): a file read again because it was
    # racy (`cache.py`) stays the same object, and the pages a serve session keeps stay valid
    articles = [cached[a.id].article for a in articles if cached[a.id] is not None]
    # corrections apply to what the cache holds: editing them never extracts an article again
    extractions, moves, found = apply_corrections([cached[a.id] for a in articles], corrections, registry)
    correction_problems += found
    for article in articles:
        if article.path in paths:
            cache.remember_file(paths[article.path], article)
    cache.save(articles)
    kept_states = KeptStates(cache_dir, tables.fingerprint, kept, note)
    previous = kept_states.previous("grouping", state_from_data)
    read_before = kept_states.previous("readings", readings_from_data)
    # the workers read the texts they extracted; a reading whose text a correction changed is read again here
    known = {**(read_before or {}), **read_by_workers} if read_by_workers else read_before
    readings = read_texts(extractions, gazetteer, known)
    grouped = group_again(extractions, overrides, gazetteer, previous, moves, readings)
    events, article_event, state, references, no_event = grouped
    kept_states.keep("grouping", state, previous, state_to_data)
    kept_states.keep("readings", readings, read_before, readings_to_data)
    correction_problems += missing_targets(corrections, events, {a.id for a in articles})
    events = compare_sources(events, registry.names_side)
    return Timeline(
        articles=tuple(articles),
        events=tuple(events),
        article_event=article_event,
        problems=tuple(problems) + tables.table_problems + tuple(override_problems + correction_problems),
        generated_from=",".join(display_path(d, (root or Path.cwd()).resolve()) for d in content_dirs),
        parties=registry.party_labels,
        references=references,
        no_event=no_event,
        spellings=spelling_groups(registry, gazetteer),
    )


def _read_and_extract(
    content_dirs: list[Path], root: Path | None, cache: ExtractionCache, paths: dict[str, Path], tables, progress
):
    """The articles, each one's extraction (None for one the extractor refused), the problems found, and the
    readings of the texts the worker processes extracted. Many articles to extract start the workers while the
    files are still being read."""
    cached: dict[str, Extraction | None] = {}
    missing: list[Article] = []

    def unchanged(path: Path, shown: str):
        paths[shown] = path
        return cache.unchanged_article(path, shown)

    def kept_article(article: Article) -> None:
        cached[article.id] = cache.get(article)
        if cached[article.id] is None:
            missing.append(article)
            workers.offer(missing)

    with ExtractionPool(tables.registry, tables.gazetteer) as workers:
        reuse = unchanged if cache.path else None
        articles, problems = read_articles(content_dirs, root, reuse=reuse, kept=kept_article)
        if progress and len(articles) >= PROGRESS_FROM:
            progress(f"extract: {len(articles) - len(missing)} of {len(articles)} articles from cache")
        extracted = extract_articles(missing, tables.registry, tables.gazetteer, progress, pool=workers)
    for article, extraction in zip(missing, extracted, strict=True):
        if isinstance(extraction, Problem):  # named, and left out; every other article goes on
            problems.append(extraction)
            continue
        cache.put(article, extraction)
        cached[article.id] = extraction
    return articles, cached, problems, workers.readings


@dataclass(frozen=True)
class KeptStates:
    """Grouping's states between builds: kept in memory in a serve session (`KeptCaches`), else in files."""

    cache_dir: Path | None
    fingerprint: str
    kept: KeptCaches | None
    note: Callable[[str], None]

    def previous(self, name: str, decode):
        found = self.kept.state(name, self.cache_dir, self.fingerprint) if self.kept else None
        return found if found is not None else load_state(self.cache_dir, name, self.fingerprint, decode, self.note)

    def keep(self, name: str, state, previous, encode) -> None:
        if self.kept:
            self.kept.keep_state(name, self.cache_dir, self.fingerprint, state, state is not previous, encode)
        elif state is not previous:
            save_state(self.cache_dir, name, self.fingerprint, encode(state))


def extract_articles(
    articles: list[Article], registry, gazetteer, progress=None, pool: ExtractionPool | None = None
) -> list[Extraction | Problem]:
    """Extract articles in input order; many go to one worker process per core (extraction is pure CPU work).
    `pool`, when given, may already be extracting the first chunks (`ExtractionPool.offer`).

    An article that fails or runs past `EXTRACTION_SECONDS` comes back as a Problem naming it."""
    workers = worker_count()
    if len(articles) >= PARALLEL_FROM and workers >= 2:
        try:
            if pool is None:
                with ExtractionPool(registry, gazetteer) as pool:
                    return pool.extract(articles, progress)
            return pool.extract(articles, progress)
        except BrokenProcessPool as err:  # e.g. a calling script that cannot be imported again by a worker
            if progress:
                progress(f"extract: worker processes failed ({err}); extracting in this process")
    done = []
    for article in articles:
        done.append(extract_within_limit(article, registry, gazetteer))
        if progress and len(done) % PROGRESS_FROM == 0:
            progress(f"extract: {len(done)}/{len(articles)} articles extracted")
    return done


def worker_count() -> int:
    """One extraction process per core this process may use, at most 8."""
    return min(len(os.sched_getaffinity(0)), 8) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ExtractionPool:
    """Worker processes extracting chunks of articles, started as soon as a build has PARALLEL_FROM articles to
    extract and handed each chunk as it is read, so reading the files, the workers' start-up and extraction
    overlap. Each worker also reads the texts it extracted as grouping does (`readings`), on its own core."""

    def __init__(self, registry, gazetteer) -> None:
        self.tables = (registry, gazetteer)
        self.workers = worker_count()
        self.executor: ProcessPoolExecutor | None = None
        self.broken: BrokenProcessPool | None = None  # the workers failed: the build extracts in its own process
        self.chunks: list[tuple[list[Article], Future]] = []  # handed to the workers, in order
        self.handed = 0  # articles in those chunks
        self.readings: dict[str, TextReading] = {}  # article id -> its text as grouping reads it

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *error) -> None:
        if self.executor:
            self.executor.shutdown(cancel_futures=True)
            self.executor = None

    def offer(self, missing: list[Article]) -> None:
        """The articles to extract so far (a list that only grows): start the workers once they are many, and
        hand them each full chunk."""
        if self.executor is None and not self.broken and len(missing) >= PARALLEL_FROM and self.workers >= 2:
            self._start()
        while self.executor and not self.broken and len(missing) - self.handed >= CHUNK:
            self._hand(missing[self.handed : self.handed + CHUNK])

    def _start(self) -> None:
        # spawn, not fork: the build may run inside a threaded process (mkdocs serve)
        context = multiprocessing.get_context("spawn")
        tables = (*self.tables, code_digest(), EXTRACTION_SECONDS)
        self.executor = ProcessPoolExecutor(self.workers, context, initializer=_start_worker, initargs=tables)

    def _hand(self, chunk: list[Article]) -> None:
        try:
            self.chunks.append((chunk, self.executor.submit(_extract_chunk, chunk)))
            self.handed += len(chunk)
        except BrokenProcessPool as err:  # told by `extract`, which the build then does in its own process
            self.broken = err

    def _offered(self):
        return (article for chunk, _ in self.chunks for article in chunk)

    def extract(self, articles: list[Article], progress=None) -> list[Extraction | Problem]:
        """Every article's extraction, in order: the chunks already handed out (when they are the first of
        `articles`), then the rest."""
        if self.executor is None:
            self._start()
        if progress:
            progress(f"extract: {len(articles)} articles in {self.workers} processes")
        if len(articles) < self.handed or any(a is not b for a, b in zip(articles, self._offered(), strict=False)):
            for _, future in self.chunks:  # other articles than those offered: start again
                future.cancel()
            self.chunks, self.handed = [], 0
        for at in range(self.handed, len(articles), CHUNK):
            self._hand(articles[at : at + CHUNK])
        if self.broken:
            raise self.broken
        done: list[Extraction | Problem] = []
        for _, future in self.chunks:
            for extraction, reading in future.result():
                done.append(extraction)
                if reading is not None:
                    self.readings[extraction.article.id] = reading
            if progress and len(done) % PROGRESS_FROM < CHUNK:
                progress(f"extract: {len(done)}/{len(articles)} articles extracted")
        return done


_worker_tables: tuple = ()


def _start_worker(registry, gazetteer, expected_code: str, seconds: float = EXTRACTION_SECONDS) -> None:
    """A worker imports the package anew: if it changed on disk since the build started, its results would not
    be the ones the cache's fingerprint names, so the pool breaks and the build extracts in its own process."""
    global _worker_tables, EXTRACTION_SECONDS
    if code_digest() != expected_code:
        raise RuntimeError("the package's code or rule tables changed on disk during the build")
    EXTRACTION_SECONDS = seconds
    _worker_tables = (registry, gazetteer)


def _extract_chunk(articles: list[Article]) -> list[tuple[Extraction | Problem, TextReading | None]]:
    done = []
    for article in articles:
        extraction = extract_within_limit(article, *_worker_tables)
        reading = None
        if not isinstance(extraction, Problem):
            try:
                reading = read_text(extraction, _worker_tables[1])
            except Exception:  # noqa: BLE001  (the build reads it again in its own process, and fails there as ever)
                reading = None
        done.append((extraction, reading))
    return done


def extract_within_limit(article: Article, registry, gazetteer) -> Extraction | Problem:
    """The article's extraction, or a Problem naming it when the extractor fails or runs past the time limit."""
    try:
        with time_limit(EXTRACTION_SECONDS):
            return extract_article(article, registry, gazetteer)
    except TimeLimitExceeded:
        return Problem(
            article.path,
            1,
            f"extracting this article took over {EXTRACTION_SECONDS:g} s, so it was stopped",
            "look for very long runs of repeated words, spaces or symbols and cut them; if the text is ordinary, "
            "report it as a bug",
        )
    # The extractor is another stage's code: a bug on one article must not hide the problems of the others.
    except Exception as err:  # noqa: BLE001
        return Problem(
            article.path,
            1,
            f"the extractor failed on this article ({type(err).__name__}: {err})",
            "this is a bug: report it with the file; meanwhile move the file out of the content folder",
        )
