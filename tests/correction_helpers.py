"""Helpers the correction tests share: two small articles in a content folder, and a build of it."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import build_timeline

STRIKE = (
    "Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1. Ukraine's military said "
    "about 400 soldiers were killed in the strike. Launchers fired 12 rockets a minute at the building, a witness "
    "said. Local officials later counted the dead among the conscripts, putting them at 89 in a statement."
)
SHELLING = (
    "Ukrainian officials said 3 people were killed by shelling in Kherson on January 5. The attack recalled the "
    "strike on Makiivka on January 1, when Russia said 63 soldiers were killed."
)
MAKIIVKA = "2023-01-01-makiivka-strike-barracks"
KHERSON = "2023-01-05-kherson-shelling"
INVASION = "2022-02-24-full-scale-invasion"


def content(tmp_path: Path, corrections: str | None = None) -> Path:
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for name, title, day, text in (
        ("strike", "Strike on barracks in Makiivka", "2023-01-02", STRIKE),
        ("kherson", "Shelling in Kherson", "2023-01-06", SHELLING),
    ):
        front = f"---\ntitle: {title}\ndate: {day}\noutlet: Example News\n---\n\n"
        (folder / "articles" / f"{name}.md").write_text(front + text + "\n", encoding="utf-8")
    if corrections is not None:
        (folder / "corrections.yml").write_text(corrections, encoding="utf-8")
    return folder


def build(tmp_path: Path, corrections: str | None = None, cache: Path | None = None):
    return build_timeline([content(tmp_path, corrections)], tmp_path, cache)
