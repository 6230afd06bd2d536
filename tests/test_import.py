"""Import: CSV and JSONL rows -> article files that ingest reads back exactly; every row accounted for."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer import article_from_record, import_file, outlet_from_url, parse_published
from generator.ingest import read_article, read_articles

TEXT = "Russian forces shelled the city on Monday, officials said. Three people were killed."


def write_csv(folder: Path, header: list[str], rows: list[list[str]], name: str = "rows.csv") -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_back(paths) -> list:
    found = []
    for path in paths:
        article, problems = read_article(path)
        assert problems == [], problems
        found.append(article)
    return found


def test_plain_header_row_becomes_an_article_that_ingest_reads_back(tmp_path):
    source = write_csv(
        tmp_path,
        ["Date", "URL", "Title", "Text"],
        [["2022-08-28", "https://www.rt.com/russia/1-x/", "Plant shelled", TEXT]],
    )
    result = import_file(source, tmp_path / "out")
    (article,) = read_back(result.written)
    assert (article.date, article.title, article.outlet, article.url) == (
        date(2022, 8, 28),
        "Plant shelled",
        "RT",
        "https://www.rt.com/russia/1-x/",
    )
    assert article.body == TEXT
    assert result.rows == 1 and not result.rejected and not result.duplicates


def test_empty_first_header_holding_a_pandas_index_is_ignored(tmp_path):
    source = write_csv(
        tmp_path,
        ["", "URL", "Date", "Title", "Text"],
        [["0", "https://www.bbc.com/news/world-europe-61757829", "2022-06-11T00:57:56", "EU rush", f" {TEXT}"]],
    )
    (article,) = read_back(import_file(source, tmp_path / "out").written)
    assert article.outlet == "BBC" and article.date == date(2022, 6, 11) and article.body == TEXT


def test_source_column_is_the_outlet_and_extra_columns_are_ignored(tmp_path):
    header = ["Date", "Source", "URL", "Title", "Text", "Topic", "Novelty", "Transience", "Resonance", "Topic2"]
    row = [
        "2022-11-19",
        "Fox",
        "https://www.foxnews.com/world/x",
        "Pipeline explodes",
        TEXT,
        "3",
        "0.1",
        "0.2",
        "1",
        "4",
    ]
    (article,) = read_back(import_file(write_csv(tmp_path, header, [row]), tmp_path / "out").written)
    assert article.outlet == "Fox" and article.title == "Pipeline explodes"


def test_nyt_snippet_joins_the_abstract_and_stands_in_for_an_empty_one(tmp_path):
    header = ["URL", "Date", "Title", "Text", "Snippet"]
    rows = [
        ["https://www.nytimes.com/a.html", "2022-02-01T00:11:05+0000", "A", "The abstract.", "The lead paragraph."],
        ["https://www.nytimes.com/b.html", "2022-02-02T00:11:05+0000", "B", "", "Only a snippet here."],
        ["https://www.nytimes.com/c.html", "2022-02-03T00:11:05+0000", "C", "Same text.", "Same text."],
        ["https://www.nytimes.com/d.html", "2022-02-04T00:11:05+0000", "D", "", ""],
    ]
    result = import_file(write_csv(tmp_path, header, rows), tmp_path / "out")
    bodies = [a.body for a in read_back(result.written)]
    assert bodies == ["The abstract.\n\nThe lead paragraph.", "Only a snippet here.", "Same text."]
    assert [r.reason for r in result.rejected] == ["empty text"]
    assert read_back(result.written)[0].outlet == "New York Times"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-04-05T15:49:47", date(2022, 4, 5)),
        ("2022-05-27T13:20:40Z", date(2022, 5, 27)),
        ("2022-02-01T00:11:05+0000", date(2022, 2, 1)),
        ("2022-02-01T23:50:00-05:00", date(2022, 2, 1)),
        ("2022-03-09", date(2022, 3, 9)),
        (" 2022-03-09 ", date(2022, 3, 9)),
        ("Tue, 05 Apr 2022 15:49:47 GMT", date(2022, 4, 5)),
        ("April 5, 2022", date(2022, 4, 5)),
        ("2022-02-30", None),
        ("yesterday", None),
        ("2022-04-05T99", None),
    ],
)
def test_dates_of_every_corpus_shape_are_read_as_written(raw, expected):
    assert parse_published(raw) == expected


def test_each_rejected_row_names_its_row_number_and_reason(tmp_path):
    rows = [
        ["2022-08-28", "https://a.example/1", "ok", TEXT],
        ["", "https://a.example/2", "no date", TEXT],
        ["28/08/2022?", "https://a.example/3", "bad date", TEXT],
        ["2022-08-28", "https://a.example/4", "no text", "   "],
        ["2022-08-28", "https://a.example/5", "punctuation only", " -- ... "],
    ]
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), tmp_path / "out")
    assert len(result.written) == 1
    messages = [r.problem.message for r in result.rejected]
    assert messages == [
        "row 2: empty date",
        "row 3: unreadable date '28/08/2022?'",
        "row 4: empty text",
        "row 5: empty text",
    ]
    assert [r.problem.line for r in result.rejected] == [3, 4, 5, 6]
    assert all(r.problem.fix for r in result.rejected)


def test_duplicates_by_url_and_by_normalised_text_are_skipped_and_counted(tmp_path):
    rows = [
        ["2022-08-28", "https://www.rt.com/news/1/", "first", TEXT],
        ["2022-08-29", "http://rt.com/news/1", "same url, other text", "Something else entirely was reported."],
        ["2022-08-30", "https://www.rt.com/news/2/", "same text", "  " + TEXT.upper().replace(",", " ,") + "\n"],
        ["2022-08-31", "https://www.rt.com/news/3/", "new", "A different story about the grain deal."],
    ]
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), tmp_path / "out")
    assert len(result.written) == 2
    assert [d.reason for d in result.duplicates] == ["duplicate URL", "duplicate text"]
    assert "row 2" in result.duplicates[0].problem.message and "row 1" in result.duplicates[0].problem.message


def test_importing_the_same_file_twice_writes_nothing_new(tmp_path):
    source = write_csv(tmp_path, ["Date", "URL", "Title", "Text"], [["2022-08-28", "https://a.example/1", "t", TEXT]])
    assert len(import_file(source, tmp_path / "out").written) == 1
    again = import_file(source, tmp_path / "out")
    assert again.written == () and [d.reason for d in again.duplicates] == ["duplicate URL"]


def test_html_remnants_stay_as_text_and_are_noted(tmp_path):
    text = "He said <strong>no</strong> to the <u>deal</u> & left."
    rows = [["2022-11-01", "https://www.foxnews.com/x", "Tags", text]]
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), tmp_path / "out")
    (article,) = read_back(result.written)
    assert article.body == text
    assert len(result.notes) == 1 and "HTML tags kept as text" in result.notes[0].message


def test_very_long_text_over_the_default_csv_field_limit_is_kept_whole(tmp_path):
    text = ("Russia´s forces advanced near the river. " * 4000).strip()  # ~164,000 characters
    rows = [["2022-08-20", "https://www.dailymail.co.uk/news/article-1/x.html", "Long", text]]
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), tmp_path / "out")
    (article,) = read_back(result.written)
    assert article.body == text and article.outlet == "Daily Mail"


def test_unicode_titles_and_yaml_specials_read_back_exactly(tmp_path):
    titles = [
        "Zelensky: 'We will win' — #Kyiv",
        "yes",
        "2022-01-01",
        "- a list? no",
        "\"Quoted\" and 'single'",
        "Київ під обстрілом",
        "Mojibake â€™ and Ã© kept",
        "null",
        "--- not a fence",
    ]
    rows = [["2022-03-01", f"https://x.example/{i}", title, f"{TEXT} Story {i}."] for i, title in enumerate(titles)]
    result = import_file(write_csv(tmp_path, ["date", "url", "title", "text"], rows), tmp_path / "out")
    assert [a.title for a in read_back(result.written)] == titles
    assert all(p.name.isascii() for p in result.written)


def test_file_names_are_ascii_unique_and_stay_inside_the_folder(tmp_path):
    rows = [
        ["2022-03-01", f"https://x.example/{i}", "../../etc/passwd", f"Text number {i} about the war."]
        for i in range(3)
    ] + [["2022-03-01", "https://x.example/9", "Київ", "Text about Kyiv only in another script."]]
    out = tmp_path / "out"
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), out)
    names = [p.name for p in result.written]
    assert len(set(names)) == 4
    assert all(p.parent == out and p.name.isascii() and "/" not in p.stem for p in result.written)
    assert names[1].endswith("-2.md") and names[2].endswith("-3.md")
    _, problems = read_articles([out])
    assert problems == []


def test_title_whitespace_is_collapsed_and_empty_title_is_left_to_ingest(tmp_path):
    rows = [
        ["2022-03-01", "https://x.example/1", "Two\nlines\u2028here", TEXT],
        ["2022-03-02", "https://x.example/2", "", "Kyiv was quiet overnight, the mayor said on Tuesday morning."],
    ]
    result = import_file(write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows), tmp_path / "out")
    first, second = read_back(result.written)
    assert first.title == "Two lines here"
    assert second.title_from_text


def test_jsonl_rows_with_any_case_keys_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {"DATE": "2022-05-27T13:20:40Z", "Link": "https://www.theguardian.com/a", "Headline": "G", "Body": TEXT}
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"date": "2022-05-28", "title": "no text field"}),
        json.dumps({"date": "2022-05-29", "text": ["Para one.", "Para two."], "outlet": "Kyiv Independent"}),
    ]
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    first, second = read_back(result.written)
    assert (first.outlet, first.title, first.date) == ("The Guardian", "G", date(2022, 5, 27))
    assert second.body == "Para one.\n\nPara two." and second.outlet == "Kyiv Independent"
    assert [r.reason for r in result.rejected] == ["not JSON", "not a JSON object", "missing field"]
    assert result.rows == len(result.written) + len(result.rejected)


def test_columns_named_by_flags_win_over_detection(tmp_path):
    header = ["published_on", "link", "headline", "story", "paper"]
    source = write_csv(tmp_path, header, [["2022-04-01", "https://x.example/1", "H", TEXT, "Kyiv Post"]])
    code = main(
        [
            "import",
            str(source),
            "--into",
            str(tmp_path / "out"),
            "--date-column",
            "Published_On",
            "--text-column",
            "story",
            "--outlet-column",
            "paper",
        ]
    )
    assert code == 0
    (article,) = read_back((tmp_path / "out").glob("*.md"))
    assert article.outlet == "Kyiv Post" and article.url == "https://x.example/1"


def test_missing_text_column_fails_the_file_with_the_flag_to_use(tmp_path, capsys):
    source = write_csv(tmp_path, ["Date", "URL", "Title"], [["2022-04-01", "https://x.example/1", "H"]])
    assert main(["import", str(source), "--into", str(tmp_path / "out")]) == 1
    assert "--text-column" in capsys.readouterr().err


def test_unreadable_file_exits_1_and_readable_one_exits_0_with_a_summary(tmp_path, capsys):
    assert main(["import", str(tmp_path / "missing.csv"), "--into", str(tmp_path / "out")]) == 1
    source = write_csv(tmp_path, ["Date", "Text"], [["2022-04-01", TEXT], ["bad", TEXT]])
    assert main(["import", str(source), "--into", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "written: 1" in out and "rejected: 1 (1 unreadable date)" in out and "rows.csv:3:" in out


def test_limit_stops_after_that_many_articles(tmp_path):
    rows = [["2022-04-01", f"https://x.example/{i}", f"T{i}", f"{TEXT} Story {i}."] for i in range(10)]
    source = write_csv(tmp_path, ["Date", "URL", "Title", "Text"], rows)
    assert main(["import", str(source), "--into", str(tmp_path / "out"), "--limit", "4"]) == 0
    assert len(list((tmp_path / "out").glob("*.md"))) == 4


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/x", "BBC"),
        ("https://www.dailymail.co.uk/wires/ap/article-1/x.html", "Associated Press"),
        ("https://www.dailymail.co.uk/news/article-1/x.html", "Daily Mail"),
        ("https://abcnews.go.com/Politics/x", "ABC News"),
        ("https://edition.cnn.com/2022/x", "CNN"),
        ("https://www.kyivpost.com/post/1", "kyivpost.com"),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_the_url_is_a_known_name_or_the_domain(url, outlet):
    assert outlet_from_url(url) == outlet


def test_a_row_without_outlet_or_url_has_no_outlet():
    article = article_from_record({"date": "2022-01-01", "text": TEXT})
    assert article.outlet is None and article.url is None
