"""Text that made extraction's patterns backtrack is read on the fast path, well inside the time limit.

Each article here stalled a build before the cues were read from bounded windows (issue 16, point 2):
the per-article time limit fired and named it. The test asserts that every one is now built (the limit
did not fire), not how many seconds it took, so a slow CI machine does not make it flaky.
"""

from __future__ import annotations

from generator.pipeline import EXTRACTION_SECONDS, build_timeline
from tests.stage_helpers import ROOT

HEADER = " date 2023-03-10 "
PATHOLOGICAL = {
    "said": "Officials " + "said " * 4000 + "3 people were killed in Kharkiv.",
    "spaces": ("x" + " " * 4000 + "y\n") * 5,
    "run_on": "officials said 12 were killed on March 3 and 40 wounded near Kharkiv, " * 600 + "officials said.",
    "numbers": " ".join(str(n) for n in range(4000)) + " killed.",
    "dates": " ".join(f"January {n % 28 + 1}," for n in range(3000)) + " the strike.",
    "lines": "a\n" * 6000 + "The strike killed 3.",
    "verbs": " ".join(f"official {n} said" for n in range(3000)) + " 5 were killed.",
}


def test_text_that_stalled_the_extractor_is_built_without_reaching_the_time_limit(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    for name, body in PATHOLOGICAL.items():
        (content / f"{name}.txt").write_text(HEADER + body + "\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)  # the project's registry and gazetteer
    timeline = build_timeline([content], tmp_path)
    stopped = [p for p in timeline.problems if f"took over {EXTRACTION_SECONDS:g} s" in p.message]
    assert stopped == []
    assert sorted(a.id for a in timeline.articles) == sorted(PATHOLOGICAL)
    claims = [c for event in timeline.events for c in event.claims]
    assert any(c.article == "run_on" and any(f.kind == "killed" for f in c.figures) for c in claims)  # read
