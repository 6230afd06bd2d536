"""Sentences and page furniture: headlines on their own line, captions, bylines, teasers, tickers."""

from generator.extract.language import language_for
from generator.extract.sentences import split_sentences

ENGLISH = language_for("en")


def roles(body: str):
    return [(s.role, s.text) for s in split_sentences(body, ENGLISH)]


def test_a_headline_on_its_own_line_is_not_glued_to_the_lead():
    found = roles("Drone attack hits power plant\nA drone struck the plant at night, officials said.")
    assert found == [
        ("headline", "Drone attack hits power plant"),
        ("text", "A drone struck the plant at night, officials said."),
    ]


def test_a_wrapped_line_continues_its_sentence():
    found = roles("The strike destroyed a school and\ndamaged two houses nearby.")
    assert len(found) == 1 and found[0][0] == "text"


def test_captions_bylines_tickers_and_teasers_are_furniture():
    body = (
        "By Jane Roe and John Doe\n"
        "Firefighters at the scene on Monday. Photo: State Emergency Service\n"
        "12:40 05.03.2024\n\n"
        "Three people were injured.\n\n"
        "Read more\n"
        "Another town counts its dead after night strike\n\n"
        "The mayor spoke later."
    )
    found = roles(body)
    assert [r for r, _ in found] == ["furniture"] * 4 + ["text", "furniture", "furniture", "text"]


def test_sentences_in_cyrillic_split_at_capitals():
    found = roles("Вибухи пролунали вночі. Загинули двоє людей.")
    assert [t for _, t in found] == ["Вибухи пролунали вночі.", "Загинули двоє людей."]


def test_a_paragraph_cut_short_is_text_not_a_headline():
    found = roles("The toll rose to nine. Rescuers are still at the")
    assert {r for r, _ in found} == {"text"}


def test_a_dateline_is_marked_and_a_lone_one_is_furniture():
    found = split_sentences(
        "KYIV, March 4 (Reuters) - A drone hit a depot in Odesa overnight, officials said.", ENGLISH
    )
    assert found[0].text[: found[0].dateline] == "KYIV, March 4 (Reuters) - "
    alone = split_sentences("MOSCOW, March 4. /TASS/. A drone hit a depot, the ministry said.", ENGLISH)
    assert alone[0].role == "furniture" and alone[1].dateline == 0
    assert split_sentences("UN officials said five were hurt.", ENGLISH)[0].dateline == 0


def test_a_photo_credit_inside_a_long_one_line_text_marks_only_its_caption():
    text = " ".join(["Russian forces launched a rocket attack on a station in Chaplyne, killing 22 people."] * 8)
    caption = (
        "Rescuers search the station in Chaplyne, Ukraine, Wednesday, Aug. 24, 2022. "
        "The station was hit on Tuesday, Aug. 23. "
    )
    body = text + " " + caption + "(AP Photo/Jane Doe) " + text
    roles = [(s.role, s.text) for s in split_sentences(body, ENGLISH)]
    assert [t for role, t in roles if role == "furniture"] == [
        "Rescuers search the station in Chaplyne, Ukraine, Wednesday, Aug. 24, 2022.",
        "The station was hit on Tuesday, Aug. 23.",
    ]
    assert sum(role == "text" for role, _ in roles) == 16  # the running text around it stays text
    assert {s.role for s in split_sentences("A burned car in Chaplyne. (AP Photo/Jane Doe)", ENGLISH)} == {"furniture"}
