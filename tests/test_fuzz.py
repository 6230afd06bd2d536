"""Random and mutated articles: never a traceback, never a hang, and every file is built or named.

A small generator of hostile files (issue 16, point 6), seeded so a failure can be replayed:
`FUZZ_SEED=123 pytest tests/test_fuzz.py`. CI runs a few hundred on every pull request.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from generator import pipeline
from generator.check import check_content
from generator.pipeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
FILES = 240
SENTENCES = [
    "Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1.",
    "Ukraine's military said about 400 were killed and 300 wounded.",
    "On Tuesday, officials said at least 12 people died in Kharkiv.",
    "The governor said 25 rockets were fired at Zaporizhzhia overnight, a week ago.",
    "El ministerio dijo que 10 personas murieron en Jersón el 3 de marzo de 2022.",
    "Two days earlier, the village of Hroza was hit.",
]
ODD = ["\u202e", "\u200b", "\ufeff", "e\u0301", "😀", "\U0001f1fa\U0001f1e6", "\u0000", "\ud800", "\x85", "\u2028"]
HUGE = ["said " * 3000, " " * 5000, "9" * 400, "1" * 31 + " killed", "[" * 2000, "> " * 500 + "x", "#" * 300]
FRONT = [
    "title: [a, b]",
    "title: null",
    "outlet: {a: 1}",
    "url: 12",
    "language: [en]",
    "date: 0001-01-01",
    "date: 9999-12-31",
    "date: 2023-02-30",
    "date: [2023-01-02]",
    "title: &a x\noutlet: *a",
    "title: !!python/object/apply:os.system [echo hi]",
    "title: '---'",
    "extra: 1",
]


def body(rng: random.Random) -> str:
    parts = [rng.choice(SENTENCES) for _ in range(rng.randint(0, 8))]
    for _ in range(rng.randint(0, 3)):
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD + HUGE + ["\n\n", "---", "\n---\n", "10^30 killed"]))
    return " ".join(parts)


def article(rng: random.Random) -> tuple[str, bytes]:
    """A file's suffix and bytes: mostly well-formed, with odd text, front matter and bytes mixed in."""
    day = rng.choice(["2023-01-02", "2022-02-24", "1800-01-01", "2100-12-31", "2023-1-2"])
    seed_format = rng.random() < 0.4
    if seed_format:
        text = f" date {day} {body(rng)}\n"
    else:
        lines = [f"date: {day}"] if rng.random() < 0.9 else []
        lines += rng.sample(FRONT, rng.randint(0, 2))
        text = "---\n" + "\n".join(lines) + ("\n---\n\n" if rng.random() < 0.95 else "\n") + body(rng) + "\n"
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:  # bytes that are not UTF-8
        at = rng.randint(0, len(data))
        data = data[:at] + bytes([rng.randint(128, 255)]) + data[at:]
    if rng.random() < 0.05:
        data = data[: rng.randint(0, len(data))]
    if rng.random() < 0.05:
        data = data.replace(b"\n", b"\r\n")
    return (".txt" if seed_format == (rng.random() < 0.95) else ".md"), data


def test_random_and_mutated_articles_are_each_built_or_named(tmp_path, monkeypatch):
    seed = int(os.environ.get("FUZZ_SEED", "16"))
    rng = random.Random(seed)
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for n in range(FILES):
        suffix, data = article(rng)
        (folder / f"f{n:03d}{suffix}").write_bytes(data)
    monkeypatch.setattr(pipeline, "EXTRACTION_SECONDS", 5)
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    timeline = build_timeline([Path("content")], tmp_path)
    assert time.monotonic() - started < 300, f"seed {seed}: the build took too long"
    built = {a.path for a in timeline.articles}
    named = {p.path for p in timeline.problems}
    every = {f"content/articles/{p.name}" for p in folder.iterdir()}
    assert every - built - named == set(), f"seed {seed}: files neither built nor named"
    assert built and named  # the generator makes both kinds
    report = check_content([Path("content")])
    assert not report.pipeline_failed, report.notes
    assert {p.path for p in report.problems if p.severity == "error"} >= named
