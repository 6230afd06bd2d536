"""`timeline new --claims`: one article file -> the claims the extractor reads in it, as plain text.

A maintainer sees each figure with its claim id, claimant, party and sentence,
and the happenings the article dates, so a wrong reading can be fixed in
`content/corrections.yml` at once; the listing ends with an entry to copy.
"""

from __future__ import annotations

import json
from pathlib import Path

from .events.corrections import figure_words
from .extract import extract_article
from .ingest import read_article
from .model import Extraction
from .tables import load_tables
from .validate import article_problems

QUOTE_CHARS = 200


def print_claims(path: Path, content_dirs: list[Path]) -> int:
    """Print what the extractor reads in the file; 1 with the problems when it cannot be read."""
    article, problems = read_article(path)
    problems += article_problems(article) if article else []
    errors = [p for p in problems if p.severity == "error"]
    if article is None or errors:
        for problem in errors:
            print(problem)
        return 1
    tables = load_tables([d for d in content_dirs if d.is_dir()])
    print(claims_listing(extract_article(article, tables.registry, tables.gazetteer)), end="")
    return 0


def claims_listing(extraction: Extraction) -> str:
    """The article's happening, its dated mentions, and every figure with its claim id and sentence."""
    article = extraction.article
    main = extraction.main
    lines = [f"article {article.id}: {article.title}"]
    lines.append(f"  its happening: {main.date} {main.place or ''}".rstrip() if main else "  its happening: none found")
    for mention in extraction.mentions:
        lines.append(f"  mentions: {mention.date} {mention.title}")
    if not extraction.claims:
        lines.append("  no figures read")
    for claim, event in zip(extraction.claims, extraction.claim_events, strict=True):
        who = f"{claim.claimant or 'the outlet'} ({claim.party})"
        where = "its happening" if event < 0 else f"mention {event + 1}"
        figures = ", ".join(f"{figure_words(f)} [{f.qualifier}]" for f in claim.figures)
        quote = " ".join(claim.quote.split())
        quote = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
        lines += [f"  {claim.id}: {figures} · {who} · for {where}", f"    “{quote}”"]
    example = extraction.claims[0] if extraction.claims else None
    if example:
        words = " ".join(example.quote.split()[:8])
        lines += [
            "to correct a figure, add to content/corrections.yml (see CONTRIBUTING.md):",
            "  corrections:",
            f"    - article: {article.id}",
            f"      quote: {json.dumps(words, ensure_ascii=False)}",
            f"      figure: {figure_words(example.figures[0])}",
            f"      set: {{party: {example.party}}}   # or drop: true, checked: true, event: <id>",
        ]
    return "\n".join(lines) + "\n"
