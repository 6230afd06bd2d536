from pathlib import Path

from generator.ingest import read_article, read_articles

SEED = " date 2023-01-02 Moscow said 63 soldiers were killed. Kyiv said 400.\n\nSecond paragraph."


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_seed_format_reads_date_body_and_title_from_first_sentence(tmp_path):
    article, problems = read_article(write(tmp_path, "s1.txt", SEED))
    assert problems == []
    assert article.id == "s1" and article.date.isoformat() == "2023-01-02"
    assert article.body.startswith("Moscow said 63")
    assert article.title == "Moscow said 63 soldiers were killed"
    assert article.title_from_text


def test_markdown_front_matter_fields(tmp_path):
    text = "---\ntitle: A title\ndate: 2022-10-08\noutlet: Daily\nurl: https://x.test/a\nlanguage: es\n---\n\nTexto."
    article, problems = read_article(write(tmp_path, "m1.md", text))
    assert problems == []
    assert (article.title, article.outlet, article.url, article.language) == (
        "A title",
        "Daily",
        "https://x.test/a",
        "es",
    )
    assert article.body == "Texto."


def test_language_is_detected_when_the_file_does_not_say(tmp_path):
    body = " date 2022-10-09 El presidente dijo que la explosión del sábado mató a tres personas en el puente."
    article, _ = read_article(write(tmp_path, "es.txt", body))
    assert article.language == "es"


def test_missing_date_names_file_line_and_fix(tmp_path):
    _, problems = read_article(write(tmp_path, "bad.txt", "No date here."), "content/articles/bad.txt")
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == "content/articles/bad.txt" and problem.line == 1
    assert "date" in problem.message and "2023-01-02" in problem.fix


def test_unreal_date_is_a_problem(tmp_path):
    _, problems = read_article(write(tmp_path, "bad.txt", " date 2023-02-30 Text."))
    assert "not a real date" in problems[0].message


def test_invalid_utf8_reports_the_line(tmp_path):
    _, problems = read_article(write(tmp_path, "bad.txt", b" date 2023-01-02 ok\nline two \xff\xfe"))
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_broken_front_matter_and_unknown_key(tmp_path):
    _, problems = read_article(write(tmp_path, "a.md", "---\ndate: 2023-01-01\ntitle: [unclosed\n---\nBody"))
    assert "front matter" in problems[0].message
    _, problems = read_article(write(tmp_path, "b.md", "---\ndate: 2023-01-01\nauthor: X\n---\nBody"))
    assert problems[0].line == 3 and "author" in problems[0].message


def test_empty_body_is_a_problem(tmp_path):
    _, problems = read_article(write(tmp_path, "e.md", "---\ndate: 2023-01-01\n---\n\n   \n"))
    assert "no text" in problems[0].message


def test_duplicate_ids_across_folders_keep_the_first_and_report_the_second(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a", "same.txt", SEED)
    write(tmp_path / "b", "same.md", "---\ndate: 2023-01-01\n---\nOther text.")
    articles, problems = read_articles([tmp_path / "a", tmp_path / "b"], tmp_path)
    assert len(articles) == 1
    assert len(problems) == 1 and "duplicate article id 'same'" in problems[0].message


def test_seeds_are_read_byte_for_byte():
    root = Path(__file__).resolve().parent.parent
    articles, problems = read_articles([root / "seeds"], root)
    assert problems == [] and len(articles) == 2
    shared = root.parent / "shared" / "seeds"
    if shared.is_dir():
        for path in (root / "seeds").glob("*.txt"):
            assert path.read_bytes() == (shared / path.name).read_bytes()


def test_site_pages_are_not_articles_even_without_an_articles_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    write(tmp_path / "pages", "about.md", "# About\n")
    write(tmp_path, "a.txt", SEED)
    articles, problems = read_articles([tmp_path], tmp_path)
    assert [a.id for a in articles] == ["a"] and problems == []


def alias_bomb() -> str:
    """About 300 bytes of YAML whose aliases expand to 9**9 values."""
    parts = ["&a [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
    for previous, current in zip("abcdefg", "bcdefgh", strict=True):
        parts.append(f"&{current} [{','.join(['*' + previous] * 9)}]")
    parts.append(f"[{','.join(['*h'] * 9)}]")
    return f"title: [{', '.join(parts)}]"


BODY = "A strike hit Kharkiv on Tuesday; officials said 3 people were killed."
BAD_FILES = {
    "year-one.md": (f"---\ndate: 0001-01-01\n---\n\n{BODY}\n", 2, "outside the years 1800–2100"),
    "year-9999.md": (f"---\ndate: 9999-12-31\n---\n\n{BODY}\n", 2, "outside the years 1800–2100"),
    "seed-year-one.txt": (f" date 0001-01-01 {BODY}\n", 1, "outside the years 1800–2100"),
    "bomb.md": (f"---\ndate: 2023-01-02\n{alias_bomb()}\n---\n\n{BODY}\n", 3, "aliases (*name) are not allowed"),
    "nul.md": (f"---\ndate: 2023-01-02\n---\n\n{BODY}\n\nand\0 more\n", 7, "NUL byte"),
    "surrogate.md": (f'---\ndate: 2023-01-02\ntitle: "half \\ud800"\n---\n\n{BODY}\n', 3, "half a character"),
    "nul-escape.md": (f'---\ndate: 2023-01-02\noutlet: "a\\0b"\n---\n\n{BODY}\n', 3, "NUL"),
    "deep.md": (f"---\ndate: 2023-01-02\ntitle: {'[' * 5000}\n---\n\n{BODY}\n", 2, "nested too deeply"),
    "long.md": (f"---\ndate: 2023-01-02\ntitle: {'x' * 30_000}\n---\n\n{BODY}\n", 2, "front matter too long"),
}


def test_each_bad_file_is_named_and_the_good_ones_are_read(tmp_path):
    assert len(alias_bomb()) < 350
    for name, (text, _, _) in BAD_FILES.items():
        write(tmp_path, name, text)
    write(tmp_path, "good.md", f"---\ndate: 2023-01-02\n---\n\n{BODY}\n")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")  # a link to itself
    (tmp_path / "folder-loop").mkdir()
    (tmp_path / "folder-loop" / "up").symlink_to(tmp_path / "folder-loop")  # a folder that contains itself
    articles, problems = read_articles([tmp_path], tmp_path)
    assert [a.id for a in articles] == ["good"]
    named = {p.path: p for p in problems}
    for name, (_, line, words) in BAD_FILES.items():
        assert words in named[name].message and named[name].line == line, (name, named[name])
    assert "symbolic link" in named["loop.md"].message
    assert "symbolic link" in named["folder-loop/up"].message  # a linked folder is named, never followed
    assert len(problems) == len(BAD_FILES) + 2


def test_cutting_repeats_reads_only_texts_that_may_repeat_and_cuts_them_as_the_pattern_does():
    import random

    from generator import ingest

    def by_pattern_alone(body: str) -> str:
        body = ingest.LONG_SPACE.sub(lambda m: m.group(0)[: ingest.SPACE_RUN], body)
        return ingest.REPEATED.sub(lambda m: " ".join([m.group(1)] * ingest.REPEATS), body)

    rng = random.Random(7)
    words = ["war", "said", "the", "Kyiv", "on", "strike", "a", "b"]
    for _ in range(400):
        phrase = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        around = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(2)]
        text = f"{around[0]} {' '.join([phrase] * rng.randint(1, 8))} {around[1]}"
        text = text.replace(" ", rng.choice([" ", "  ", "\t", "\n"]), rng.randint(0, 2))
        assert ingest.cut_runs(text) == by_pattern_alone(text), text
