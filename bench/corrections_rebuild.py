"""Time a rebuild after editing only `corrections.yml` against a cached rebuild with nothing edited.

Imports the corpus (or `--limit` articles of it), builds the timeline once to fill the extraction cache,
then times, alternating, a cached rebuild with no `corrections.yml` and one after writing it with
`--corrections` entries (a third each: checked, drop, set party) on claims the first build read; the best of
three rounds of each. Prints one line:
`corrections-bench: articles=N corrections=N cold_s=X cached_s=X corrected_s=X extracted_after_edit=N`.
The pages are rendered from the timeline either way, so the timeline build is where the two can differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench import DEFAULT_CORPUS, import_sample
from generator import pipeline
from generator.pipeline import build_timeline

ROUNDS = 3


def corrections_for(timeline, count: int) -> str:
    """`count` corrections on distinct sentences the build read, each quoting eight words of its sentence."""
    entries, seen = [], set()
    claims = [c for e in timeline.events for c in e.claims if len(c.quote.split()) >= 8 and c.party != "russia"]
    for claim in claims:
        words = " ".join(claim.quote.split()[:8])
        same = [c for c in claims if c.article == claim.article and words in " ".join(c.quote.split())]
        if (claim.article, claim.span) in seen or len({c.span for c in same}) > 1 or len(claim.figures) > 1:
            continue
        seen.add((claim.article, claim.span))
        action = ("    checked: true", "    drop: true", "    set: {party: russia}")[len(entries) % 3]
        entries.append(f"  - article: {claim.article}\n    quote: {json.dumps(words)}\n{action}")
        if len(entries) == count:
            break
    return "corrections:\n" + "\n".join(entries) + "\n"


def timed(folder: Path, cache: Path) -> tuple[float, object]:
    started = time.perf_counter()
    timeline = build_timeline([folder], folder, cache, progress=lambda message: None)
    return time.perf_counter() - started, timeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--corrections", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    files = sorted(args.corpus.glob("*.csv"))
    with tempfile.TemporaryDirectory(prefix="corrections-bench-") as tmp:
        folder, cache = Path(tmp) / "content", Path(tmp) / "cache"
        count = import_sample(files, folder / "articles", args.limit)
        cold, timeline = timed(folder, cache)
        text = corrections_for(timeline, args.corrections)
        extracted: list[str] = []
        real = pipeline.extract_articles
        pipeline.extract_articles = lambda articles, *rest, **kw: (
            extracted.extend(articles) or real(articles, *rest, **kw)
        )
        cached_rounds, corrected_rounds = [], []
        for _ in range(ROUNDS):  # alternated, so a busy moment of the machine falls on both alike
            (folder / "corrections.yml").unlink(missing_ok=True)
            cached_rounds.append(timed(folder, cache)[0])
            (folder / "corrections.yml").write_text(text, encoding="utf-8")
            seconds, last = timed(folder, cache)
            corrected_rounds.append(seconds)
        cached, corrected = min(cached_rounds), min(corrected_rounds)
        problems = [p for p in last.problems if p.path.endswith("corrections.yml")]
        for problem in problems:
            print(problem, file=sys.stderr)
        reviewed = sum(f.checked for e in last.events for c in e.claims for f in c.figures)
    print(
        f"corrections-bench: articles={count} corrections={args.corrections} cold_s={cold:.2f} "
        f"cached_s={cached:.2f} corrected_s={corrected:.2f} extracted_after_edit={len(extracted)} "
        f"figures_checked={reviewed} correction_problems={len(problems)}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
