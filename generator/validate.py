"""Validation every article passes, in `timeline check` and in the build alike: one function, one verdict.

Takes an article file (or the `Article` read from it) and gives `Problem`s. An article with an error is
never extracted nor published: its id lands in page addresses and attributes, its url in links, its
language picks a rule table, so each is held to a fixed alphabet or list before anything uses it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Article, Problem

PLACEHOLDER = "Paste the article's text here, replacing this paragraph."
ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,149}$")
URL = re.compile(r'^https?://[^\s/?#"<>\\]+[^\s"<>\\]*$')
# ISO 639-1 codes; a region may follow (en-GB). Anything else is refused, never used as a name or a path.
ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu"
)
LANGUAGES = frozenset(ISO_639_1.split())
REGION = re.compile(r"^[A-Za-z]{2}$")
# an SPDX-style licence name (CC-BY-4.0, CC0-1.0) or a short phrase ("public domain"): shown on the page as text
LICENSE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,+()/-]{0,79}$")


def file_problem(path: Path, shown: str) -> Problem | None:
    """A file ingest must not read: a link to somewhere else, or a name that cannot be a page address."""
    if path.is_symlink():
        return Problem(
            shown,
            1,
            "is a symbolic link: articles are read only from regular files inside the content folders",
            "copy the article's file into the folder instead of linking to it",
        )
    if not ARTICLE_ID.match(path.stem):
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-._")[:150] or "article"
        return Problem(
            shown,
            1,
            f"the file name '{path.stem}' (the article's id, used in page addresses) has characters outside "
            "A-Z, a-z, 0-9, '-', '_' and '.'",
            f"rename the file to {safe}{path.suffix}: letters, digits, '-', '_' and '.', starting with a letter "
            "or digit",
        )
    return None


def publish_terms_problems(shown: str, meta: dict, line_of) -> list[Problem]:
    """The front matter keys that say whether the full text may be published: `republish` is true or false,
    `license` names the terms the text is under. `line_of(key)` places a problem on its key's line."""
    problems = []
    if "republish" in meta and type(meta["republish"]) is not bool:
        problems.append(
            Problem(
                shown,
                line_of("republish"),
                f"republish '{meta['republish']}' is not true or false",
                "write 'republish: true' when the site may publish the full text, else leave the key out",
            )
        )
    licence = meta.get("license")
    if "license" in meta and not (isinstance(licence, str) and LICENSE.match(licence.strip())):
        problems.append(
            Problem(
                shown,
                line_of("license"),
                f"license '{licence}' is not the name of a licence",
                "write the licence's short name, such as CC-BY-4.0 or CC0-1.0 (letters, digits, ' .,+()/-')",
            )
        )
    return problems


def article_problems(article: Article) -> list[Problem]:
    """What an article read fine but would publish wrongly: a link that is not a web address, an unknown
    language, the placeholder text of `timeline new`."""
    problems = []
    if article.url is not None and not URL.match(article.url):
        problems.append(
            Problem(
                article.path,
                front_matter_line(article.path, "url"),
                f"url '{article.url}' is not a web address: only http:// and https:// links are published",
                "write the full address, starting with https:// (or http://)",
            )
        )
    if not is_language_code(article.language):
        problems.append(
            Problem(
                article.path,
                front_matter_line(article.path, "language"),
                f"language '{article.language}' is not a language code",
                "write one two-letter ISO 639-1 code, such as en, uk, ru or es (a region may follow: en-GB)",
            )
        )
    if PLACEHOLDER in article.body:
        problems.append(
            Problem(
                article.path,
                line_of_text(article.path, PLACEHOLDER),
                "the article still has the placeholder text from 'timeline new'",
                "replace that paragraph with the article's text",
            )
        )
    return problems


def is_language_code(value: str) -> bool:
    code, dash, region = value.partition("-")
    return code in LANGUAGES and (not dash or bool(REGION.match(region)))


def _file_text(path: str) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    except OSError:
        return ""


def line_of_text(path: str, text: str) -> int:
    """The line where a piece of the article's text starts in its file (1 when not found)."""
    raw = _file_text(path)
    at = raw.find(text[:80]) if text else -1
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def front_matter_line(path: str, key: str) -> int:
    """The line of a front matter key (1 when the file has none): read only when there is a problem to place."""
    lines = _file_text(path).split("\n")
    if not lines or lines[0].strip() != "---":
        return 1
    for number, line in enumerate(lines[1:], 2):
        if line.strip() in ("---", "..."):
            break
        if line.split(":", 1)[0].strip() == key:
            return number
    return 1
