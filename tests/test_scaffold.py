"""`timeline new`: a safe file name, front matter that reads back as written, never an overwrite."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.ingest import read_article
from generator.scaffold import PLACEHOLDER, article_slug, slugify

ROOT = Path(__file__).resolve().parent.parent


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeTty(""))


def new(tmp_path: Path, *flags: str) -> int:
    return main(["new", "--into", str(tmp_path / "articles"), *flags])


def test_new_writes_front_matter_that_ingest_reads_back(tmp_path, no_stdin, capsys):
    title = 'Kharkiv: "12 killed" — #1 report'
    code = new(
        tmp_path, "--date", "2023-01-02", "--title", title, "--outlet", "Reuters", "--url", "https://x.test/a?b=1#c"
    )
    assert code == 0
    path = tmp_path / "articles" / "2023-01-02_kharkiv-12-killed-1-report.md"
    assert f"created {path}" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert PLACEHOLDER in text
    path.write_text(text.replace(PLACEHOLDER, "Ukraine's military said 12 people were killed."), encoding="utf-8")
    article, problems = read_article(path)
    assert problems == []
    assert (article.title, article.outlet, article.url, article.date.isoformat()) == (
        title,
        "Reuters",
        "https://x.test/a?b=1#c",
        "2023-01-02",
    )


def test_missing_date_is_an_error_naming_the_flag(tmp_path, no_stdin, capsys):
    assert new(tmp_path, "--title", "x") == 2
    assert "--date is required" in capsys.readouterr().err
    assert not (tmp_path / "articles").exists()


@pytest.mark.parametrize(
    "flags",
    [
        ["--date", "2023-02-30"],
        ["--date", "02/01/2023"],
        ["--date", "2023-01-02", "--url", "x.test"],
        ["--date", "2023-01-02", "--language", "English"],
    ],
)
def test_bad_flags_are_errors_naming_the_flag(tmp_path, no_stdin, capsys, flags):
    assert new(tmp_path, *flags) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --") and "Traceback" not in err


def test_refuses_to_overwrite_and_says_what_to_do(tmp_path, no_stdin, capsys):
    assert new(tmp_path, "--date", "2023-01-02", "--title", "Same") == 0
    path = tmp_path / "articles" / "2023-01-02_same.md"
    path.write_text("edited", encoding="utf-8")
    assert new(tmp_path, "--date", "2023-01-02", "--title", "Same") == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "edited"


def test_refuses_a_name_an_existing_txt_article_already_has(tmp_path, no_stdin):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "2023-01-02_same.txt").write_text(" date 2023-01-02 x", encoding="utf-8")
    assert new(tmp_path, "--date", "2023-01-02", "--title", "Same") == 1


def test_titles_cannot_reach_outside_the_folder(tmp_path, no_stdin):
    assert new(tmp_path, "--date", "2023-01-02", "--title", "../../etc/passwd") == 0
    assert [p.name for p in (tmp_path / "articles").iterdir()] == ["2023-01-02_etc-passwd.md"]


def test_slug_is_ascii_and_falls_back_from_title_to_outlet_to_site():
    assert slugify("Ataque en Járkov: ¿12 muertos?") == "ataque-en-jarkov-12-muertos"
    assert article_slug("Удар по Харкову", "Kyiv Post", None) == "kyiv-post"
    assert article_slug(None, None, "https://www.bbc.co.uk/news/x") == "bbc-co-uk"
    assert article_slug(None, None, None) == "article"
    assert len(slugify("word " * 50)) <= 60


def test_text_on_stdin_becomes_the_body(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Line one.\r\n\r\nLine two.\n"))
    assert new(tmp_path, "--date", "2023-01-02", "--outlet", "AP", "--language", "en", "--stdin") == 0
    article, problems = read_article(tmp_path / "articles" / "2023-01-02_ap.md")
    assert problems == [] and article.body == "Line one.\n\nLine two."


def test_piped_text_is_read_without_the_flag(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "new", "--date", "2023-01-02", "--title", "Piped", "--into", "articles"],
        input="Ukraine's military said 12 people were killed.\n",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "articles" / "2023-01-02_piped.md").read_text(encoding="utf-8")
    assert text.endswith("---\n\nUkraine's military said 12 people were killed.\n")


def test_claims_flag_lists_each_figure_with_its_claim_id_and_sentence(tmp_path, monkeypatch, capsys):
    text = "Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1.\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    flags = ("--date", "2023-01-02", "--title", "Makiivka", "--stdin", "--claims", "--content", str(ROOT / "content"))
    assert new(tmp_path, *flags) == 0
    out = capsys.readouterr().out
    assert "2023-01-02_makiivka-c1: killed 63 [exact] · Russia's Defence Ministry (russia)" in out
    assert "“Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1.”" in out
    assert "    - article: 2023-01-02_makiivka\n" in out and "      figure: killed 63\n" in out


def test_claims_of_an_existing_file_create_nothing(tmp_path, no_stdin, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "old.md"
    path.write_text("---\ntitle: T\ndate: 2023-01-02\n---\n\nOfficials said 5 people were killed in Kharkiv.\n")
    assert main(["new", "--claims", str(path)]) == 0
    assert "old-c1: killed 5 [exact]" in capsys.readouterr().out and sorted(folder.iterdir()) == [path]
    path.write_text("---\ntitle: T\ndate: someday\n---\n\nText.\n")
    assert main(["new", "--claims", str(path)]) == 1
    assert "date" in capsys.readouterr().out
