from pathlib import Path

import pytest

from generator import pipeline
from generator.cache_codec import FORMAT
from generator.pipeline import build_timeline
from generator.serialize import timeline_to_json

ROOT = Path(__file__).resolve().parent.parent
SEED = " date 2023-01-02 A strike on January 1 hit barracks in Makiivka. Moscow said 63 soldiers were killed.\n"


def _seed_copies(tmp_path: Path, figures) -> Path:
    """A content folder of the seed sentence, one file per figure it gives (a00.txt, a01.txt, ...)."""
    content = tmp_path / "content"
    content.mkdir()
    for n, figure in enumerate(figures):
        (content / f"a{n:02d}.txt").write_text(SEED.replace("63", str(figure)), encoding="utf-8")
    return content


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
        (damaged,) = cache.glob(f"{name}-*.json")
        damaged.write_bytes(b"not a pickle")
        assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache)) == first


def _flip_a_figure(data: bytes) -> bytes:
    """The same file with one digit of a figure changed: valid JSON, other content."""
    assert b"63" in data
    return data.replace(b"63", b"64", 1)


def _other_header(data: bytes) -> bytes:
    head, _, body = data.partition(b"\n")
    return head.replace(f'"format": {FORMAT}'.encode(), f'"format": {FORMAT - 1}'.encode()) + b"\n" + body


DAMAGES = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "one figure changed": _flip_a_figure,
    "header of another format": _other_header,
    "no header": lambda data: data.partition(b"\n")[2],
    "binary noise": lambda data: bytes(range(256)) * 4,
    "deep nesting": lambda data: b"[" * 100_000,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_cache_file_is_set_aside_with_a_note_and_rebuilt(tmp_path, damage):
    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache))
    for path in sorted(cache.iterdir()):
        path.write_bytes(DAMAGES[damage](path.read_bytes()))
        notes = []
        assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache, progress=notes.append)) == first
        (note,) = [n for n in notes if n.startswith("cache: ")]
        assert path.name in note and "\n" not in note
        again = []  # the build wrote a good file in its place
        assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache, progress=again.append)) == first
        assert again == []


def test_a_cache_file_of_another_fingerprint_is_not_loaded_under_this_one(tmp_path):
    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache))
    (main,) = cache.glob("extractions-*.json")  # as if made under another fingerprint, renamed to this one's
    data = main.read_bytes().replace(main.stem.split("-")[1].encode(), b"0123456789abcdef", 1)
    main.write_bytes(data)
    notes = []
    assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache, progress=notes.append)) == first
    assert any("not a cache file of this version" in n for n in notes)


class _RunsCode:
    """What a hostile pickle does when loaded: here, it only leaves a file behind."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_committed_pickle_in_the_cache_folder_never_runs(tmp_path):
    import pickle

    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache))
    marker = tmp_path / "ran"
    payload = pickle.dumps((_RunsCode(marker), {}))
    for path in list(cache.iterdir()):  # every cache file the build uses, and the same names as pickles
        path.write_bytes(payload)
        path.with_suffix(".pickle").write_bytes(payload)
    assert timeline_to_json(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache, progress=print)) == first
    assert not marker.exists()
    assert not list(cache.glob("*.pickle"))  # files of the old format are removed when the cache is written


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
    (old,) = cache.glob("extractions-*.json")
    old.write_bytes(pickle.dumps({"a": 1, "b": 2}))  # two entries: would unpack into two strings
    assert len(build_timeline([ROOT / "seeds"], ROOT, cache_dir=cache).articles) == 2


def test_many_articles_are_extracted_by_worker_processes_with_the_same_results(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    places = ["Makiivka", "Mariupol", "Kherson", "Kharkiv", "Bakhmut"]
    for n in range(pipeline.PARALLEL_FROM + 30):
        body = SEED.replace("63", str(n + 1)).replace("Makiivka", places[n % len(places)])
        (content / f"a{n:03d}.txt").write_text(body.replace("2023-01-02", f"2023-01-{n % 27 + 2:02d}"), "utf-8")
    monkeypatch.setattr(pipeline, "worker_count", lambda: 2)  # as on a machine with two cores, whatever this one has
    messages = []
    parallel = build_timeline([content], tmp_path, progress=messages.append)
    assert "extract: 230 articles in 2 processes" in messages, messages
    assert not [m for m in messages if "failed" in m]  # the pool did the work (no fallback to this process)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10**9)
    assert timeline_to_json(build_timeline([content], tmp_path)) == timeline_to_json(parallel)


def test_adding_an_article_writes_a_small_file_beside_the_cache_not_the_whole_cache(tmp_path, monkeypatch):
    content = _seed_copies(tmp_path, range(1, 61))
    cache = tmp_path / "cache"
    build_timeline([content], tmp_path, cache_dir=cache)
    (main,) = cache.glob("extractions-*.json")
    written = main.stat().st_mtime_ns
    (content / "new.txt").write_text(SEED.replace("63", "99"), encoding="utf-8")
    build_timeline([content], tmp_path, cache_dir=cache)
    assert main.stat().st_mtime_ns == written and len(list(cache.glob("extractions-*.recent.json"))) == 1

    calls = []
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda *a, **k: calls.append(a[0].id) or real(*a, **k))
    again = build_timeline([content], tmp_path, cache_dir=cache)  # the main file and the small one together
    assert calls == [] and len(again.articles) == 61

    for n in range(60):  # many changes: the main file is written again and the small one goes
        (content / f"a{n:02d}.txt").write_text(SEED.replace("63", str(n + 200)), encoding="utf-8")
    build_timeline([content], tmp_path, cache_dir=cache)
    assert main.stat().st_mtime_ns != written and not list(cache.glob("*.recent.json"))


def test_extractions_come_back_from_the_cache_file_exactly_as_they_were(registry, gazetteer):
    import json

    from generator.cache_codec import extraction_from_row, extraction_to_row
    from generator.extract import extract_article
    from generator.ingest import read_articles

    articles, _ = read_articles([ROOT / "seeds"], ROOT)
    for article in articles:
        extraction = extract_article(article, registry, gazetteer)
        assert extraction.claims and any(isinstance(f.value, int) for c in extraction.claims for f in c.figures)
        again = extraction_from_row(json.loads(json.dumps(extraction_to_row(extraction))))
        assert again == extraction and type(again.claims) is tuple and type(again.claims[0].span) is tuple


def _figures(timeline) -> set:
    return {f.value for e in timeline.events for c in e.claims for f in c.figures}


def test_a_file_edited_twice_within_one_tick_of_the_clock_with_the_same_size_is_read_again(tmp_path):
    import os

    content, cache = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    path = content / "a.txt"
    path.write_text(SEED, encoding="utf-8")
    build_timeline([content], tmp_path, cache_dir=cache)
    stat = path.stat()
    path.write_text(SEED.replace("63", "64"), encoding="utf-8")  # in place: the same inode
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # within the same tick: the same time
    assert (path.stat().st_mtime_ns, path.stat().st_size, path.stat().st_ino) == (
        stat.st_mtime_ns,
        stat.st_size,
        stat.st_ino,
    )
    assert _figures(build_timeline([content], tmp_path, cache_dir=cache)) == {64}


def test_an_old_unchanged_file_is_not_read_again_and_a_replaced_or_removed_one_is_noticed(tmp_path, monkeypatch):
    import os

    from generator import ingest

    content, cache = tmp_path / "content", tmp_path / "cache"
    content.mkdir()
    long_ago = 1_700_000_000_000_000_000
    for name, figure in (("a", "63"), ("b", "70")):
        (content / f"{name}.txt").write_text(SEED.replace("63", figure), encoding="utf-8")
        os.utime(content / f"{name}.txt", ns=(long_ago, long_ago))
    build_timeline([content], tmp_path, cache_dir=cache)
    reads = []
    real = ingest.read_article
    monkeypatch.setattr(ingest, "read_article", lambda path, *a: reads.append(path.name) or real(path, *a))
    assert _figures(build_timeline([content], tmp_path, cache_dir=cache)) == {63, 70}
    assert reads == []  # neither file was opened: their stat is as when they were read
    replacement = content / "a.new"
    replacement.write_text(SEED.replace("63", "64"), encoding="utf-8")  # same size, same time, another inode
    os.utime(replacement, ns=(long_ago, long_ago))
    os.replace(replacement, content / "a.txt")
    assert _figures(build_timeline([content], tmp_path, cache_dir=cache)) == {64, 70} and reads == ["a.txt"]
    (content / "b.txt").unlink()
    rebuilt = build_timeline([content], tmp_path, cache_dir=cache)
    assert [a.id for a in rebuilt.articles] == ["a"]
    assert timeline_to_json(rebuilt) == timeline_to_json(build_timeline([content], tmp_path))


def test_a_second_build_in_one_process_takes_the_cache_files_as_it_left_them_until_they_change(tmp_path, monkeypatch):
    from generator import cache as cache_module

    content = _seed_copies(tmp_path, range(60, 63))
    cache = tmp_path / "cache"
    first = timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache))
    read = []
    real = cache_module.read_cache_file
    monkeypatch.setattr(cache_module, "read_cache_file", lambda path, *a: read.append(path.name) or real(path, *a))
    (content / "a3.txt").write_text(SEED.replace("Makiivka", "Kherson"), encoding="utf-8")
    added = timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache))
    assert read == []  # the extractions and grouping's states, as this process wrote them
    cache_module.forget_remembered()
    assert timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache)) == added  # as read from the files
    assert any(name.startswith("extractions-") for name in read) and any(name.startswith("grouping-") for name in read)
    assert added != first and added == timeline_to_json(build_timeline([content], tmp_path))  # as from scratch

    read.clear()  # a file changed since (another process, damage) is read again, and found damaged
    (damaged,) = cache.glob("grouping-*.json")
    damaged.write_bytes(damaged.read_bytes()[:-1] + b" ")
    notes = []
    again = build_timeline([content], tmp_path, cache_dir=cache, progress=notes.append)
    assert [name for name in read if name.startswith("grouping-")] and any("damaged" in n for n in notes), notes
    assert timeline_to_json(again) == added


def test_the_worker_processes_read_the_texts_they_extract_as_this_process_does(tmp_path, monkeypatch):
    from generator.events.readings import read_text
    from generator.ingest import read_articles
    from generator.tables import load_tables

    articles, _ = read_articles([ROOT / "seeds", ROOT / "content"], ROOT)
    articles = [a for _ in range(pipeline.PARALLEL_FROM // len(articles) + 1) for a in articles]
    tables = load_tables([ROOT / "content"])
    monkeypatch.setattr(pipeline, "worker_count", lambda: 2)
    with pipeline.ExtractionPool(tables.registry, tables.gazetteer) as pool:
        extracted = pool.extract(articles)
    assert pool.readings and set(pool.readings) == {a.id for a in articles}
    for x in extracted:
        assert pool.readings[x.article.id] == read_text(x, tables.gazetteer)
