"""Corrections: `corrections.yml` -> figures set, dropped, added, checked, happenings and mentions moved,
and every mistake in the file (or a correction the articles no longer match) as a Problem with its line."""

from __future__ import annotations

import json

import pytest
from correction_helpers import INVASION, KHERSON, MAKIIVKA, STRIKE, build, content

from generator import pipeline
from generator.check import check_content
from generator.diff import summarise
from generator.events.corrections_file import load_corrections
from generator.serialize import timeline_to_json


def figures(timeline, event_id: str) -> list[tuple]:
    event = next(e for e in timeline.events if e.id == event_id)
    return sorted(
        (c.article, c.claimant, c.party, f.kind, f.value, f.qualifier, f.scope, f.checked, f.corrected)
        for c in event.claims
        for f in c.figures
    )


def errors(timeline) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in timeline.problems if p.path.endswith("corrections.yml")]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """What the extractor reads with no corrections: the tests below change it."""
    timeline = build(tmp_path_factory.mktemp("plain"))
    assert timeline.problems == ()
    return timeline


def test_the_articles_read_as_the_tests_expect(plain):
    assert ("strike", "a witness", "other", "missiles", 12, "exact", "event", False, False) in figures(plain, MAKIIVKA)
    assert not any(row[4] == 89 for row in figures(plain, MAKIIVKA))  # the extractor misses it: 'add' supplies it
    assert "kherson" in next(e for e in plain.events if e.id == MAKIIVKA).articles  # through its mention


def test_set_changes_claimant_party_value_qualifier_and_scope_and_marks_the_figure_corrected(tmp_path, plain):
    timeline = build(
        tmp_path,
        "corrections:\n"
        "  - article: strike\n"
        "    quote: about 400 soldiers were killed\n"
        "    set: {claimant: Ukraine's General Staff, party: ukraine, value: [390, 410], scope: part}\n",
    )
    assert errors(timeline) == []
    rows = figures(timeline, MAKIIVKA)
    assert ("strike", "Ukraine's General Staff", "ukraine", "killed", (390, 410), "range", "part", True, True) in rows
    assert len(rows) == len(figures(plain, MAKIIVKA))
    # a sub-count is no rival to the happening's count: Russia's 63 stands alone
    assert [d.kind for d in next(e for e in plain.events if e.id == MAKIIVKA).discrepancies] == ["killed"]
    assert next(e for e in timeline.events if e.id == MAKIIVKA).discrepancies == ()


def test_set_of_one_figure_moves_only_it_to_another_claimant(tmp_path):
    timeline = build(
        tmp_path,
        "corrections:\n  - article: strike\n    quote: 12 rockets a minute\n    figure: missiles 12\n"
        "    set: {claimant: Local officials, party: ukraine}\n",
    )
    assert errors(timeline) == []
    row = next(r for r in figures(timeline, MAKIIVKA) if r[3] == "missiles")
    assert row[1:3] == ("Local officials", "ukraine") and row[-1] is True


def test_drop_removes_a_figure_that_is_not_one(tmp_path, plain):
    timeline = build(tmp_path, "corrections:\n  - article: strike\n    quote: 12 rockets a minute\n    drop: true\n")
    assert errors(timeline) == []
    rows = figures(timeline, MAKIIVKA)
    assert not any(r[3] == "missiles" for r in rows) and len(rows) == len(figures(plain, MAKIIVKA)) - 1


def test_add_supplies_a_missed_figure_with_its_whole_sentence(tmp_path):
    timeline = build(
        tmp_path,
        "corrections:\n  - article: strike\n    quote: putting them at 89\n"
        "    add: {kind: killed, value: 89, claimant: Local officials, party: russia}\n",
    )
    assert errors(timeline) == []
    event = next(e for e in timeline.events if e.id == MAKIIVKA)
    added = next(c for c in event.claims if any(f.value == 89 for f in c.figures))
    assert added.quote.startswith("Local officials later counted") and added.quote.endswith("in a statement.")
    assert STRIKE[added.span[0] : added.span[1]] == added.quote
    figure = added.figures[0]
    assert (figure.kind, figure.qualifier, figure.checked, figure.corrected) == ("killed", "exact", True, True)
    assert STRIKE[figure.start : figure.end] == "89"


def test_checked_marks_a_figure_right_as_it_stands(tmp_path, plain):
    timeline = build(tmp_path, "corrections:\n  - article: strike\n    quote: 63 soldiers were killed in Makiivka\n"
                     "    checked: true\n")  # fmt: skip
    assert errors(timeline) == []
    rows = figures(timeline, MAKIIVKA)
    assert ("strike", "Russia's Defence Ministry", "russia", "killed", 63, "exact", "event", True, False) in rows
    assert sum(r[-2] for r in rows) == 1
    data = json.loads(timeline_to_json(timeline))
    published = [f for e in data["events"] for c in e["claims"] for f in c["figures"]]
    assert sum(f["checked"] for f in published) == 1 and not any(f["corrected"] for f in published)


def test_quotes_may_be_retyped_with_straight_quote_marks_and_other_spacing(tmp_path):
    timeline = build(tmp_path, "corrections:\n  - article: strike\n    quote: \"Russia’s Defence   Ministry said 63\"\n"
                     "    checked: true\n")  # fmt: skip
    assert errors(timeline) == []
    assert any(r[-2] for r in figures(timeline, MAKIIVKA))


def test_an_articles_happening_moves_to_another_event(tmp_path):
    timeline = build(tmp_path, f"corrections:\n  - article: kherson\n    event: {MAKIIVKA}\n")
    assert errors(timeline) == []
    event = next(e for e in timeline.events if e.id == MAKIIVKA)
    assert set(event.main_articles) == {"strike", "kherson"} and timeline.article_event["kherson"] == MAKIIVKA
    assert KHERSON not in {e.id for e in timeline.events}
    assert KHERSON in event.aliases  # the old address still leads somewhere


def test_an_articles_happening_moves_to_none(tmp_path):
    timeline = build(tmp_path, "corrections:\n  - article: kherson\n    event: none\n")
    assert errors(timeline) == []
    assert "kherson" not in timeline.article_event and "correction" in timeline.no_event["kherson"]
    assert KHERSON not in {e.id for e in timeline.events}


def test_a_mention_moves_to_none_and_stays_a_reference(tmp_path):
    timeline = build(tmp_path, "corrections:\n  - article: kherson\n    quote: The attack recalled the strike\n"
                     "    event: none\n")  # fmt: skip
    assert errors(timeline) == []
    makiivka = next(e for e in timeline.events if e.id == MAKIIVKA)
    assert "kherson" not in makiivka.articles and not any(c.article == "kherson" for c in makiivka.claims)
    assert [m.date for m in timeline.references["kherson"]] == ["2023-01-01"]


def test_a_mention_moves_to_another_event_with_its_figures(tmp_path):
    timeline = build(tmp_path, f"corrections:\n  - article: kherson\n    quote: The attack recalled the strike\n"
                     f"    event: {INVASION}\n")  # fmt: skip
    assert errors(timeline) == []
    events = {e.id: e for e in timeline.events}
    assert "kherson" in events[INVASION].articles and "kherson" not in events[MAKIIVKA].articles
    assert any(c.article == "kherson" for c in events[INVASION].claims)


@pytest.mark.parametrize(
    "entry, line, words",
    [
        ("  - article: strike\n    quote: 77 soldiers were killed\n    checked: true\n", 2, "matches no sentence"),
        ("  - article: strike\n    quote: soldiers were killed\n    checked: true\n", 2, "in 2 sentences"),
        ("  - article: strike\n    quote: 63 soldiers\n    figure: injured\n    drop: true\n", 2,
         "no figure 'injured'"),
        ("  - article: gone\n    quote: 63 soldiers\n    checked: true\n", 2, "article 'gone', which does not exist"),
        ("  - article: strike\n    quote: 'they said 89'\n    add: {kind: killed, value: 89}\n", 2,
         "is not in the text"),
        ("  - article: strike\n    quote: 'putting them at 89'\n    add: {kind: killed, value: 89, party: narnia}\n",
         2, "party 'narnia'"),
        ("  - article: strike\n    quote: '63 soldiers were killed'\n    add: {kind: killed, value: 63}\n", 2,
         "already reads this figure"),
        ("  - article: kherson\n    event: 2023-01-01-nowhere\n", 2, "no event '2023-01-01-nowhere'"),
        ("  - article: kherson\n    quote: Ukrainian officials said 3\n    event: none\n", 2, "dates a happening"),
        ("  - article: strike\n    quote: 63 soldiers\n    checked: true\n    drop: true\n", 2, "exactly one of"),
        ("  - article: strike\n    quote: 63 soldiers\n    set: {kind: wounded}\n", 4, "kind 'wounded'"),
        ("  - article: strike\n    quote: 63 soldiers\n    set: {value: many}\n", 4, "'value:' must be"),
        ("  - article: strike\n    quote: 63 soldiers\n    colour: red\n    checked: true\n", 4,
         "unknown key 'colour'"),
        ("  - article: strike\n    checked: true\n", 2, "without 'quote:'"),
        ("  - article: strike.md\n    quote: 63 soldiers\n    checked: true\n", 2, "is a path"),
    ],
)  # fmt: skip
def test_a_correction_that_cannot_apply_is_an_error_on_its_line(tmp_path, entry, line, words):
    timeline = build(tmp_path, "corrections:\n" + entry)
    found = errors(timeline)
    assert any(at == line and words in message for at, message in found), found
    assert all(p.severity == "error" and p.fix for p in timeline.problems if p.path.endswith("corrections.yml"))


def test_two_corrections_of_one_figure_are_an_error_naming_both_lines(tmp_path):
    timeline = build(
        tmp_path,
        "corrections:\n"
        "  - article: strike\n    quote: 12 rockets a minute\n    drop: true\n"
        "  - article: strike\n    quote: Launchers fired 12 rockets\n    set: {party: russia}\n",
    )
    path = str(tmp_path / "content" / "corrections.yml")
    assert (5, f"this figure is already corrected at {path}:2") in errors(timeline)


def test_two_moves_of_one_happening_are_an_error_naming_both_lines(tmp_path):
    timeline = build(tmp_path, f"corrections:\n  - article: kherson\n    event: none\n"
                     f"  - article: kherson\n    event: {MAKIIVKA}\n")  # fmt: skip
    assert [line for line, message in errors(timeline) if "corrections.yml:2" in message] == [4]


def test_a_broken_file_is_a_problem_not_a_traceback(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "corrections.yml").write_text("corrections:\n  - article: [x\n", encoding="utf-8")
    corrections, problems = load_corrections([folder])
    assert corrections == [] and problems[0].line >= 2 and "not valid YAML" in problems[0].message
    (folder / "corrections.yml").write_text("# none yet\n", encoding="utf-8")
    assert load_corrections([folder]) == ([], [])


def test_check_prints_correction_problems_as_path_line_message_fix(tmp_path):
    folder = content(tmp_path, "corrections:\n  - article: strike\n    quote: 77 soldiers\n    checked: true\n")
    report = check_content([folder])
    shown = [str(p) for p in report.problems if p.path.endswith("corrections.yml")]
    assert shown and shown[0].startswith(f"{folder / 'corrections.yml'}:2: error: ") and "(fix: " in shown[0]


def test_corrections_apply_to_cached_extractions_and_never_extract_again(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(tmp_path, None, cache)
    extracted: list[str] = []
    real = pipeline.extract_articles

    def counting(articles, *rest, **options):
        extracted.extend(a.id for a in articles)
        return real(articles, *rest, **options)

    monkeypatch.setattr(pipeline, "extract_articles", counting)
    timeline = build(tmp_path, "corrections:\n  - article: strike\n    quote: 12 rockets a minute\n    drop: true\n",
                     cache)  # fmt: skip
    assert extracted == [] and errors(timeline) == []
    assert not any(r[3] == "missiles" for r in figures(timeline, MAKIIVKA))
    (tmp_path / "content" / "corrections.yml").unlink()
    assert any(r[3] == "missiles" for r in figures(build(tmp_path, None, cache), MAKIIVKA))
    assert extracted == []  # removing the correction brings the figure back from the cache


def test_diff_names_what_each_correction_changes(tmp_path, plain):
    corrected = build(
        tmp_path,
        "corrections:\n"
        "  - article: strike\n    quote: 12 rockets a minute\n    set: {party: russia}\n"
        "  - article: strike\n    quote: 63 soldiers were killed in Makiivka\n    checked: true\n",
    )
    summary = summarise(json.loads(timeline_to_json(plain)), json.loads(timeline_to_json(corrected)))
    lines = [line for line in summary.splitlines() if MAKIIVKA in line and line.startswith("- **")]
    assert any(line.endswith(": missiles 12, party other → russia (corrected)") for line in lines), summary
    assert any(line.endswith(": killed 63 (checked)") for line in lines), summary
    assert "### Claims" not in summary  # a corrected figure is one changed line, not a removal and an addition
