"""The pipeline as a whole: one bad or slow article is named, and every other article is still built."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.events import forget_texts_read
from generator.ingest import cut_runs, read_article
from generator.pipeline import build_timeline
from generator.serialize import timeline_to_json

SEED = " date 2023-01-02 A strike on January 1 hit barracks in Makiivka. Moscow said 63 soldiers were killed.\n"


def content_with(tmp_path: Path, names: list[str]) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for n, name in enumerate(names):
        (content / f"{name}.txt").write_text(SEED.replace("63", str(60 + n)), encoding="utf-8")
    return content


def test_an_article_past_the_time_limit_is_named_and_the_others_are_built(tmp_path, monkeypatch):
    content = content_with(tmp_path, ["a", "slow", "z"])
    build_timeline([content], tmp_path)  # dateparser's first use is slow: not what is measured here
    real = pipeline.extract_article

    def extract(article, *tables):
        if article.id == "slow":  # a pattern that backtracks for longer than anyone would wait
            re.match(r"(a+)+$", "a" * 64 + "b")
        return real(article, *tables)

    monkeypatch.setattr(pipeline, "extract_article", extract)
    monkeypatch.setattr(pipeline, "EXTRACTION_SECONDS", 2)
    started = time.monotonic()
    timeline = build_timeline([content], tmp_path)
    assert time.monotonic() - started < 30
    assert [a.id for a in timeline.articles] == ["a", "z"]
    (problem,) = timeline.problems
    assert problem.path == "content/slow.txt" and "took over 2 s" in problem.message
    assert problem.severity == "error"


def test_an_extractor_failure_on_one_article_names_it_and_the_others_are_built(tmp_path, monkeypatch):
    content = content_with(tmp_path, ["a", "b", "broken", "c"])
    real = pipeline.extract_article

    def extract(article, *tables):
        if article.id in ("b", "broken"):
            raise OverflowError("date value out of range")
        return real(article, *tables)

    monkeypatch.setattr(pipeline, "extract_article", extract)
    timeline = build_timeline([content], tmp_path, cache_dir=tmp_path / "cache")
    assert [a.id for a in timeline.articles] == ["a", "c"]
    assert sorted(p.path for p in timeline.problems) == ["content/b.txt", "content/broken.txt"]
    assert all("OverflowError: date value out of range" in p.message for p in timeline.problems)
    monkeypatch.setattr(pipeline, "extract_article", real)  # fixed: the next build extracts them (none was cached)
    assert [a.id for a in build_timeline([content], tmp_path, cache_dir=tmp_path / "cache").articles] == [
        "a",
        "b",
        "broken",
        "c",
    ]


def test_long_runs_of_spaces_and_repeated_words_are_cut_at_ingest(tmp_path):
    text = (
        " date 2023-01-02 Officials " + "said " * 4000 + "3 people were killed in Kharkiv.\n\n"
        + ("x" + " " * 4000 + "y\n") * 5
        + "He said it said it said it said it said it said it again. Very very good. No, no, no."
    )  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article, problems = read_article(path)
    assert problems == []
    assert "Officials said said said said 3 people" in article.body
    assert "x" + " " * 20 + "y" in article.body and " " * 21 not in article.body
    assert "said it said it said it said it again. Very very good. No, no, no." in article.body
    assert cut_runs("He had had enough.") == "He had had enough."
    started = time.monotonic()
    timeline = build_timeline([path], tmp_path)
    assert time.monotonic() - started < 20 and [a.id for a in timeline.articles] == ["a"]


def test_the_cyclic_collector_is_paused_during_the_pipeline_and_restored_after(tmp_path, monkeypatch):
    import gc

    content = content_with(tmp_path, ["a", "b"])
    seen = []
    real = pipeline.read_articles
    monkeypatch.setattr(pipeline, "read_articles", lambda *a, **k: seen.append(gc.isenabled()) or real(*a, **k))
    assert gc.isenabled()
    first = build_timeline([content], tmp_path)
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        assert build_timeline([content], tmp_path) == first
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()
    monkeypatch.setattr(pipeline, "read_articles", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_timeline([content], tmp_path)
    assert gc.isenabled()  # on again though the build failed


ADDED = (
    "---\ntitle: Strike on barracks in Makiivka\ndate: 2023-01-02\noutlet: Test\n---\n\n"
    "A strike on January 1 hit barracks in Makiivka, killing 89 soldiers, Russia's defence ministry said.\n"
)


def test_a_second_build_in_one_process_after_an_article_is_added_equals_a_fresh_build(tmp_path):
    """What grouping read of headlines and leads stays remembered between builds in one process (the benchmark's
    rebuild, `timeline diff`; a one-shot site build forgets it): the timeline after an article is added is the one
    a build from nothing gives."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", content)
    first = timeline_to_json(build_timeline([content], tmp_path, tmp_path / "cache"))
    (content / "added.md").write_text(ADDED, encoding="utf-8")
    again = timeline_to_json(build_timeline([content], tmp_path, tmp_path / "cache"))
    forget_texts_read()
    fresh = timeline_to_json(build_timeline([content], tmp_path, tmp_path / "fresh-cache"))
    assert again == fresh
    assert '"added"' in again and '"added"' not in first
