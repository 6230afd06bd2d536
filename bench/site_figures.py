"""What a reader downloads from a built site: the largest HTML page, and the bytes fetched before a first search hit."""

from __future__ import annotations

from pathlib import Path

KB = 1024


def largest_page_kb(site: Path) -> tuple[str, float]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    if not pages:
        return "no pages", 0.0
    size, path = max(pages)
    return str(path.relative_to(site)), size / KB


def search_first_kb(site: Path) -> tuple[str, float]:
    """Material's search loads its whole index; Pagefind loads its entry files, wasm, meta and one index chunk."""
    pagefind = next((p.parent for p in site.rglob("pagefind-entry.json")), None)
    if pagefind is not None:
        entry = [pagefind / "pagefind-entry.json", pagefind / "pagefind.js"]
        entry += list(pagefind.glob("wasm.*.pagefind"))
        meta = sorted(pagefind.glob("pf_meta/*"))[:1]
        chunks = sorted((p.stat().st_size for p in pagefind.glob("index/*")), reverse=True)[:1]
        fragments = sorted((p.stat().st_size for p in pagefind.glob("fragment/*")), reverse=True)[:1]
        size = sum(p.stat().st_size for p in entry + meta if p.is_file()) + sum(chunks) + sum(fragments)
        return "pagefind: entry, wasm, meta, largest index chunk and fragment", size / KB
    index = site / "search" / "search_index.json"
    if index.is_file():
        return "material search_index.json, downloaded whole", index.stat().st_size / KB
    return "none", 0.0
