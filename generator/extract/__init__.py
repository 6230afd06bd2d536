"""Extract: one `Article` -> its `Extraction`, stage by stage.

`sentences` (paragraphs, sentences, page furniture) -> `dates` -> `figures`
-> `claims` (who a clause credits) and `attribution` (the discourse state that
walks the article) -> `places` -> `article` (the main event and mentions).
Every stage takes the article's `Language` (`language.py`): its rule table
(`generator/rules/<language>.yml`) compiled once into each stage's patterns.
"""

from .article import extract_article

__all__ = ["extract_article"]
