"""Pages of articles the site may not republish: metadata, a short excerpt, and each claim quoted in context.

Takes an `Article` whose text is not ours to publish (see `Article.republishable`) and gives one page
that quotes what the comparison needs (each claim's sentence and one sentence beside it, an excerpt of
at most 300 characters) and sends the reader to the original, to the quoted sentence itself through a
text fragment (`#:~:text=`), as Wikipedia's citations and Ground News do.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote

from ..model import Article, Claim
from .format import escape
from .pages import Page, SiteIndex, page
from .search import SearchFacts

EXCERPT_CHARS = 300
FRAGMENT_WORDS = 6  # a long sentence is found by its first and last words (textStart,textEnd)


def quoting_page(index: SiteIndex, article: Article, meta_table: str, facts: SearchFacts) -> Page:
    original = article.url if article.url and article.url.startswith(("http://", "https://")) else None
    where = f'<a href="{escape(original)}" rel="nofollow noopener">{escape(article.outlet or "the original")}</a>'
    note = "This site quotes this article and does not republish it: " + (
        f"read it in full at {where}." if original else "its full text is not published here."
    )
    body = [
        f"<h1>{escape(article.title)}</h1>",
        meta_table,
        f'<p class="tl-quoted-note">{note}</p>',
        f'<h2 id="excerpt">Excerpt</h2>\n<blockquote class="tl-excerpt"><p>{escape(excerpt(article.body))}</p>'
        "</blockquote>",
        _quoted_claims(index.claims_of_article.get(article.id, []), original),
    ]
    return page(f"articles/{article.id}.md", article.title, body, facts, index.spellings)


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The article's opening, at most `limit` characters: whole sentences when they fit, else cut at a word."""
    flat = " ".join(body.split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit - 1]
    sentence_end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if sentence_end >= limit // 3:
        return head[: sentence_end + 1]
    return head[: head.rfind(" ")].rstrip(" ,;:") + "…" if " " in head else head + "…"


def text_fragment_link(url: str, sentence: str) -> str:
    """The original's address with a text fragment that scrolls to and highlights the sentence.

    Per the Text Fragments spec each term is percent-encoded, and '-', ',' and '&' always (they separate the
    directive's parts); a long sentence is given by its first and last words, which survive small edits."""
    words = sentence.split()
    if len(words) > 2 * FRAGMENT_WORDS:
        terms = [" ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])]
    else:
        terms = [" ".join(words)]
    encoded = ",".join(quote(term, safe="").replace("-", "%2D") for term in terms)
    return f"{url.split('#', 1)[0]}#:~:text={encoded}"


def _quoted_claims(claims: list[Claim], original: str | None) -> str:
    if not claims:
        return ""
    by_span: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c.span[0]):
        by_span[claim.span].append(claim)
    items = []
    for same in by_span.values():
        first, *others = same
        anchors = "".join(f'<span id="{escape(c.id)}" class="tl-anchor"></span>' for c in others)
        who = escape(", ".join(dict.fromkeys(c.claimant or "the outlet" for c in same)))
        link = (
            f' · <a href="{escape(text_fragment_link(original, first.quote))}" rel="nofollow noopener">'
            "in the original</a>"
            if original
            else ""
        )
        context = f'<p class="tl-context">Context: {escape(first.context)}</p>' if first.context else ""
        items.append(
            f'<li id="{escape(first.id)}">{anchors}<blockquote><p><mark class="tl-claim">{escape(first.quote)}</mark>'
            f"</p><footer>— claim by {who}{link}</footer></blockquote>{context}</li>"
        )
    return f'<h2 id="claims">Figures quoted from this article</h2>\n<ol class="tl-quotes">{"".join(items)}</ol>'
