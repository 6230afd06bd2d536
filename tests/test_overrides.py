"""Overrides: `events.yml` -> Override values, and every mistake in it as a Problem with its line."""

from __future__ import annotations

from pathlib import Path

from generator.events.overrides import load_overrides
from generator.model import Override


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "events.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_overrides([tmp_path])


def lines(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


def test_no_file_means_no_article_overrides(tmp_path):
    overrides, problems = load_overrides([tmp_path])
    assert problems == [] and not any(o.articles for o in overrides)


def test_comments_only_or_empty_list_means_no_overrides(tmp_path):
    assert load(tmp_path, "# nothing yet\n") == ([], [])
    assert load(tmp_path, "events: []\n") == ([], [])
    assert load(tmp_path, "events:\n") == ([], [])


def test_every_key_is_read_and_the_line_kept(tmp_path):
    text = (
        "# header\nevents:\n  - articles: [a, b]\n    title: 'Strike: Makiivka'\n    date: 2023-01-01\n"
        "    place: Makiivka\n    id: 2023-01-01-makiivka\n  - articles: [c]\n    separate: true\n"
    )
    overrides, problems = load(tmp_path, text)
    assert problems == []
    assert overrides[0] == Override(
        ("a", "b"), str(tmp_path / "events.yml"), 3, "Strike: Makiivka", "2023-01-01", "Makiivka", "2023-01-01-makiivka"
    )
    assert overrides[1].articles == ("c",) and overrides[1].separate and overrides[1].line == 8


def test_month_and_year_dates_keep_their_precision(tmp_path):
    overrides, problems = load(
        tmp_path, "events:\n  - articles: [a]\n    date: 2022-02\n  - articles: [b]\n    date: 2022\n"
    )
    assert problems == [] and [o.date for o in overrides] == ["2022-02", "2022"]


def test_ids_that_yaml_would_read_as_numbers_stay_as_written(tmp_path):
    overrides, problems = load(tmp_path, "events:\n  - articles: [2023_01, 000_89fa540bf2fc3d56, 0x1f]\n")
    assert problems == [] and overrides[0].articles == ("2023_01", "000_89fa540bf2fc3d56", "0x1f")


def test_a_single_article_may_be_written_without_brackets(tmp_path):
    overrides, _ = load(tmp_path, "events:\n  - articles: a\n    title: T\n")
    assert overrides[0].articles == ("a",)


def test_impossible_or_misshapen_dates_are_problems(tmp_path):
    for bad in ("2023-02-30", "2023-13", "01/02/2023", "'2023-1-2'", "[2023]"):
        overrides, problems = load(tmp_path, f"events:\n  - articles: [a]\n    date: {bad}\n")
        assert overrides == [] and lines(problems)[0][0] == 3 and "date" in problems[0].message, bad


def test_unknown_keys_and_wrong_types_point_at_their_lines(tmp_path):
    text = (
        "events:\n  - articles: [a]\n    titel: x\n  - articles: []\n  - articles: [b]\n    separate: maybe\n"
        "  - articles: [c]\n    id: Bad Id\n  - articles: [d]\n    title: [x]\n  - just text\n  - title: no articles\n"
        "  - articles: [e.md]\n  - articles: [f, f]\n"
    )
    _, problems = load(tmp_path, text)
    found = lines(problems)
    assert [n for n, _ in found] == [3, 4, 6, 8, 10, 11, 12, 13, 14]
    assert all(p.fix for p in problems)


def test_an_article_in_two_overrides_is_reported_at_the_second(tmp_path):
    overrides, problems = load(tmp_path, "events:\n  - articles: [a, b]\n  - articles:\n      - c\n      - a\n")
    assert len(overrides) == 1
    assert lines(problems) == [(5, f"article 'a' is already in the override at {tmp_path / 'events.yml'}:2")]


def test_two_overrides_with_one_id_are_reported(tmp_path):
    _, problems = load(tmp_path, "events:\n  - articles: [a]\n    id: x\n  - articles: [b]\n    id: x\n")
    assert [n for n, _ in lines(problems)] == [4]


def test_broken_yaml_and_bad_encoding_are_problems_not_crashes(tmp_path):
    _, problems = load(tmp_path, "events:\n  - articles: [a\n    title: x\n")
    assert problems[0].line == 3 and "not valid YAML" in problems[0].message
    _, problems = load(tmp_path, b"events:\n  - articles: [\xff]\n")
    assert problems[0].line == 2 and "UTF-8" in problems[0].message
    _, problems = load(tmp_path, "events: {a: 1}\n")
    assert "must be a list" in problems[0].message
    _, problems = load(tmp_path, "other: 1\n")
    assert "unknown top-level key 'other'" in problems[0].message


def test_the_project_example_file_loads_with_no_problem():
    root = Path(__file__).resolve().parent.parent
    overrides, problems = load_overrides([root / "content"])
    assert problems == []
    assert {o.id for o in overrides if not o.articles} == {
        "2014-03-18-crimea-annexation",
        "2022-02-24-full-scale-invasion",
    }


# ------------------------------------------------------------ applying overrides to clusters


def test_separation_takes_articles_out_before_merges_join_whole_clusters():
    from generator.events.overrides import apply_grouping_overrides

    clusters = [{"a", "b"}, {"c"}, {"d", "e"}]
    overrides = [
        Override(("b",), "events.yml", 1, separate=True),
        Override(("c", "d"), "events.yml", 3),
    ]
    known = dict.fromkeys("abcde")
    result = sorted(sorted(c) for c in apply_grouping_overrides(clusters, overrides, known))
    assert result == [["a"], ["b"], ["c", "d", "e"]]


def test_an_override_naming_an_unknown_article_changes_nothing():
    from generator.events.overrides import apply_grouping_overrides

    clusters = [{"a"}, {"b"}]
    overrides = [Override(("a", "zz"), "events.yml", 1)]
    assert apply_grouping_overrides(clusters, overrides, dict.fromkeys("ab")) == [{"a"}, {"b"}]


def test_an_entry_without_articles_is_a_curated_event(tmp_path):
    overrides, problems = load(tmp_path, "events:\n  - title: Russia annexes Crimea\n    date: 2014-03-18\n")
    assert problems == []
    assert (overrides[0].articles, overrides[0].title, overrides[0].date) == ((), "Russia annexes Crimea", "2014-03-18")


def test_a_curated_event_needs_a_title_and_a_date(tmp_path):
    overrides, problems = load(tmp_path, "events:\n  - title: Russia annexes Crimea\n")
    assert overrides == [] and "without 'articles:'" in problems[0].message


def test_folders_without_events_yml_still_get_the_projects_curated_context_events(tmp_path):
    from generator.events.overrides import load_overrides

    overrides, problems = load_overrides([tmp_path])
    assert problems == []
    assert overrides and all(not o.articles for o in overrides)  # context events only, never article overrides
    assert any(o.date == "2022-02-24" for o in overrides)
