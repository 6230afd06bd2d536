"""The project's one slug function: text -> lowercase ASCII words joined by hyphens.

Article ids, event ids and page addresses (places, actors) all come from it,
so a place named in two spellings of accents still gets one address.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_words: int | None = None, max_chars: int | None = None) -> str:
    """'Kramatorsk’s station' -> 'kramatorsk-s-station'; accents dropped, other scripts give ''.

    With `max_chars`, a long slug is cut at the last whole word that fits.
    """
    # ASCII text is its own decomposition: most names and titles skip the Unicode work
    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = SLUG_WORD.findall(ascii_text.lower())[:max_words]
    slug = "-".join(words)
    if max_chars is not None and len(slug) > max_chars:
        slug = slug[:max_chars].rsplit("-", 1)[0]
    return slug
