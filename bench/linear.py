"""Extraction time against article length: a synthetic article at 1x, 4x and 16x its length.

Linear growth keeps the 16x article near 16 times the 1x time (and its time per KB flat); a pattern
that backtracks over a long sentence shows as a per-KB time that climbs with the length. Two texts:
ordinary paragraphs, and one sentence without a full stop that packs numbers, verbs and dates
(the shape that made patterns quadratic). Run alone (`python bench/linear.py`) or from `make bench`.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.actors import load_registry  # noqa: E402
from generator.extract import extract_article  # noqa: E402
from generator.extract.places_file import load_gazetteer  # noqa: E402
from generator.ingest import cut_runs  # noqa: E402
from generator.model import Article  # noqa: E402

SCALES = (1, 4, 16)
# Written for this benchmark: the shapes of wire copy (a source, figures, a dated strike, a place).
PARAGRAPH = (
    "The regional governor said on Tuesday that at least 12 people were killed and 30 wounded in Kharkiv. "
    "Officials said 25 rockets were fired overnight, three days after the attack on the power plant. "
    "According to the ministry, two hundred and fifty residents were evacuated on March 3, 2023.\n\n"
)
RUN_ON = "officials said 12 were killed on March 3 and 40 wounded near Kharkiv, "


def extraction_seconds(body: str, registry, gazetteer, repeats: int = 3) -> float:
    """The fastest of a few extractions of the body, as ingest would hand it over."""
    article = Article("bench", "bench.txt", date(2023, 3, 10), "Bench", None, None, "en", cut_runs(body))
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        extract_article(article, registry, gazetteer)
        best = min(best, time.perf_counter() - started)
    return best


def linear_growth_line(paragraphs: int = 8) -> str:
    """One line: for each text and scale, its size and extraction time, and the 16x/1x time ratio."""
    registry, _ = load_registry([ROOT / "content"])
    gazetteer = load_gazetteer([ROOT / "content"])
    extraction_seconds(PARAGRAPH, registry, gazetteer, repeats=1)  # compile the patterns first
    parts = []
    for name, unit in (("paragraphs", PARAGRAPH * paragraphs), ("run-on", RUN_ON * paragraphs * 4)):
        times = {scale: extraction_seconds(unit * scale, registry, gazetteer) for scale in SCALES}
        sizes = " ".join(f"{scale}x={len(unit) * scale / 1000:.0f}KB:{times[scale]:.3f}s" for scale in SCALES)
        parts.append(f"{name} {sizes} ratio16x={times[SCALES[-1]] / times[SCALES[0]]:.1f}")
    return "linear: " + " | ".join(parts) + " (linear growth: ratio16x near 16)"


if __name__ == "__main__":
    print(linear_growth_line())
