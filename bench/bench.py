"""`make bench`: import the corpus (or a sample), then time the build against bare mkdocs-material in the same run.

Prints each figure as it is measured, then the table of targets (every row, met or missed, a figure that
could not be measured shown as "unavailable" and counted missed) and, last, one machine-readable line:
`bench: articles=N build_ratio=X cold_build_ratio=X extract_per_s=X rebuild_s=X serve_reload_s=X peak_mb=X
max_page_kb=X site_kb_per_article=X search_first_kb=X site_mb=X bytes_per_article=X`. build_ratio is a full
build (every page rendered, the search index built anew) with the extraction cache an earlier build left,
as the GitHub workflows keep it; cold_build_ratio is the first build from an empty cache, which also
extracts every article; serve_reload_s is `timeline serve` on the same content, one article edited, until
its page shows the edit (bench/serve_reload.py); site sizes are the cold build's files, all of them.
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
    "serve_reload_s",
    "peak_mb",
    "max_page_kb",
    "site_kb_per_article",
    "search_first_kb",
    "site_mb",
    "bytes_per_article",
)
# (figure, what it is, target as text, whether a value meets it)
TARGETS = (
    ("cold_build_ratio", "cold full build / bare mkdocs-material", "<= 1.5", lambda v: v <= 1.5),
    ("build_ratio", "full build with the extraction cache / bare", "<= 1.0", lambda v: v <= 1.0),
    ("serve_reload_s", "timeline serve: edit one article -> its page changed (s)", "<= 5", lambda v: v <= 5),
    ("site_kb_per_article", "site KB per article", "<= 15", lambda v: v <= 15),
    ("site_mb", "site MB in all", "<= 150", lambda v: v <= 150),
    ("peak_mb", "peak memory of a full build (MB)", "<= 2048", lambda v: v <= 2048),
    ("extract_per_s", "extraction, articles/s on one core", ">= 50", lambda v: v >= 50),
    ("rebuild_s", "generator stages after one article is added (s)", "<= 2", lambda v: v <= 2),
    ("max_page_kb", "largest HTML page (KB)", "<= 150", lambda v: v <= 150),
    ("search_first_kb", "search KB fetched before the first result", "<= 1024", lambda v: v <= 1024),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="import about this many articles, spread over the files by size")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path, help="keep the imported articles, sites and logs here (default: a temp)")
    args = parser.parse_args(argv)
    say(linear_growth_line())  # extraction time against article length (bench/linear.py)
    files = sorted(p for p in args.corpus.glob("*.csv")) if args.corpus.is_dir() else []
    if not files:
        print(f"bench: no corpus at {args.corpus} (CSV files expected); nothing to measure")
        return 0
    os.chdir(ROOT)  # mkdocs.yml, content/ and theme/ are found from the project folder
    figures: dict[str, str] = dict.fromkeys(FIGURES, "unavailable")
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        work = args.work.resolve() if args.work else Path(tmp)
        into = work / "articles"
        count = import_sample(files, into, args.limit)
        articles, problems = read_articles([into])
        say(f"articles: {len(articles)} imported ({len(problems)} ingest problems)")
        figures.update(measure_build(work, into, articles))
        figures["serve_reload_s"] = measure_serve_reload(work, into)
        figures["extract_per_s"] = measure_extraction(articles)
        figures["rebuild_s"] = measure_rebuild(work, into)
    print_targets(figures)
    line = " ".join(f"{name}={figures[name]}" for name in FIGURES)
    print(f"bench: articles={count} {line}")
    return 0


def print_targets(figures: dict[str, str]) -> None:
    """Every row of the targets, met or missed; a figure not measured is 'unavailable', and missed."""
    say("| figure | measured | target | |\n| --- | --- | --- | --- |")
    for name, label, target, meets in TARGETS:
        value = figures.get(name, "unavailable")
        try:
            verdict = "met" if meets(float(value)) else "missed"
        except ValueError:
            verdict = "missed"
        say(f"| {label} | {value} | {target} | {verdict} |")


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


def run_child(command: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory in MB of a child and the processes it starts, together.

    A build runs worker processes beside itself, so the peak is the largest
    sum of their resident sizes, sampled from /proc every 0.1 s (os.wait4's
    figure, the largest single process, where /proc is missing).
    """
    started = time.perf_counter()
    with log.open("w") as out:
        environment = {**os.environ, **(env or {})}
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=environment)
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
        command = [sys.executable, "-m", "generator", "build", "--site-dir", str(site)]
        command += [arg for folder in content for arg in ("--content", folder)]
        # the cache folder is the plugin's cache_dir option, which mkdocs.yml reads from this variable (!ENV)
        code, seconds, peak_mb = run_child(command, work / f"{name}.log", {"TIMELINE_CACHE_DIR": str(work / "cache")})
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
    figures.update(site_size(site, len(articles)))
    if bare_code != 0:
        say(f"bare mkdocs-material build: failed with exit code {bare_code} (see its log)")
        return figures
    say(f"bare mkdocs-material build: {bare_seconds:.1f} s for the same page count, peak {bare_peak:.0f} MB")
    figures["build_ratio"] = f"{runs['cached'][0] / bare_seconds:.2f}"
    figures["cold_build_ratio"] = f"{runs['cold'][0] / bare_seconds:.2f}"
    return figures


def site_size(site: Path, articles: int) -> dict[str, str]:
    """Every file of the built site, search index and data files included: what a host stores."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    per_article = total / max(articles, 1)
    say(f"site: {total / MB:.1f} MB in all, {per_article / 1024:.1f} KB per article")
    return {
        "site_mb": f"{total / MB:.1f}",
        "bytes_per_article": f"{per_article:.0f}",
        "site_kb_per_article": f"{per_article / 1024:.1f}",
    }


def measure_serve_reload(work: Path, into: Path) -> str:
    """`timeline serve` on the content the builds used (their cache kept), one article edited (serve_reload.py)."""
    script = Path(__file__).resolve().parent / "serve_reload.py"
    command = [sys.executable, str(script), "--content", str(ROOT / "content"), "--content", str(into)]
    command += ["--cache", str(work / "cache"), "--log", str(work / "serve.log")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines = result.stdout.strip().splitlines()
    for line in lines[:-1]:
        say(line)
    last = lines[-1] if lines else ""
    if result.returncode != 0 or not last.startswith("serve_reload_s="):
        say(f"serve reload: unavailable (exit code {result.returncode}) {result.stderr.strip()[-300:]}")
        return "unavailable"
    return last.partition("=")[2]


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
        from generator.extract.places_file import load_gazetteer

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
