from pathlib import Path

from generator import pipeline
from generator.pipeline import build_timeline
from generator.serialize import timeline_to_json

ROOT = Path(__file__).resolve().parent.parent
SEED = " date 2023-01-02 A strike on January 1 hit barracks in Makiivka. Moscow said 63 soldiers were killed.\n"


def test_unchanged_articles_are_not_extracted_again(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text(SEED, encoding="utf-8")
    (content / "b.txt").write_text(SEED.replace("63", "70").replace("Makiivka", "Mariupol"), encoding="utf-8")
    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache))

    calls = []
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda *a, **k: calls.append(a[0].id) or real(*a, **k))
    assert timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache)) == first
    assert calls == []

    (content / "c.txt").write_text(SEED.replace("Makiivka", "Kherson"), encoding="utf-8")
    (content / "a.txt").write_text(SEED.replace("63", "64"), encoding="utf-8")
    timeline = build_timeline([content], tmp_path, cache_dir=cache)
    assert sorted(calls) == ["a", "c"]
    assert {f.value for e in timeline.events for c in e.claims for f in c.figures} >= {64, 70}
    # re-grouping only what changed gives what grouping everything from scratch gives
    assert timeline_to_json(timeline) == timeline_to_json(build_timeline([content], tmp_path))


def test_a_damaged_cache_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache))
    for name in ("extractions", "grouping"):
        (damaged,) = cache.glob(f"{name}-*.pickle")
        damaged.write_bytes(b"not a pickle")
        assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache)) == first


def test_an_edited_file_is_read_again_even_when_its_size_is_the_same(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    path = content / "a.txt"
    path.write_text(SEED, encoding="utf-8")
    cache = tmp_path / "cache"
    build_timeline([content], tmp_path, cache_dir=cache)
    import os

    path.write_text(SEED.replace("63", "64"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    values = {
        f.value
        for e in build_timeline([content], tmp_path, cache_dir=cache).events
        for c in e.claims
        for f in c.figures
    }
    assert 64 in values and 63 not in values


def test_a_cache_of_another_shape_is_rebuilt(tmp_path):
    import pickle

    cache = tmp_path / "cache"
    build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache)
    (old,) = cache.glob("extractions-*.pickle")
    old.write_bytes(pickle.dumps({"a": 1, "b": 2}))  # two entries: would unpack into two strings
    assert len(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache).articles) == 2


def test_many_articles_are_extracted_by_worker_processes_with_the_same_results(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    places = ["Makiivka", "Mariupol", "Kherson", "Kharkiv", "Bakhmut"]
    for n in range(pipeline.PARALLEL_FROM + 30):
        body = SEED.replace("63", str(n + 1)).replace("Makiivka", places[n % len(places)])
        (content / f"a{n:03d}.txt").write_text(body.replace("2023-01-02", f"2023-01-{n % 27 + 2:02d}"), "utf-8")
    messages = []
    parallel = build_timeline([content], tmp_path, progress=messages.append)
    assert any("processes" in m for m in messages), messages  # the pool was used (this machine has 2+ cores)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10**9)
    assert timeline_to_json(build_timeline([content], tmp_path)) == timeline_to_json(parallel)


def test_adding_an_article_writes_a_small_file_beside_the_cache_not_the_whole_cache(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    for n in range(60):
        (content / f"a{n:02d}.txt").write_text(SEED.replace("63", str(n + 1)), encoding="utf-8")
    cache = tmp_path / "cache"
    build_timeline([content], tmp_path, cache_dir=cache)
    (main,) = cache.glob("extractions-*.pickle")
    written = main.stat().st_mtime_ns
    (content / "new.txt").write_text(SEED.replace("63", "99"), encoding="utf-8")
    build_timeline([content], tmp_path, cache_dir=cache)
    assert main.stat().st_mtime_ns == written and len(list(cache.glob("extractions-*.recent.pickle"))) == 1

    calls = []
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda *a, **k: calls.append(a[0].id) or real(*a, **k))
    again = build_timeline([content], tmp_path, cache_dir=cache)  # the main file and the small one together
    assert calls == [] and len(again.articles) == 61

    for n in range(60):  # many changes: the main file is written again and the small one goes
        (content / f"a{n:02d}.txt").write_text(SEED.replace("63", str(n + 200)), encoding="utf-8")
    build_timeline([content], tmp_path, cache_dir=cache)
    assert main.stat().st_mtime_ns != written and not list(cache.glob("*.recent.pickle"))
