"""`timeline eval`: the busy days are scored on a corpus build when the corpus is there, skipped otherwise."""

from __future__ import annotations

from generator.evaluate import score_busy_days

SCORER = """
import sys, json
print("scored", sys.argv[1:])
"""


def test_busy_days_are_skipped_without_a_corpus(tmp_path, capsys):
    assert score_busy_days(tmp_path, tmp_path / "score.py", tmp_path / "out") == 0
    assert "skipped" in capsys.readouterr().out


def test_busy_days_import_the_corpus_once_and_score_each_day_alone(tmp_path, capfd):
    corpus = tmp_path / "corpus" / "ukraine-media"
    corpus.mkdir(parents=True)
    (corpus / "rows.csv").write_text(
        "Date,URL,Title,Text\n"
        "2022-08-24,https://example.org/a,Russian strike on rail station kills 22,"
        '"A Russian rocket strike on a train station in Chaplyne killed 22 people on Wednesday, officials said."\n'
        "2022-08-24,https://example.org/b,Opinion: why the war will be long,"
        '"The war in Ukraine will not end soon, and the West should prepare for a long struggle."\n',
        encoding="utf-8",
    )
    (tmp_path / "busyday").mkdir()
    for day in ("2022-08-24", "2022-04-06"):
        (tmp_path / "busyday" / f"{day}.gold.yaml").write_text("articles: []\n", encoding="utf-8")
    scorer = tmp_path / "score.py"
    scorer.write_text(SCORER, encoding="utf-8")
    out = tmp_path / "out"
    assert score_busy_days(tmp_path, scorer, out) == 0
    printed = capfd.readouterr().out
    assert "## busyday 2022-04-06" in printed and "## busyday 2022-08-24" in printed
    assert len(list((out / "busyday-corpus").iterdir())) == 2
    assert (out / "busyday-cache").is_dir()
    assert score_busy_days(tmp_path, scorer, out) == 0  # the second run imports nothing again
    assert "importing" not in capfd.readouterr().out
