"""`timeline eval`: build each evaluation set and print score.py's table.

Sets: the synthetic development set (`devset/`, with the seeds), the real news
excerpts (`realdev/`). The timeline.json scored is the one the site would
publish (same model, same serialiser); building the pages is not needed to
score the extraction.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .pipeline import build_timeline
from .serialize import timeline_to_json


def score_set(name: str, content: list[Path], golds: list[Path], scorer: Path, out_dir: Path) -> int:
    """Build `content` into `out_dir/name/timeline.json` and print the scores against `golds`."""
    timeline = build_timeline(content)
    errors = [p for p in timeline.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    target = out_dir / name / "timeline.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(timeline_to_json(timeline), encoding="utf-8")
    command = [sys.executable, str(scorer), *[f"--gold={g}" for g in golds], str(target), "--errors"]
    print(f"\n## {name}\n$ {' '.join(command)}", flush=True)
    return subprocess.call(command) or (1 if errors else 0)


def run_eval(shared: Path, out_dir: Path) -> int:
    devset, realdev, scorer = shared / "devset", shared / "realdev", shared / "tools" / "score.py"
    if not scorer.is_file() or not (devset / "articles").is_dir():
        print(f"eval: {shared} has no devset/ or tools/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    status = score_set(
        "devset", [devset / "articles", shared / "seeds"], sorted(devset.glob("*.gold.yaml")), scorer, out_dir
    )
    if (realdev / "articles").is_dir():
        status |= score_set("realdev", [realdev / "articles"], [realdev / "gold.yaml"], scorer, out_dir)
    else:
        print(f"\n## realdev\nskipped: {realdev} is absent")
    return status
