"""Every value is checked before it lands: ids, urls, languages, symlinks; `check` and the build agree.

Each case is a file a pull request could add. `timeline check` must name it (`path:line: message (fix: ...)`),
the build must refuse it with the same words, and nothing of it may reach `timeline.json` or a page.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from stage_helpers import ROOT
from test_render import Tags, strike_timeline

from generator.check import check_content, run_check
from generator.ingest import read_articles
from generator.pipeline import build_timeline
from generator.render import render_site
from generator.site import build_site
from generator.validate import ARTICLE_ID, LANGUAGES, is_language_code

BODY = "Ukraine's military said 12 people were killed in Kharkiv on Monday."
HOSTILE_STEM = 'xk" autofocus onfocus="alert(1)" y='


def article(meta: str = "") -> str:
    return f"---\ntitle: Strike on Kharkiv\ndate: 2023-01-02\n{meta}---\n\n{BODY}\n"


# (name, file name, text, line, words of the message)
REFUSED = [
    ("script in the file name", f"{HOSTILE_STEM}.txt", f" date 2023-01-02 {BODY}", 1, "outside A-Z, a-z, 0-9"),
    ("space in the file name", "a b.md", article(), 1, "the file name 'a b'"),
    ("javascript url", "a.md", article("url: javascript:alert(1)\n"), 4, "not a web address"),
    ("data url", "a.md", article("url: 'data:text/html,<script>alert(1)</script>'\n"), 4, "not a web address"),
    ("url without scheme", "a.md", article("url: example.org/a\n"), 4, "not a web address"),
    ("language as a list", "a.md", article("language: [en, uk]\n"), 4, "is not a language code"),
    ("language as a path", "a.md", article("language: ../../../../etc/passwd\n"), 4, "is not a language code"),
    ("language not in the list", "a.md", article("language: english\n"), 4, "is not a language code"),
]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "file", "text", "line", "words"), REFUSED, ids=[c[0] for c in REFUSED])
def test_check_and_build_refuse_the_same_file_with_the_same_words(
    tmp_path, monkeypatch, capsys, name, file, text, line, words
):
    write(tmp_path / "content" / "articles", file, text)
    write(tmp_path / "content" / "articles", "good.md", article().replace("Monday", "Tuesday"))
    monkeypatch.chdir(tmp_path)
    assert run_check([Path("content")], strict=False) == 1
    reported = [row for row in capsys.readouterr().out.splitlines() if row.startswith(f"content/articles/{file}:")]
    assert len(reported) == 1 and f":{line}: error: " in reported[0] and words in reported[0], reported
    assert reported[0].endswith(")") and "(fix: " in reported[0]

    timeline = build_timeline([Path("content")], tmp_path)
    assert [a.id for a in timeline.articles] == ["good"]  # never extracted, never published
    assert [str(p) for p in timeline.problems if p.severity == "error"] == [reported[0]]
    assert build_site([Path("content")], tmp_path / "site", ROOT / "mkdocs.yml") == 1
    assert reported[0] in capsys.readouterr().err
    assert not (tmp_path / "site" / "data" / "timeline.json").exists()


def test_the_fix_for_a_bad_file_name_is_a_name_that_passes(tmp_path):
    write(tmp_path, f"{HOSTILE_STEM}.txt", f" date 2023-01-02 {BODY}")
    _, problems = read_articles([tmp_path])
    suggested = problems[0].fix.split("rename the file to ", 1)[1].split(":", 1)[0]
    assert suggested == "xk-autofocus-onfocus-alert-1-y.txt" and ARTICLE_ID.match(Path(suggested).stem)


def test_a_symlinked_article_is_refused_with_a_message(tmp_path):
    outside = write(tmp_path / "outside", "secret.md", article())
    articles = tmp_path / "content" / "articles"
    write(articles, "good.md", article())
    os.symlink(outside, articles / "linked.md")
    os.symlink(tmp_path / "outside", articles / "linked-folder")
    read, problems = read_articles([tmp_path / "content"], tmp_path)
    assert [a.id for a in read] == ["good"]
    refused = sorted((p.path, p.message) for p in problems)
    assert [path for path, _ in refused] == ["content/articles/linked-folder", "content/articles/linked.md"]
    assert all("symbolic link" in message for _, message in refused)
    report = check_content([tmp_path / "content"])
    assert report.errors == 2 and {"secret"} & {a.id for a in build_timeline([tmp_path / "content"]).articles} == set()


def test_a_symlink_loop_is_refused_not_followed(tmp_path):
    articles = tmp_path / "articles"
    write(articles, "good.md", article())
    os.symlink(articles, articles / "loop")
    read, problems = read_articles([tmp_path])
    assert [a.id for a in read] == ["good"] and ["symbolic link" in p.message for p in problems] == [True]


def test_language_codes_come_from_a_fixed_list():
    assert {"en", "uk", "ru", "es"} <= LANGUAGES and len(LANGUAGES) == 184
    assert is_language_code("en") and is_language_code("en-GB")
    for refused in ("", "../en", "en/../../x", "['en', 'uk']", "english", "EN", "en-", "en-GB-x", "xx"):
        assert not is_language_code(refused), refused


def test_attribute_values_are_escaped_even_for_an_id_ingest_would_refuse():
    """Defence in depth: an id that slipped past ingest still cannot add an attribute or close a tag."""
    timeline = strike_timeline()
    hostile = [a.__class__(**{**a.__dict__, "id": HOSTILE_STEM}) if a.id == "a1" else a for a in timeline.articles]
    claims = tuple(c.__class__(**{**c.__dict__, "article": HOSTILE_STEM}) for c in timeline.events[1].claims)
    event = timeline.events[1].__class__(**{**timeline.events[1].__dict__, "claims": claims})
    timeline = timeline.__class__(tuple(hostile), (timeline.events[0], event), {}, parties=timeline.parties)
    for page in render_site(timeline):
        for tag, attrs in Tags(page.html).tags:
            assert not {"autofocus", "onfocus", "y"} & set(attrs), (page.path, tag, attrs)
        assert 'onfocus="alert(1)"' not in page.html


def test_check_json_and_pages_publish_only_http_links(tmp_path):
    write(tmp_path / "articles", "good.md", article("url: https://example.org/a?b=1&c=2\n"))
    assert build_site([tmp_path], tmp_path / "site", ROOT / "mkdocs.yml") == 0
    data = json.loads((tmp_path / "site" / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert [a["url"] for a in data["articles"]] == ["https://example.org/a?b=1&c=2"]
    page = (tmp_path / "site" / "articles" / "good" / "index.html").read_text(encoding="utf-8")
    hrefs = [attrs["href"] for tag, attrs in Tags(page).tags if tag == "a" and "nofollow" in attrs.get("rel", "")]
    # the original, twice (its metadata row and "read it in full"), and the quoted sentence's text fragment
    assert hrefs[:2] == ["https://example.org/a?b=1&c=2"] * 2
    assert hrefs[2:] and all(h.startswith("https://example.org/a?b=1&c=2#:~:text=") for h in hrefs[2:])
