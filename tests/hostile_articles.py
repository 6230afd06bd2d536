"""A generator of hostile article files, for the fuzz tests: random and mutated, as bytes.

Two faces over the same pieces: `article_file()`, a Hypothesis strategy (shrinks a failure to a small
file), and `random_article(rng)`, a seeded draw for one large batch (`test_fuzz.py`). The pieces are
what broke builds before: odd Unicode, NUL, invalid UTF-8, huge lines and bodies, deep Markdown, front
matter with lists, nulls, tags, anchors and alias bombs, dates at the ends of the calendar, `---` in
the body, numbers like 10^30.
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

# Written for these tests: the shapes of news copy (a source, a figure, a place, a date).
SENTENCES = [
    "Russia's Defence Ministry said 63 soldiers were killed in Makiivka on January 1.",
    "Ukraine's military said about 400 were killed and 300 wounded.",
    "On Tuesday, officials said at least 12 people died in Kharkiv.",
    "The governor said 25 rockets were fired at Zaporizhzhia overnight, a week ago.",
    "El ministerio dijo que 10 personas murieron en Jersón el 3 de marzo de 2022.",
    "Two days earlier, the village of Hroza was hit.",
]
ODD = ["\u202e", "\u200b", "\ufeff", "e\u0301", "😀", "\U0001f1fa\U0001f1e6", "\u0000", "\ud800", "\x85", "\u2028"]
HUGE = ["said " * 3000, " " * 5000, "9" * 400, "1" * 31 + " killed", "[" * 2000, "> " * 500 + "x", "#" * 300]
BODY_BREAKS = ["\n\n", "---", "\n---\n", "10^30 killed", "1" + "0" * 30 + " killed"]
FRONT = [
    "title: [a, b]",
    "title: null",
    "outlet: {a: 1}",
    "url: 12",
    "language: [en]",
    "date: 0001-01-01",
    "date: 9999-12-31",
    "date: 2023-02-30",
    "date: [2023-01-02]",
    "title: &a x\noutlet: *a",
    "title: !!python/object/apply:os.system [echo hi]",
    "title: '---'",
    "extra: 1",
]
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]"
DAYS = ["2023-01-02", "2022-02-24", "1800-01-01", "2100-12-31", "2023-1-2", "0001-01-01", "9999-12-31", "0000-00-00"]
# a run of one piece, up to some 20 KB: huge lines, deep Markdown, long sentences of numbers, verbs or dates
# (runs this long were quadratic before; longer would only test the machine's speed against the time limit)
RUN_MAX = 2000
RUN_PIECES = ["said ", " ", "9", "[", "> ", "#", "- ", "a\n", "  - x\n", "January 1, ", "12 killed, ", "Kyiv ", "\t"]


@st.composite
def _front_matter(draw) -> str:
    lines = [f"date: {draw(st.sampled_from(DAYS))}"] if draw(st.booleans()) or draw(st.booleans()) else []
    lines += draw(st.lists(st.sampled_from([*FRONT, ALIAS_BOMB, "title: 1e30", "title: " + "9" * 31]), max_size=3))
    if draw(st.booleans()):
        key = draw(st.sampled_from(["title", "outlet", "url", "language", "date"]))
        lines.append(f"{key}: {draw(st.text(max_size=30))!r}")
    return "\n".join(lines)


def _body_piece() -> st.SearchStrategy[str]:
    run = st.builds(lambda piece, n: piece * n, st.sampled_from(RUN_PIECES), st.integers(1, RUN_MAX))
    return st.one_of(
        st.sampled_from(SENTENCES),
        st.sampled_from(ODD + BODY_BREAKS),
        st.sampled_from(HUGE),
        run,
        st.text(st.characters(codec="utf-8"), max_size=40),
        st.text(max_size=20),  # any code point but surrogates (those come from ODD)
    )


@st.composite
def article_file(draw) -> tuple[str, bytes]:
    """A file's suffix and bytes: mostly well-formed, with odd text, front matter and bytes mixed in."""
    body = " ".join(draw(st.lists(_body_piece(), max_size=8)))
    if draw(st.booleans()):
        text = f" date {draw(st.sampled_from(DAYS))} {body}\n"
    else:
        closed = draw(st.sampled_from(["\n---\n\n", "\n---\n", "\n"]))
        text = "---\n" + draw(_front_matter()) + closed + body + "\n"
    data = text.encode("utf-8", "surrogatepass")
    mutation = draw(st.sampled_from(["none", "none", "byte", "truncate", "crlf", "bom", "nul"]))
    at = draw(st.integers(0, len(data)))
    data = _mutated(data, mutation, at, draw(st.integers(128, 255)))
    return draw(st.sampled_from([".txt", ".md"])), data


def _mutated(data: bytes, mutation: str, at: int, byte: int) -> bytes:
    if mutation == "byte":  # not UTF-8
        return data[:at] + bytes([byte]) + data[at:]
    if mutation == "truncate":
        return data[:at]
    if mutation == "crlf":
        return data.replace(b"\n", b"\r\n")
    if mutation == "bom":
        return b"\xef\xbb\xbf" + data
    if mutation == "nul":
        return data[:at] + b"\x00" + data[at:]
    return data


def random_article(rng: random.Random) -> tuple[str, bytes]:
    """The same kind of file from a seeded generator, for one large batch that replays by its seed."""
    parts = [rng.choice(SENTENCES) for _ in range(rng.randint(0, 8))]
    for _ in range(rng.randint(0, 3)):
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD + HUGE + BODY_BREAKS))
    body = " ".join(parts)
    day = rng.choice(DAYS[:5])
    seed_format = rng.random() < 0.4
    if seed_format:
        text = f" date {day} {body}\n"
    else:
        lines = [f"date: {day}"] if rng.random() < 0.9 else []
        lines += rng.sample(FRONT, rng.randint(0, 2))
        text = "---\n" + "\n".join(lines) + ("\n---\n\n" if rng.random() < 0.95 else "\n") + body + "\n"
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = _mutated(data, "byte", rng.randint(0, len(data)), rng.randint(128, 255))
    if rng.random() < 0.05:
        data = data[: rng.randint(0, len(data))]
    if rng.random() < 0.05:
        data = data.replace(b"\n", b"\r\n")
    return (".txt" if seed_format == (rng.random() < 0.95) else ".md"), data
