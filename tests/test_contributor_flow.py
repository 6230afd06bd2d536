"""A contributor's pull request end to end: `new`, an edit, `check`, two builds, `diff` naming the new claims."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.scaffold import PLACEHOLDER

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "Ukraine's military said 12 people were killed in Kharkiv on Monday when a missile hit a residential block.\n\n"
    "Rescue teams were still searching the rubble on Tuesday, the city's mayor said.\n"
)


def timeline_command(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def build_json(project: Path) -> str:
    from generator.pipeline import build_timeline
    from generator.serialize import timeline_to_json

    return timeline_to_json(build_timeline([project / "content", project / "seeds"], root=project))


def test_a_new_article_shows_up_in_the_diff_with_its_claims_and_event(tmp_path):
    import json

    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    (tmp_path / "before.json").write_text(build_json(project), encoding="utf-8")

    created = timeline_command(
        project,
        "new",
        "--date", "2023-01-03",
        "--title", "Missile strike on Kharkiv",
        "--outlet", "Reuters",
        "--url", "https://example.com/kharkiv",
        "--language", "en",
        "--into", "content/articles",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    path = project / "content" / "articles" / "2023-01-03_missile-strike-on-kharkiv.md"
    assert path.is_file()

    placeholder = timeline_command(project, "check")
    assert placeholder.returncode == 1 and "placeholder text" in placeholder.stdout

    path.write_text(path.read_text(encoding="utf-8").replace(PLACEHOLDER + "\n", BODY), encoding="utf-8")
    checked = timeline_command(project, "check")
    assert checked.returncode == 0, checked.stdout
    assert "Traceback" not in checked.stderr

    (tmp_path / "after.json").write_text(build_json(project), encoding="utf-8")
    diffed = timeline_command(tmp_path, "diff", "before.json", "after.json")
    assert diffed.returncode == 0, diffed.stderr
    summary = diffed.stdout

    after = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    article = next(a for a in after["articles"] if a["id"] == path.stem)
    event = next(e for e in after["events"] if e["id"] == article["event"])
    assert (
        f"- added `{path.stem}`: Missile strike on Kharkiv (Reuters, 2023-01-03) → joins **{event['title']}**"
        in summary
    )
    new_claims = [c for c in event["claims"] if c["article"] == path.stem]
    assert new_claims, "the extractor found no claim in the new article"
    assert f"- added to **{event['title']}**" in summary
    assert "Ukraine's military (ukraine): killed 12" in summary
