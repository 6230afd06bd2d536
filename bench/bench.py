"""`make bench`: import the corpus (or a sample), then time the build against bare mkdocs-material in the same run.

Prints each figure as it is measured and, last, one machine-readable line:
`bench: articles=N build_ratio=X cold_build_ratio=X extract_per_s=X rebuild_s=X peak_mb=X max_page_kb=X
search_first_kb=X`. build_ratio is a full build (every page rendered, the search index built
anew) with the extraction cache an earlier build left, as the GitHub workflows keep it;
cold_build_ratio is the first build from an empty cache, which also extracts every article.
A figure whose part of the generator cannot be imported is printed as "unavailable".
"""

from __future__ import annotations

import argparse
import inspect
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bare_site import write_bare_site
from linear import linear_growth_line
from site_figures import largest_page_kb, search_first_kb, search_first_kb_in_browser

from generator.importer import KnownArticles, import_file
from generator.ingest import read_articles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-media"
FIGURES = (
    "build_ratio",
    "cold_build_ratio",
    "extract_per_s",
    "rebuild_s",
    "peak_mb",
    "max_page_kb",
    "search_first_kb",
)
# The timeline build in a child process, with its extraction cache in the folder given (fresh: a cold build).
TIMELINE_BUILD = """
import sys
from pathlib import Path
from generator import plugin
try:
    plugin.TimelineConfig.cache_dir.default = sys.argv[1]
except AttributeError:
    print("bench: the plugin has no cache_dir option; the build may reuse a cache", file=sys.stderr)
from generator.site import build_site
sys.exit(build_site([Path(p) for p in sys.argv[3:]], Path(sys.argv[2]), Path("mkdocs.yml")))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="import about this many articles, spread over the files by size")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    say(linear_growth_line())  # extraction time against article length (bench/linear.py)
    files = sorted(p for p in args.corpus.glob("*.csv")) if args.corpus.is_dir() else []
    if not files:
        print(f"bench: no corpus at {args.corpus} (CSV files expected); nothing to measure")
        return 0
    os.chdir(ROOT)  # mkdocs.yml, content/ and theme/ are found from the project folder
    figures: dict[str, str] = dict.fromkeys(FIGURES, "unavailable")
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        work = Path(tmp)
        into = work / "articles"
        count = import_sample(files, into, args.limit)
        articles, problems = read_articles([into])
        say(f"articles: {len(articles)} imported ({len(problems)} ingest problems)")
        figures.update(measure_build(work, into, articles))
        figures["extract_per_s"] = measure_extraction(articles)
        figures["rebuild_s"] = measure_rebuild(work, into)
    line = " ".join(f"{name}={figures[name]}" for name in FIGURES)
    print(f"bench: articles={count} {line}")
    return 0


def say(message: str) -> None:
    print(message, flush=True)


def import_sample(files: list[Path], into: Path, limit: int | None) -> int:
    """The whole corpus, or `limit` articles taken from every file in proportion to its size."""
    started = time.perf_counter()
    sizes = {path: path.stat().st_size for path in files}
    total = sum(sizes.values())
    known = KnownArticles()
    written = rows = 0
    for path in files:
        share = None if limit is None else max(1, math.ceil(limit * sizes[path] / total))
        if limit is not None:
            share = min(share, limit - written)
            if share <= 0:
                break
        result = import_file(path, into, limit=share, known=known)
        written += len(result.written)
        rows += result.rows
    say(f"import: {rows} rows -> {written} articles in {time.perf_counter() - started:.1f} s")
    return written


def run_child(command: list[str], log: Path) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory in MB of a child and the processes it starts, together.

    A build runs worker processes beside itself, so the peak is the largest
    sum of their resident sizes, sampled from /proc every 0.1 s (os.wait4's
    figure, the largest single process, where /proc is missing).
    """
    started = time.perf_counter()
    with log.open("w") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        peak = [0]
        sampler = threading.Thread(target=_sample_tree_rss, args=(child, peak), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
    return child.returncode, time.perf_counter() - started, max(peak[0] / MB, usage.ru_maxrss / 1024)


MB = 1024 * 1024


def _sample_tree_rss(child: subprocess.Popen, peak: list[int]) -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    while child.returncode is None and Path("/proc").is_dir():
        parents: dict[int, int] = {}
        sizes: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                statm = (entry / "statm").read_text().split()
            except OSError:
                continue
            pid = int(entry.name)
            parents[pid] = int(stat[stat.rindex(")") + 2 :].split()[1])
            sizes[pid] = int(statm[1]) * page
        tree, grew = {child.pid}, True
        while grew:
            grew = False
            for pid, parent in parents.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        peak[0] = max(peak[0], sum(sizes.get(pid, 0) for pid in tree))
        time.sleep(0.1)


def measure_build(work: Path, into: Path, articles: list) -> dict[str, str]:
    """(a) full builds (cold, then cached) vs a bare build of the same page count, (d) peak memory, (e) sizes."""
    try:
        import generator.site  # noqa: F401  (only to know whether the site can be built yet)
    except ImportError as err:
        say(f"build: unavailable ({err})")
        return {}
    content = [str(ROOT / "content"), str(into)]
    runs = {}
    for name in ("cold", "cached"):  # the same cache folder: the second build finds the first one's extractions
        site = work / f"site-{name}"
        code, seconds, peak_mb = run_child(
            [sys.executable, "-c", TIMELINE_BUILD, str(work / "cache"), str(site), *content], work / f"{name}.log"
        )
        if code != 0:
            tail = (work / f"{name}.log").read_text(errors="replace").strip().splitlines()[-5:]
            say(f"build ({name}): failed with exit code {code}; last lines of its log:\n  " + "\n  ".join(tail))
            return {}
        pages = sum(1 for p in site.rglob("*.html") if p.name != "404.html")
        say(f"build ({name}): {seconds:.1f} s for {pages} pages, peak {peak_mb:.0f} MB")
        runs[name] = (seconds, peak_mb, site, pages)
    site, pages = runs["cold"][2], runs["cold"][3]
    bare_config = write_bare_site(work / "bare", articles, pages)
    bare_site = work / "bare-site"
    bare_code, bare_seconds, bare_peak = run_child(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config), "-d", str(bare_site)],
        work / "bare.log",
    )
    figures = {"peak_mb": f"{max(run[1] for run in runs.values()):.0f}"}
    figures["max_page_kb"], figures["search_first_kb"] = _page_and_search(site)
    if bare_code != 0:
        say(f"bare mkdocs-material build: failed with exit code {bare_code} (see its log)")
        return figures
    say(f"bare mkdocs-material build: {bare_seconds:.1f} s for the same page count, peak {bare_peak:.0f} MB")
    figures["build_ratio"] = f"{runs['cached'][0] / bare_seconds:.2f}"
    figures["cold_build_ratio"] = f"{runs['cold'][0] / bare_seconds:.2f}"
    return figures


def _page_and_search(site: Path) -> tuple[str, str]:
    page_name, page_kb = largest_page_kb(site)
    search_kind, search_kb = search_first_kb(site)
    say(f"largest page: {page_kb:.0f} KB ({page_name})")
    say(f"search: at most {search_kb:.0f} KB fetched before the first result ({search_kind})")
    measured = search_first_kb_in_browser(site) if search_kind.startswith("pagefind") else None
    if measured is not None:
        say(f"search: {measured:.0f} KB fetched by Chromium before the first result for a word in most articles")
        search_kb = measured
    return f"{page_kb:.0f}", f"{search_kb:.0f}" if search_kind != "none" else "unavailable"


def measure_extraction(articles: list) -> str:
    """(b) extraction throughput on one core: this process, one article after another."""
    try:
        from generator.actors import load_registry
        from generator.extract import extract_article
    except ImportError as err:
        say(f"extract: unavailable ({err})")
        return "unavailable"
    registry = load_registry([ROOT / "content"])[0]
    extra = ()
    if "gazetteer" in inspect.signature(extract_article).parameters:
        from generator.extract.places import load_gazetteer

        extra = (load_gazetteer([ROOT / "content"]),)
    started = time.process_time()
    for article in articles:
        extract_article(article, registry, *extra)
    seconds = max(time.process_time() - started, 1e-6)
    rate = len(articles) / seconds
    say(f"extract: {len(articles)} articles in {seconds:.1f} s of CPU = {rate:.0f} articles/s on one core")
    return f"{rate:.0f}"


def measure_rebuild(work: Path, into: Path) -> str:
    """(c) generator stages only: build the timeline, add one article, build again and time that second build."""
    try:
        from generator.pipeline import build_timeline
    except ImportError as err:
        say(f"rebuild: unavailable ({err})")
        return "unavailable"
    content = [ROOT / "content", into]
    options = {"cache_dir": work / "rebuild-cache"}
    if "cache_dir" not in inspect.signature(build_timeline).parameters:
        options = {}
    started = time.perf_counter()
    build_timeline(content, ROOT, **options)
    first = time.perf_counter() - started
    (into / "9999-bench-added-article.md").write_text(
        "---\ntitle: Added by the benchmark\ndate: 2022-11-20\noutlet: Bench\n---\n\n"
        "Russian strikes hit Kharkiv overnight, killing 3 people, the regional governor said on Sunday.\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    timeline = build_timeline(content, ROOT, **options)
    second = time.perf_counter() - started
    say(f"rebuild: first {first:.1f} s, after adding one article {second:.2f} s ({len(timeline.articles)} articles)")
    return f"{second:.2f}"


if __name__ == "__main__":
    sys.exit(main())
