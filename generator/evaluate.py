"""`timeline eval`: build each evaluation set and print score.py's table.

Sets: the synthetic development set (`devset/`, with the seeds), the real news
excerpts (`realdev/`), and the busy days (`busyday/`): every article of two
real news days, scored on the whole corpus (`corpus/ukraine-media/`),
imported once and built with the extraction cache, as the real site is. The
timeline.json scored is the one the site would publish (same model, same
serialiser); building the pages is not needed to score the extraction.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .model import Timeline
from .pipeline import build_timeline
from .serialize import timeline_to_json

CORPUS = Path("corpus") / "ukraine-media"


def score_set(name: str, content: list[Path], golds: list[Path], scorer: Path, out_dir: Path) -> int:
    """Build `content` into `out_dir/name/timeline.json` and print the scores against `golds`."""
    return score_timeline(name, build_timeline(content), [golds], scorer, out_dir)


def score_timeline(name: str, timeline: Timeline, gold_sets: list[list[Path]], scorer: Path, out_dir: Path) -> int:
    """Write the timeline and print one table per set of gold files."""
    errors = [p for p in timeline.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    target = out_dir / name / "timeline.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(timeline_to_json(timeline), encoding="utf-8")
    status = 1 if errors else 0
    for golds in gold_sets:
        command = [sys.executable, str(scorer), *[f"--gold={g}" for g in golds], str(target), "--errors"]
        title = name if len(gold_sets) == 1 else f"{name} {golds[0].name.split('.')[0]}"
        print(f"\n## {title}\n$ {' '.join(command)}", flush=True)
        status |= subprocess.call(command)
    return status


def score_busy_days(shared: Path, scorer: Path, out_dir: Path) -> int:
    """Import the corpus once, build it whole with the extraction cache, score each busy day alone."""
    corpus, golds = shared / CORPUS, sorted((shared / "busyday").glob("*.gold.yaml"))
    if not corpus.is_dir() or not golds:
        print(f"\n## busyday\nskipped: {corpus} or {shared / 'busyday'} is absent")
        return 0
    imported = out_dir / "busyday-corpus"
    if not imported.is_dir() or not any(imported.iterdir()):
        from .importer import ROW_FILES, KnownArticles, import_file

        print(f"\n## busyday\nimporting {corpus} into {imported} (once) ...", flush=True)
        known = KnownArticles.in_folder(imported)
        for path in sorted(p for p in corpus.iterdir() if p.suffix.lower() in ROW_FILES):
            import_file(path, imported, known=known)
    started = time.monotonic()
    timeline = build_timeline([imported], cache_dir=out_dir / "busyday-cache", progress=_progress)
    print(f"busyday: built {len(timeline.articles)} articles in {time.monotonic() - started:.0f} s", flush=True)
    return score_timeline("busyday", timeline, [[g] for g in golds], scorer, out_dir)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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
    return status | score_busy_days(shared, scorer, out_dir)
