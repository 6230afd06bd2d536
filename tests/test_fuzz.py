"""Random and mutated articles: never a traceback, never a hang, and every file is built or named.

The hostile files come from `hostile_articles.py` (issue 16, point 6). A seeded batch of 240 goes
through one build and `check` (`FUZZ_SEED=123 pytest tests/test_fuzz.py` replays another); Hypothesis
draws a few hundred more, one by one through ingest and extraction, and small folders of them through
`check` and the build to `timeline.json`. The Hypothesis runs are derandomized, so CI replays them.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from pathlib import Path

from hostile_articles import article_file, random_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.check import check_content
from generator.ingest import read_articles
from generator.model import Problem
from generator.pipeline import EXTRACTION_SECONDS, build_timeline, extract_within_limit
from generator.serialize import timeline_to_json

ROOT = Path(__file__).resolve().parent.parent
FILES = 240


def test_random_and_mutated_articles_are_each_built_or_named(tmp_path, monkeypatch):
    seed = int(os.environ.get("FUZZ_SEED", "16"))
    rng = random.Random(seed)
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for n in range(FILES):
        suffix, data = random_article(rng)
        (folder / f"f{n:03d}{suffix}").write_bytes(data)
    monkeypatch.setattr(pipeline, "EXTRACTION_SECONDS", 5)
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    timeline = build_timeline([Path("content")], tmp_path)
    assert time.monotonic() - started < 300, f"seed {seed}: the build took too long"
    built = {a.path for a in timeline.articles}
    named = {p.path for p in timeline.problems}
    every = {f"content/articles/{p.name}" for p in folder.iterdir()}
    assert every - built - named == set(), f"seed {seed}: files neither built nor named"
    assert built and named  # the generator makes both kinds
    report = check_content([Path("content")])
    assert not report.pipeline_failed, report.notes
    assert {p.path for p in report.problems if p.severity == "error"} >= named


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
FUZZ = settings(deadline=None, derandomize=True, suppress_health_check=SLOW)
STOPPED = f"took over {EXTRACTION_SECONDS:g} s"


@settings(FUZZ, max_examples=300)
@given(file=article_file())
def test_a_hostile_file_is_read_and_extracted_or_named(file, registry, gazetteer):
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(data)
        articles, problems = read_articles([Path(folder)])
    assert bool(articles) != bool(problems), "a file is either an article or named"
    assert all(p.path.endswith(path.name) and p.message and p.fix for p in problems)
    for article in articles:
        extraction = extract_within_limit(article, registry, gazetteer)
        if isinstance(extraction, Problem):  # the extractor named it: a stall or a bug, neither allowed
            raise AssertionError(extraction.message)
        assert all(0 <= f.start <= f.end <= len(article.body) for c in extraction.claims for f in c.figures)


@settings(FUZZ, max_examples=12)
@given(files=st.lists(article_file(), min_size=1, max_size=6))
def test_hostile_folders_are_checked_and_built_each_file_in_timeline_json_or_named(files, monkeypatch):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        for n, (suffix, data) in enumerate(files):
            (content / f"f{n}{suffix}").write_bytes(data)
        monkeypatch.chdir(folder)
        timeline = build_timeline([Path("content")], Path(folder))
        published = json.loads(timeline_to_json(timeline))
        report = check_content([Path("content")])
    built = {a["path"] for a in published["articles"]}
    named = {p.path for p in timeline.problems}
    assert {f"content/f{n}{suffix}" for n, (suffix, _) in enumerate(files)} - built - named == set()
    assert not any(STOPPED in p.message for p in timeline.problems)
    assert not report.pipeline_failed, report.notes
    assert {p.path for p in report.problems if p.severity == "error"} >= named
