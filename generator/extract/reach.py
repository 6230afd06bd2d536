"""How far a cue looks from the word it reads: a bounded window, so a long sentence costs linear time.

A cue such as "killed at least" before a number, or "said the governor" after a verb, is a few words
long. Reading it from a window of CUE_REACH characters instead of the whole rest of the sentence keeps
each number's and each verb's work constant: a sentence of thousands of numbers or verbs is then read in
time that grows with its length, not with its length squared. Runs of spaces are cut at ingest, so the
window always holds the few words a cue needs.
"""

from __future__ import annotations

CUE_REACH = 400  # characters


def text_before(text: str, position: int, reach: int = CUE_REACH) -> str:
    """The last `reach` characters of the text before the position."""
    return text[max(0, position - reach) : position]


def text_after(text: str, position: int, reach: int = CUE_REACH) -> str:
    """The first `reach` characters of the text from the position."""
    return text[position : position + reach]
