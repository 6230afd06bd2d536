"""`timeline check`: content folders -> every problem at once, as `path:line: message (fix: ...)`.

Errors are what a build would refuse (unreadable articles, a broken actors
registry or `events.yml`); warnings are what a reviewer should look at (an
unknown claimant, a date far from publication, an article that joins no
event, a probable duplicate). The warnings that need the extraction come
from a built timeline; when the pipeline cannot be imported, `check` says
so and still reports everything else.
"""

from __future__ import annotations

import re
import subprocess
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from .cache import CACHE_DIR
from .events.overrides import read_overrides
from .ingest import ARTICLE_SUFFIXES, read_articles
from .model import Article, Problem, Timeline
from .validate import PLACEHOLDER, front_matter_line, line_of_text

DAYS_AFTER_PUBLICATION = 1  # an event dated later than this after publication is suspicious
DAYS_BEFORE_PUBLICATION = 60  # a main event older than this is usually a misread date
NEAR_DUPLICATE = 0.8  # share of 5-word shingles two texts have in common
SHINGLE_WORDS = 5
SKETCH_SIZE = 8  # smallest shingle hashes kept per article to find candidate pairs
BOILERPLATE_BUCKET = 50  # a shingle shared by more articles than this is boilerplate, not evidence


@dataclass(frozen=True)
class CheckReport:
    """What `check` found: problems to print, notes on what it could not check, and counts."""

    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    articles: int
    pipeline_failed: bool = False

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def run_check(content_dirs: list[Path], strict: bool) -> int:
    """Print every problem and a summary; 1 on any error (or any warning when strict)."""
    report = check_content(content_dirs)
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line, p.severity, p.message)):
        print(_one_line(problem))
    for note in report.notes:
        print(f"note: {note}")
    failed = report.errors > 0 or report.pipeline_failed or (strict and report.warnings > 0)
    verdict = "failed" if failed else "passed"
    strict_note = " (--strict: warnings fail too)" if strict and report.warnings else ""
    print(
        f"check {verdict}: {report.errors} error(s), {report.warnings} warning(s) "
        f"in {report.articles} article(s) under {', '.join(str(d) for d in content_dirs)}{strict_note}"
    )
    return 1 if failed else 0


def _one_line(problem: Problem) -> Problem:
    """One problem per line, so editors and CI logs can jump to each `path:line`."""
    return replace(problem, message=" ".join(problem.message.split()), fix=" ".join(problem.fix.split()))


def check_content(content_dirs: list[Path]) -> CheckReport:
    """Every check in order: folders, articles, actors, overrides, then the built timeline."""
    problems = _missing_folders(content_dirs)
    folders = [d for d in content_dirs if d.exists()]
    articles, found = read_articles(folders)
    problems += found + _stray_files(folders)
    problems += [p for article in articles for p in _article_problems(article)]
    problems += _duplicate_warnings(articles)
    registry, found, notes = _registry(folders)
    problems += found
    problems += _override_problems(folders, {a.id for a in articles})
    problems += tracked_cache_problems(Path.cwd())
    timeline, note, failed = _build(folders)
    if timeline is None:
        notes.append(note)
    else:
        known = set(problems)  # the build's own problems: an article the extractor failed on or stopped
        problems += [p for p in timeline.problems if p not in known]
        by_id = {a.id: a for a in articles}
        problems += _claimant_warnings(timeline, registry, by_id)
        problems += _date_warnings(timeline, by_id)
        problems += _lonely_article_warnings(timeline, by_id)
    return CheckReport(tuple(problems), tuple(notes), len(articles), failed)


def _missing_folders(content_dirs: list[Path]) -> list[Problem]:
    return [
        Problem(str(d), 1, "content folder does not exist", "pass an existing folder with --content DIR")
        for d in content_dirs
        if not d.exists()
    ]


def _stray_files(content_dirs: list[Path]) -> list[Problem]:
    """Files in an articles folder that ingest skips: a contributor would think they were added."""
    problems = []
    for folder in content_dirs:
        base = folder / "articles" if (folder / "articles").is_dir() else folder
        if folder.is_file() or base == folder:
            continue  # a folder without articles/ also holds registries and notes
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix not in ARTICLE_SUFFIXES and not path.name.startswith("."):
                problems.append(
                    Problem(
                        str(path),
                        1,
                        f"'{path.suffix or path.name}' files are not read as articles",
                        "rename it to .md (front matter) or .txt (seed format)",
                        "warning",
                    )
                )
    return problems


def _article_problems(article: Article) -> list[Problem]:
    """Warnings only: the errors (id, url, language, placeholder) come with the articles from ingest, which
    the build runs too, so nothing check refuses is published."""
    problems = []
    if article.date > date.today() + timedelta(days=1):
        problems.append(
            Problem(
                article.path,
                front_matter_line(article.path, "date"),
                f"publication date {article.date} is in the future",
                "write the date the article was published, YYYY-MM-DD",
                "warning",
            )
        )
    return problems


def tracked_cache_problems(project: Path) -> list[Problem]:
    """A cache folder in git would let a pull request hand the build its results: refuse it."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", str(CACHE_DIR)], cwd=project, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return []  # no git here: nothing can be tracked
    tracked = [name for name in listed.stdout.decode("utf-8", "replace").split("\0") if name]
    if listed.returncode != 0 or not tracked:
        return []
    return [
        Problem(
            tracked[0],
            1,
            f"the build cache is committed ({len(tracked)} file(s) under {CACHE_DIR}/ are tracked by git); "
            "a build must make its own cache",
            f"git rm -r --cached {CACHE_DIR} (the folder is in .gitignore)",
        )
    ]


def _registry(folders: list[Path]) -> tuple[object | None, list[Problem], list[str]]:
    try:
        from .actors import load_registry
    except ImportError as err:
        return None, [], [f"actors registry not checked: its loader cannot be imported ({err})"]
    registry, problems = load_registry(folders)
    return registry, list(problems), []


def _override_problems(folders: list[Path], article_ids: set[str]) -> list[Problem]:
    overrides, problems, lines = read_overrides(folders)
    for index, override in enumerate(overrides):
        for article in override.articles:
            if article not in article_ids:
                problems.append(
                    Problem(
                        override.path,
                        lines.get((index, article), override.line),
                        f"override names article '{article}', which does not exist",
                        "use an article's file name without extension (see content/articles/)",
                    )
                )
    return problems


def _build(folders: list[Path]) -> tuple[Timeline | None, str, bool]:
    """The timeline for the warnings; (None, why, failed) when it cannot be built."""
    try:
        from .pipeline import build_timeline
    except ImportError as err:
        return None, f"extraction warnings skipped: the pipeline cannot be imported ({err})", False
    try:
        return build_timeline(folders), "", False
    # The pipeline is another stage's code: a bug there must not hide the content problems found above.
    except Exception as err:  # noqa: BLE001
        return None, f"the timeline could not be built ({type(err).__name__}: {err}); this is a bug, report it", True


def _claimant_warnings(timeline: Timeline, registry, by_id: dict[str, Article]) -> list[Problem]:
    if registry is None:
        return []
    seen, problems = set(), []
    for event in timeline.events:
        for claim in event.claims:
            key = (claim.article, claim.claimant)
            if not claim.claimant or key in seen or registry.is_known(claim.claimant) or claim.article not in by_id:
                continue
            seen.add(key)
            path = by_id[claim.article].path
            problems.append(
                Problem(
                    path,
                    line_of_text(path, claim.quote),
                    f"claimant '{claim.claimant}' is not in the actors registry, so the site counts it as "
                    f"'{claim.party}'",
                    "add it as an alias of an actor in content/actors.yml, or leave it if it speaks for no party",
                    "warning",
                )
            )
    return problems


def _date_warnings(timeline: Timeline, by_id: dict[str, Article]) -> list[Problem]:
    events = {e.id: e for e in timeline.events}
    problems = []
    for article_id, event_id in sorted(timeline.article_event.items()):
        article, event = by_id.get(article_id), events.get(event_id)
        if article is None or event is None:
            continue
        given = [d for d, ids in event.date_reported.items() if article_id in ids] or [event.date]
        for value in sorted(given):
            first, last = _date_range(value)
            if first is None:
                continue
            if first > article.date + timedelta(days=DAYS_AFTER_PUBLICATION):
                gap = f"{(first - article.date).days} days after"
            elif last < article.date - timedelta(days=DAYS_BEFORE_PUBLICATION):
                gap = f"{(article.date - last).days} days before"
            else:
                continue
            problems.append(
                Problem(
                    article.path,
                    front_matter_line(article.path, "date"),
                    f"its event is dated {value}, {gap} the publication date {article.date}",
                    "check the publication date and the dates in the text; if both are right, set the event's "
                    "'date:' in content/events.yml",
                    "warning",
                )
            )
    return problems


def _lonely_article_warnings(timeline: Timeline, by_id: dict[str, Article]) -> list[Problem]:
    """A note for an article that reports no happening of its own; a warning for one that joins nothing else."""
    placed = set(timeline.article_event) | {a for e in timeline.events for a in e.articles}
    problems = [
        Problem(
            article.path,
            1,
            f"the article reports no happening of its own ({timeline.no_event[article_id]}), so it joins no "
            "event; it keeps its page and is found by search",
            "none needed; if it does report one, list it in content/events.yml to give it its event",
            "note",
        )
        for article_id, article in sorted(by_id.items())
        if article_id in timeline.no_event
    ]
    problems += [
        Problem(
            article.path,
            1,
            "the article joins no event, so the timeline does not show it",
            "say in the text when it happened ('on Monday', 'on 31 December'), or list it in content/events.yml",
            "warning",
        )
        for article_id, article in sorted(by_id.items())
        if article_id not in placed and article_id not in timeline.no_event
    ]
    return problems


def _duplicate_warnings(articles: list[Article]) -> list[Problem]:
    """Same or near-same text: candidate pairs share a sketch hash, then the full overlap decides."""
    shingles = {a.id: _shingles(a.body) for a in articles if PLACEHOLDER not in a.body}
    buckets: dict[int, list[str]] = defaultdict(list)
    for article_id, found in shingles.items():
        for value in sorted(found)[:SKETCH_SIZE]:
            buckets[value].append(article_id)
    pairs = {
        (a, b)
        for ids in buckets.values()
        if 1 < len(ids) <= BOILERPLATE_BUCKET
        for i, a in enumerate(sorted(ids))
        for b in sorted(ids)[i + 1 :]
    }
    by_id = {a.id: a for a in articles}
    problems, reported = [], set()
    for first, second in sorted(pairs):
        union = shingles[first] | shingles[second]
        overlap = len(shingles[first] & shingles[second]) / max(1, len(union))
        if overlap < NEAR_DUPLICATE or second in reported:
            continue
        reported.add(second)
        same = "the same text as" if overlap == 1 else f"{overlap:.0%} the same text as"
        problems.append(
            Problem(
                by_id[second].path,
                1,
                f"probably a duplicate: {same} {by_id[first].path}",
                "delete one of the two files; if they are different articles, ignore this warning",
                "warning",
            )
        )
    return problems


def _shingles(body: str) -> set[int]:
    words = re.findall(r"\w+", body.lower())
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _date_range(value: str) -> tuple[date | None, date | None]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except (ValueError, TypeError):
        return None, None
