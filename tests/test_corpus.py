"""The real corpus (../shared/corpus/ukraine-media): every row is imported or accounted for, and ingest reads it all."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest
from stage_helpers import ROOT, SHARED

from generator.importer import KnownArticles, import_file
from generator.ingest import read_articles

CORPUS = SHARED / "corpus" / "ukraine-media"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_files():
    files = sorted(CORPUS.glob("*.csv"))
    if not files:
        pytest.skip(f"../shared/corpus not found: no CSV files in {CORPUS}")
    return files


@pytest.fixture(scope="module")
def imported(corpus_files, tmp_path_factory):
    into = tmp_path_factory.mktemp("corpus") / "articles"
    known = KnownArticles()
    return into, {path.name: import_file(path, into, known=known) for path in corpus_files}


def _rows(path) -> int:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_every_corpus_row_is_written_skipped_as_duplicate_or_rejected(corpus_files, imported):
    _, results = imported
    for path in corpus_files:
        result = results[path.name]
        assert result.failure is None, result.failure
        assert result.rows == _rows(path), path.name
        assert len(result.written) + len(result.duplicates) + len(result.rejected) == result.rows, path.name
    total = sum(r.rows for r in results.values())
    assert total == 11178
    # the README's duplicate URLs (338 across the RT files, 39 in NYT, 1 in ABC, ...) are all skipped
    assert sum(1 for r in results.values() for d in r.duplicates if d.reason == "duplicate URL") == 11178 - 10799


def test_ingest_reads_every_imported_corpus_article_without_a_problem(imported):
    into, results = imported
    articles, problems = read_articles([into])
    assert problems == []
    assert len(articles) == sum(len(r.written) for r in results.values())
    longest = max(articles, key=lambda a: len(a.body))
    assert len(longest.body) > 120_000 and longest.outlet == "Daily Mail"
    assert {a.outlet for a in articles} >= {"BBC", "RT", "Fox", "New York Times", "The Guardian", "Associated Press"}


def test_bench_on_a_500_article_sample_ends_with_the_machine_readable_line(corpus_files):
    """Every figure is measured (a number), on the one machine-readable last line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--limit", "500", "--corpus", str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    figure = r"(\d+(\.\d+)?)"
    names = ("build_ratio", "cold_build_ratio", "extract_per_s", "rebuild_s", "serve_reload_s", "peak_mb")
    names += ("max_page_kb", "site_kb_per_article", "search_first_kb", "site_mb", "bytes_per_article")
    assert re.fullmatch(r"bench: articles=\d+ " + " ".join(f"{n}={figure}" for n in names), last), last
    assert 450 <= int(re.search(r"articles=(\d+)", last).group(1)) <= 500
    rows = done.stdout.splitlines()
    table = [line for line in rows if line.startswith("| ") and line.endswith((" met |", " missed |"))]
    assert len(table) == 10  # every target's row, met or missed


def test_bench_without_a_corpus_says_so_and_exits_0(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--corpus", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0 and "no corpus" in done.stdout
