"""The tables a build reads and the fingerprint of its inputs: an edit to any of them is seen by the next build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline, tables
from generator.pipeline import build_timeline
from generator.serialize import timeline_to_json
from generator.tables import load_tables, package_source_digest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "---\ntitle: Strike on Zorvyn\ndate: 2023-01-02\n---\n\n"
    "A missile hit a school in Zorvyn on Monday. The Zorblax Committee said 40 people were killed in Zorvyn.\n"
)


def project_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for name in ("actors.yml", "places.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    (content / "articles" / "zorvyn.md").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "000_89fa540bf2fc3d56.txt", content / "articles")
    return content


def test_editing_places_and_actors_between_builds_in_one_process_gives_a_clean_builds_result(tmp_path):
    content = project_content(tmp_path)
    cache = tmp_path / "cache"
    before = build_timeline([content], tmp_path, cache_dir=cache)
    assert {e.place for e in before.events} >= {"Makiivka"} and "Zorvyn" not in {e.place for e in before.events}

    with (content / "places.yml").open("a", encoding="utf-8") as places:  # as under `timeline serve`
        places.write("  - {name: Zorvyn, kind: city, parent: Kharkiv region}\n")
    actors = (content / "actors.yml").read_text(encoding="utf-8")
    actors = actors.replace("actors:\n", "actors:\n  - name: Zorblax Committee\n    party: russia\n", 1)
    (content / "actors.yml").write_text(actors, encoding="utf-8")

    edited = timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache))
    clean = timeline_to_json(build_timeline([content], tmp_path, cache_dir=tmp_path / "fresh-cache"))
    assert edited == clean
    assert '"place": "Zorvyn"' in edited and '"claimant": "The Zorblax Committee"' in edited
    assert '"party": "russia"' in edited.split('"claimant": "The Zorblax Committee"')[1][:200]
    # and a later build from the cache the edited build left is still right
    assert timeline_to_json(build_timeline([content], tmp_path, cache_dir=cache)) == clean


def test_the_fingerprint_covers_every_file_of_the_package(tmp_path):
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    first = package_source_digest(package)
    for name in ("rules/__init__.py", "rules/en.yml", "render/format.py", "tables.py"):
        path = package / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert package_source_digest(package) != first, name
        path.write_bytes(original)
    (package / "new_stage.py").write_text("X = 1\n", encoding="utf-8")
    assert package_source_digest(package) != first
    (package / "new_stage.py").unlink()
    assert package_source_digest(package) == first


@pytest.mark.parametrize("table", ["actors.yml", "places.yml"])
def test_the_fingerprint_covers_the_bytes_of_each_table(tmp_path, table):
    content = project_content(tmp_path)
    first = load_tables([content]).fingerprint
    with (content / table).open("a", encoding="utf-8") as handle:
        handle.write("# a comment changes nothing but the bytes\n")
    assert load_tables([content]).fingerprint != first


@pytest.mark.parametrize("table", ["actors.yml", "places.yml"])
def test_a_serve_session_reuses_the_tables_until_a_table_file_changes(tmp_path, table):
    content = project_content(tmp_path)
    first = load_tables([content])
    assert load_tables([content], first) is first
    with (content / table).open("a", encoding="utf-8") as handle:
        handle.write("# a comment changes nothing but the bytes\n")
    again = load_tables([content], first)
    assert again is not first and again.fingerprint != first.fingerprint


def test_the_fingerprint_covers_python_and_dateparser_versions(tmp_path, monkeypatch):
    assert "dateparser " in tables.VERSIONS and "python 3." in tables.VERSIONS
    first = load_tables([ROOT / "content"]).fingerprint
    monkeypatch.setattr(tables, "VERSIONS", tables.VERSIONS.replace("dateparser ", "dateparser 0.0.0-"))
    assert load_tables([ROOT / "content"]).fingerprint != first


def test_the_fingerprint_covers_the_rule_tables_as_loaded(monkeypatch):
    first = load_tables([ROOT / "content"]).fingerprint
    monkeypatch.setattr(tables, "rules_digest", lambda: "en edited")
    assert load_tables([ROOT / "content"]).fingerprint != first


def test_a_worker_whose_code_differs_from_the_builds_refuses_to_start(registry, gazetteer):
    with pytest.raises(RuntimeError, match="changed on disk"):
        pipeline._start_worker(registry, gazetteer, "code of another version")
    pipeline._start_worker(registry, gazetteer, tables.code_digest())


def test_a_second_build_in_one_process_takes_the_compiled_tables_while_their_files_read_the_same(tmp_path):
    content = project_content(tmp_path)
    first = load_tables([content])
    assert load_tables([content]) is first  # compiled once for the same bytes
    with (content / "places.yml").open("a", encoding="utf-8") as places:
        places.write("  - {name: Zorvyn, kind: city, parent: Kharkiv region}\n")
    edited = load_tables([content])
    assert edited is not first and edited.fingerprint != first.fingerprint
    assert "Zorvyn" in edited.gazetteer.places and "Zorvyn" not in first.gazetteer.places
    other = tmp_path / "other"
    shutil.copytree(content, other)  # the same bytes in another file: its problems would name that file
    assert load_tables([other]) is not edited


BAD_PLACES = """places:
  - {name: Kyiv, kind: town, parent: Ukrain}
  - {kind: city}
  - {name: Lviv, aliases: Lemberg}
seats: [Kremlin]
theatre: Ukraine
"""


def test_a_mistake_in_the_gazetteer_is_named_with_its_line_and_fix_never_a_traceback(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "places.yml").write_text(BAD_PLACES, encoding="utf-8")
    (content / "a.md").write_text("---\ntitle: T\ndate: 2022-01-01\noutlet: X\n---\n\nA strike hit Lviv.\n")
    timeline = build_timeline([content], tmp_path)
    found = {(p.line, p.severity, p.message) for p in timeline.problems if p.path.endswith("places.yml")}
    assert found == {
        (2, "error", "place 'Kyiv' has unknown kind 'town'"),
        (2, "warning", "place 'Kyiv' lies in 'Ukrain', which the gazetteer does not list"),
        (3, "error", "place #2 has no name"),
        (4, "error", "aliases of 'Lviv' is not a list of names"),
        (5, "error", "'seats:' is not a mapping"),
        (6, "error", "theatre is not a list of names"),
    }
    assert [a.id for a in timeline.articles] == ["a"]  # the readable entries are kept and the article built
    (content / "places.yml").write_text("places:\n  - {name: Kyiv, kind: city\n", encoding="utf-8")
    (problem,) = [p for p in build_timeline([content], tmp_path).problems if p.path.endswith("places.yml")]
    assert problem.line == 3 and "not valid YAML" in problem.message
    (content / "places.yml").write_bytes(b"places:\n  - {name: Ky\xffiv}\n")
    (problem,) = [p for p in build_timeline([content], tmp_path).problems if p.path.endswith("places.yml")]
    assert problem.line == 2 and "not UTF-8" in problem.message
