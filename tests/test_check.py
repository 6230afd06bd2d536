"""`timeline check`: a catalogue of broken content, each reported as path:line with a fix, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_content, run_check
from generator.scaffold import PLACEHOLDER

ROOT = Path(__file__).resolve().parent.parent
BODY = "Ukraine's military said 12 people were killed in Kharkiv on Monday."
GOOD = f"---\ntitle: Strike on Kharkiv\ndate: 2023-01-02\n---\n\n{BODY}\n"
ACTORS_OK = "parties:\n  russia:\n    label: Russia\n  ukraine:\n    label: Ukraine\n  other:\n    label: Other\n"

# (name, files under content/, file named in the message, line, words of the message, strict)
CATALOGUE = [
    (
        "seed without date",
        {"articles/a.txt": "Just text, no date line.\n"},
        "articles/a.txt",
        1,
        "no publication date",
        False,
    ),
    (
        "seed with impossible date",
        {"articles/a.txt": f" date 2023-02-30 {BODY}"},
        "articles/a.txt",
        1,
        "not a real date",
        False,
    ),
    ("markdown without front matter", {"articles/a.md": BODY}, "articles/a.md", 1, "without front matter", False),
    (
        "front matter never closed",
        {"articles/a.md": f"---\ntitle: x\ndate: 2023-01-02\n\n{BODY}"},
        "articles/a.md",
        1,
        "never closed",
        False,
    ),
    (
        "front matter broken YAML",
        {"articles/a.md": f"---\ntitle: [x\ndate: 2023-01-02\n---\n{BODY}"},
        "articles/a.md",
        3,
        "broken front matter",
        False,
    ),
    (
        "unknown front matter key",
        {"articles/a.md": f"---\ntitle: x\ndate: 2023-01-02\nauthor: me\n---\n{BODY}"},
        "articles/a.md",
        4,
        "unknown front matter key 'author'",
        False,
    ),
    (
        "front matter without date",
        {"articles/a.md": f"---\ntitle: x\n---\n{BODY}"},
        "articles/a.md",
        1,
        "no publication date",
        False,
    ),
    (
        "front matter date not real",
        {"articles/a.md": f"---\ntitle: x\ndate: 2023-13-01\n---\n{BODY}"},
        "articles/a.md",
        3,
        "not a real date",
        False,
    ),
    ("empty body", {"articles/a.md": "---\ndate: 2023-01-02\n---\n\n   \n"}, "articles/a.md", 4, "has no text", False),
    (
        "invalid UTF-8",
        {"articles/a.txt": b" date 2023-01-02 line one\nline \xff\xfe two\n"},
        "articles/a.txt",
        2,
        "not valid UTF-8",
        False,
    ),
    (
        "duplicate ids",
        {"articles/a.md": GOOD, "articles/a.txt": f" date 2023-01-02 {BODY}"},
        "articles/a.txt",
        1,
        "duplicate article id 'a'",
        False,
    ),
    (
        "front matter is a list",
        {"articles/a.md": f"---\n- a\n- b\n---\n{BODY}"},
        "articles/a.md",
        2,
        "not a set of 'key: value' lines",
        False,
    ),
    (
        "url not a web address",
        {"articles/a.md": f"---\ndate: 2023-01-02\nurl: www.example.com/a\n---\n{BODY}"},
        "articles/a.md",
        3,
        "not a web address",
        False,
    ),
    (
        "language not a code",
        {"articles/a.md": f"---\ndate: 2023-01-02\nlanguage: English\n---\n{BODY}"},
        "articles/a.md",
        3,
        "not a language code",
        False,
    ),
    (
        "placeholder left in",
        {"articles/a.md": f"---\ndate: 2023-01-02\n---\n\n{PLACEHOLDER}\n"},
        "articles/a.md",
        5,
        "placeholder text",
        False,
    ),
    (
        "actors.yml not YAML",
        {"articles/a.md": GOOD, "actors.yml": "parties:\n  russia: [Russia\n  ukraine: x\n"},
        "actors.yml",
        3,
        "not valid YAML",
        False,
    ),
    (
        "actors.yml without parties",
        {"articles/a.md": GOOD, "actors.yml": "actors: []\n"},
        "actors.yml",
        1,
        "no 'parties:'",
        False,
    ),
    (
        "actor with unknown party",
        {"articles/a.md": GOOD, "actors.yml": ACTORS_OK + "actors:\n  - name: Mars Office\n    party: mars\n"},
        "actors.yml",
        9,
        "unknown party 'mars'",
        False,
    ),
    (
        "events.yml not YAML",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a\n    title: x\n"},
        "events.yml",
        3,
        "not valid YAML",
        False,
    ),
    (
        "events.yml unknown key",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a]\n    titel: x\n"},
        "events.yml",
        3,
        "unknown key 'titel'",
        False,
    ),
    (
        "events.yml bad date",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a]\n    date: 2023-02-30\n"},
        "events.yml",
        3,
        "not a real YYYY",
        False,
    ),
    (
        "events.yml unknown article",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles:\n      - a\n      - nope\n"},
        "events.yml",
        4,
        "'nope', which does not exist",
        False,
    ),
    (
        "events.yml article twice",
        {
            "articles/a.md": GOOD,
            "articles/b.md": GOOD.replace("12", "13"),
            "events.yml": "events:\n  - articles: [a]\n    title: x\n  - articles: [b, a]\n",
        },
        "events.yml",
        4,
        "already in the override at",
        False,
    ),
    (
        "events.yml without articles",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - title: x\n"},
        "events.yml",
        2,
        "without 'articles:'",
        False,
    ),
    (
        "events.yml bad id",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a]\n    id: Makiivka Strike\n"},
        "events.yml",
        3,
        "is not a slug",
        False,
    ),
    (
        "events.yml separate not bool",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a]\n    separate: maybe\n"},
        "events.yml",
        3,
        "true or false",
        False,
    ),
    (
        "events.yml key twice",
        {"articles/a.md": GOOD, "events.yml": "events:\n  - articles: [a]\n    title: x\n    title: y\n"},
        "events.yml",
        4,
        "appears twice",
        False,
    ),
    (
        "events.yml not a mapping",
        {"articles/a.md": GOOD, "events.yml": "- articles: [a]\n"},
        "events.yml",
        1,
        "must be a mapping",
        False,
    ),
    (
        "file with a wrong extension",
        {"articles/a.md": GOOD, "articles/b.docx": "x"},
        "articles/b.docx",
        1,
        "not read as articles",
        True,
    ),
    (
        "publication date in the future",
        {"articles/a.md": GOOD.replace("2023-01-02", "2099-01-02")},
        "articles/a.md",
        3,
        "in the future",
        True,
    ),
    (
        "same text twice",
        {"articles/a.md": GOOD, "articles/b.md": GOOD.replace("Strike", "Other")},
        "articles/b.md",
        1,
        "probably a duplicate",
        True,
    ),
]


def write_content(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    content = tmp_path / "content"
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return content


def assert_reported(output: str, file: str, line: int, words: str) -> None:
    assert "Traceback" not in output
    hits = [row for row in output.splitlines() if row.startswith(f"content/{file}:{line}: ") and words in row]
    assert hits, f"no 'content/{file}:{line}: ...{words}...' in:\n{output}"
    assert all("(fix: " in row and row.endswith(")") for row in hits)


@pytest.mark.parametrize(("name", "files", "file", "line", "words", "strict"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_each_broken_file_is_named_with_its_line_and_fix(
    tmp_path, monkeypatch, capsys, name, files, file, line, words, strict
):
    write_content(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=strict) == 1
    output = capsys.readouterr().out
    assert_reported(output, file, line, words)
    assert output.splitlines()[-1].startswith("check failed:")


@pytest.mark.parametrize(("name", "files", "file", "line", "words", "strict"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_the_command_reports_each_broken_file_without_a_traceback(tmp_path, name, files, file, line, words, strict):
    write_content(tmp_path, files)
    command = [sys.executable, "-m", "generator", "check", "--content", "content"] + (["--strict"] if strict else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert_reported(done.stdout, file, line, words)


def test_the_catalogue_covers_at_least_fifteen_kinds_of_mistake():
    assert len({words for *_, words, _ in CATALOGUE}) >= 15


def test_every_problem_is_listed_at_once(tmp_path, monkeypatch, capsys):
    files = {
        "articles/a.txt": "No date.\n",
        "articles/b.md": f"---\ntitle: x\ndate: 2023-13-01\n---\n{BODY}",
        "articles/c.md": f"---\ndate: 2023-01-02\nauthor: me\n---\n{BODY}",
        "events.yml": "events:\n  - articles: [zzz]\n",
    }
    write_content(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=False) == 1
    output = capsys.readouterr().out
    for shown in (
        "content/articles/a.txt:1:",
        "content/articles/b.md:3:",
        "content/articles/c.md:3:",
        "content/events.yml:2:",
    ):
        assert shown in output
    assert "4 error(s)" in output.splitlines()[-1]


def test_good_content_passes_even_when_strict(tmp_path, monkeypatch, capsys):
    write_content(tmp_path, {"articles/a.md": GOOD, "events.yml": "# nothing yet\nevents: []\n"})
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=True) == 0
    assert capsys.readouterr().out.startswith("check passed: 0 error(s), 0 warning(s) in 1 article(s)")


def test_warnings_pass_unless_strict(tmp_path, monkeypatch, capsys):
    write_content(tmp_path, {"articles/a.md": GOOD, "articles/b.md": GOOD})
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=False) == 0
    assert "warning: probably a duplicate" in capsys.readouterr().out
    assert run_check([Path("content")], strict=True) == 1


def test_missing_folder_is_an_error_not_a_crash(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("nowhere")], strict=False) == 1
    assert "nowhere:1: error: content folder does not exist (fix: " in capsys.readouterr().out


def test_unregistered_claimant_is_a_warning_on_its_sentence(tmp_path, monkeypatch):
    claim = "The Zorblax Committee said 40 people were killed in Kharkiv on Monday."
    text = f"---\ndate: 2023-01-02\n---\n\nIntro line.\n{claim}\n"
    write_content(tmp_path, {"articles/a.md": text})
    monkeypatch.chdir(tmp_path)
    report = check_content([Path("content")])
    found = [p for p in report.problems if "not in the actors registry" in p.message]
    assert found, "the extractor no longer finds the claimant of 'The Zorblax Committee said 40 ...'"
    assert found[0].path == "content/articles/a.md" and found[0].line == 6 and found[0].severity == "warning"


def test_event_far_from_publication_is_a_warning(tmp_path, monkeypatch):
    text = "---\ndate: 2023-06-02\n---\n\nUkraine's military said 12 people were killed in Kharkiv on 3 January 2023.\n"
    write_content(tmp_path, {"articles/a.md": text})
    monkeypatch.chdir(tmp_path)
    report = check_content([Path("content")])
    found = [p for p in report.problems if "days before the publication date" in p.message]
    assert found and found[0].line == 2 and found[0].severity == "warning"


def test_an_article_without_a_date_in_its_text_is_placed_on_its_publication_day(tmp_path, monkeypatch):
    from generator.pipeline import build_timeline

    text = "---\ndate: 2023-01-02\n---\n\nThe weather was mild and people went about their business.\n"
    content = write_content(tmp_path, {"articles/a.md": text})
    monkeypatch.chdir(tmp_path)
    timeline = build_timeline([content])
    (event,) = [e for e in timeline.events if "a" in e.main_articles]
    assert event.date == "2023-01-02" and timeline.article_event["a"] == event.id
    assert not [p for p in check_content([Path("content")]).problems if "joins no event" in p.message]


def test_article_joining_no_event_is_a_warning(tmp_path, monkeypatch):
    from generator.check import _lonely_article_warnings
    from generator.ingest import read_articles
    from generator.model import Event, Timeline

    text = "---\ndate: 2023-01-02\n---\n\nThe weather was mild and people went about their business.\n"
    content = write_content(tmp_path, {"articles/a.md": text, "articles/b.md": text.replace("mild", "cold")})
    articles, _ = read_articles([content], tmp_path)
    event = Event("2023-01-02-x", "X", "2023-01-02", "day", {"2023-01-02": ["b"]}, None, ("b",), ("b",), ())
    timeline = Timeline(tuple(articles), (event,), {"b": event.id})
    (lonely,) = _lonely_article_warnings(timeline, {a.id: a for a in articles})
    assert lonely.path == "content/articles/a.md" and lonely.severity == "warning"
    assert "joins no event" in lonely.message


def test_an_opinion_piece_joins_no_event_and_check_says_so_in_a_note(tmp_path, monkeypatch, capsys):
    text = (
        '---\ntitle: "Opinion: why the war in Ukraine will not end soon"\ndate: 2023-01-02\n---\n\n'
        "Russia's war in Ukraine has no end in sight, and the West should prepare for a long struggle.\n"
    )
    write_content(tmp_path, {"articles/a.md": text})
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=True) == 0  # a note fails nothing, even with --strict
    out = capsys.readouterr().out
    assert "articles/a.md:1: note: the article reports no happening of its own" in out
    assert "opinion" in out


def test_check_says_so_when_the_pipeline_cannot_be_imported(tmp_path, monkeypatch, capsys):
    write_content(tmp_path, {"articles/a.md": GOOD})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "generator.pipeline", None)  # makes `import` raise ImportError
    assert run_check([Path("content")], strict=True) == 0
    assert "note: extraction warnings skipped" in capsys.readouterr().out


def test_a_cache_folder_tracked_by_git_is_refused(tmp_path, monkeypatch, capsys):
    write_content(tmp_path, {"articles/a.md": GOOD})
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / ".gitignore").write_text(".timeline-cache/\n", encoding="utf-8")
    (tmp_path / ".timeline-cache").mkdir()
    (tmp_path / ".timeline-cache" / "extractions-0123456789abcdef.json").write_text("{}\n", encoding="utf-8")
    subprocess.run([*git, "add", "content", ".gitignore"], check=True)
    assert run_check([Path("content")], strict=False) == 0  # ignored, as it should be: nothing to refuse

    subprocess.run([*git, "add", "-f", ".timeline-cache"], check=True)
    capsys.readouterr()
    assert run_check([Path("content")], strict=False) == 1
    out = capsys.readouterr().out
    assert ".timeline-cache/extractions-0123456789abcdef.json:1: error: the build cache is committed" in out
    assert "git rm -r --cached .timeline-cache" in out


def test_the_cache_folder_is_ignored_by_git():
    assert ".timeline-cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_an_article_the_extractor_fails_on_is_named_by_check(tmp_path, monkeypatch, capsys):
    from generator import pipeline

    write_content(tmp_path, {"articles/a.md": GOOD, "articles/b.md": GOOD.replace("12", "14")})
    monkeypatch.chdir(tmp_path)
    real = pipeline.extract_article

    def extract(article, *tables):
        if article.id == "b":
            raise OverflowError("date value out of range")
        return real(article, *tables)

    monkeypatch.setattr(pipeline, "extract_article", extract)
    assert run_check([Path("content")], strict=False) == 1
    out = capsys.readouterr().out
    assert "content/articles/b.md:1: error: the extractor failed on this article (OverflowError" in out
