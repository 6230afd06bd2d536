"""`timeline eval`: build the development set and print score.py's table.

The timeline.json scored is the one the site would publish (same model, same
serialiser); building the pages is not needed to score the extraction.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .pipeline import build_timeline
from .serialize import timeline_to_json


def run_eval(shared: Path, out_dir: Path) -> int:
    devset, scorer = shared / "devset", shared / "tools" / "score.py"
    if not scorer.is_file() or not (devset / "articles").is_dir():
        print(f"eval: {shared} has no devset/ or tools/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    content = [devset / "articles", shared / "seeds"]
    timeline = build_timeline(content)
    errors = [p for p in timeline.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "timeline.json"
    target.write_text(timeline_to_json(timeline), encoding="utf-8")
    golds = sorted(devset.glob("*.gold.yaml"))
    command = [sys.executable, str(scorer), *[f"--gold={g}" for g in golds], str(target), "--errors"]
    print(f"$ {' '.join(command)}")
    return subprocess.call(command) or (1 if errors else 0)
