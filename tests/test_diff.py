"""`timeline diff`: what a reviewer reads: articles, events, claims and disagreements that changed."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.diff import run_diff, summarise

CLAIM_63 = {
    "id": "c1",
    "article": "a1",
    "claimant": "Russia's Defense Ministry",
    "party": "russia",
    "quote": "Russia's Defense Ministry said 63 servicemen were killed.",
    "span": [0, 57],
    "figures": [{"kind": "killed", "value": 63, "qualifier": "exact"}],
}
CLAIM_400 = {
    **CLAIM_63,
    "id": "c2",
    "article": "a2",
    "claimant": "Kyiv",
    "party": "ukraine",
    "quote": "Kyiv said at least 400 were killed.",
    "figures": [{"kind": "killed", "value": 400, "qualifier": "at_least"}],
}


def event(event_id="2023-01-01-makiivka", title="Strike in Makiivka", claims=(), discrepancies=(), articles=("a1",)):
    return {
        "id": event_id,
        "title": title,
        "date": "2023-01-01",
        "date_precision": "day",
        "place": "Makiivka",
        "articles": list(articles),
        "main_articles": list(articles),
        "claims": list(claims),
        "discrepancies": list(discrepancies),
    }


def timeline(articles, events):
    return {
        "schema": 1,
        "articles": [
            {"id": a, "title": f"Title {a}", "date": "2023-01-02", "outlet": "AP", "event": e} for a, e in articles
        ],
        "events": events,
    }


OLD = timeline([("a1", "2023-01-01-makiivka")], [event(claims=[CLAIM_63])])
DISAGREE = {"kind": "killed", "values": {"russia": [63], "ukraine": [400]}, "articles": ["a1", "a2"]}
NEW = timeline(
    [("a1", "2023-01-01-makiivka"), ("a2", "2023-01-01-makiivka")],
    [event(claims=[CLAIM_63, CLAIM_400], discrepancies=[DISAGREE], articles=("a1", "a2"))],
)


def test_added_article_claim_and_disagreement_are_named_with_their_event():
    summary = summarise(OLD, NEW)
    assert summary.startswith("## Timeline changes")
    assert "- added `a2`: Title a2 (AP, 2023-01-02) → joins **Strike in Makiivka**" in summary
    added = "- added to **Strike in Makiivka** (2023-01-01, Makiivka, `2023-01-01-makiivka`): "
    assert added + "Kyiv (ukraine): killed at least 400" in summary
    assert "- appears in **Strike in Makiivka**" in summary and "killed: russia 63 vs ukraine 400" in summary
    assert "now also from `a2`" in summary


def test_the_reverse_diff_reports_removals_and_a_vanished_disagreement():
    summary = summarise(NEW, OLD)
    assert "- removed `a2`" in summary
    assert "- removed from **Strike in Makiivka**" in summary and "killed at least 400" in summary
    assert "- vanishes from **Strike in Makiivka**" in summary


def test_same_builds_say_nothing_changed():
    assert summarise(NEW, json.loads(json.dumps(NEW))).endswith("No change to the timeline.\n")


def test_created_and_removed_events():
    other = event("2023-01-05-kharkiv", "Shelling of Kharkiv", articles=("a3",))
    summary = summarise(OLD, {**OLD, "events": OLD["events"] + [other]})
    assert "- created **Shelling of Kharkiv** (2023-01-01, Makiivka, `2023-01-05-kharkiv`): 1 article(s)" in summary
    assert "- removed **Shelling of Kharkiv**" in summarise({**OLD, "events": OLD["events"] + [other]}, OLD)


def test_an_event_whose_id_changed_is_shown_as_changed_not_replaced():
    moved = event("2022-12-31-makiivka", claims=[CLAIM_63])
    summary = summarise(OLD, {**OLD, "events": [moved]})
    assert (
        "- changed **Strike in Makiivka**" in summary and "id `2023-01-01-makiivka` → `2022-12-31-makiivka`" in summary
    )
    assert "created" not in summary and "removed" not in summary


def test_changed_figures_in_a_disagreement_are_one_line():
    wider = {**DISAGREE, "values": {"russia": [63], "ukraine": [400, [300, 500]]}}
    after = {**NEW, "events": [event(claims=[CLAIM_63, CLAIM_400], discrepancies=[wider], articles=("a1", "a2"))]}
    summary = summarise(NEW, after)
    assert "- changes in **Strike in Makiivka**" in summary and "→ russia 63 vs ukraine 400, 300–500" in summary


def test_article_text_cannot_inject_markdown_or_html():
    hostile = {**CLAIM_400, "quote": "<script>alert(1)</script> [link](http://x) | **bold**"}
    summary = summarise(OLD, {**NEW, "events": [event(claims=[CLAIM_63, hostile])]})
    assert "<script>" not in summary and "[link](" not in summary and "**bold**" not in summary


def test_unreadable_sides_are_messages_not_tracebacks(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(NEW), encoding="utf-8")
    assert run_diff(argparse.Namespace(old=str(bad), new=str(good))) == 1
    assert "is not a readable timeline.json" in capsys.readouterr().err
    assert run_diff(argparse.Namespace(old=str(tmp_path / "missing.json"), new=str(good))) == 1
    assert "build first" in capsys.readouterr().err
    assert run_diff(argparse.Namespace(old="--upload-pack=x", new=str(good))) == 1


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_ref_is_built_in_a_temporary_worktree(tmp_path, monkeypatch, capsys):
    from generator.pipeline import build_timeline
    from generator.serialize import timeline_to_json

    articles = tmp_path / "repo" / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "a1.md").write_text(
        "---\ndate: 2023-01-02\n---\n\nRussia's Defense Ministry said 63 servicemen were killed in Makiivka.\n",
        encoding="utf-8",
    )
    repo = tmp_path / "repo"
    git(repo, "init", "--quiet")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "old")
    (articles / "a2.md").write_text(
        "---\ndate: 2023-01-02\n---\n\nUkraine's military said 12 people were killed in Kharkiv on Monday.\n",
        encoding="utf-8",
    )
    new = tmp_path / "new.json"
    new.write_text(timeline_to_json(build_timeline([repo / "content"], root=repo)), encoding="utf-8")
    monkeypatch.chdir(repo)
    assert run_diff(argparse.Namespace(old="HEAD", new=str(new))) == 0
    summary = capsys.readouterr().out
    assert "- added `a2`" in summary and "`a1`" not in summary.split("### Events")[0].replace("`a2`", "")
    assert "Ukraine's military" in summary
    listed = subprocess.run(["git", "worktree", "list"], cwd=repo, capture_output=True, text=True).stdout
    assert len(listed.strip().splitlines()) == 1  # the temporary worktree is gone
