"""Ids: the one slug function, and event ids from date, place and what happened."""

from generator.events.ids import event_slug
from generator.slug import slugify


def test_slug_drops_accents_and_punctuation():
    assert slugify("Kramatorsk’s  station, Donetsk Óblast") == "kramatorsks-station-donetsk-oblast"
    assert slugify("Удар по Харкову") == ""


def test_slug_cuts_at_a_whole_word():
    assert slugify("one two three four", max_chars=9) == "one-two"
    assert slugify("one two three four", max_words=2) == "one-two"


def test_event_slug_starts_with_the_date_and_names_the_place():
    assert event_slug("2023-01-01", "Makiivka", "Strike on barracks") == "2023-01-01-makiivka-strike-barracks"
    assert event_slug("2023-01", None, "Strike on barracks in a town far away") == "2023-01-strike-barracks-town"
    assert event_slug("2023-01-01", "Makiivka", "Makiivka barracks hit") == "2023-01-01-makiivka-barracks-hit"


def test_adding_a_later_report_never_renames_the_event():
    from dataclasses import replace
    from datetime import date

    from generator.events.ids import automatic_id
    from generator.model import Article, EventCandidate, Extraction

    def report(article_id: str, published: date, title: str) -> Extraction:
        article = Article(article_id, f"{article_id}.md", published, title, None, None, "en", title)
        return Extraction(article, title, (), EventCandidate("2023-01-01", "day", "Makiivka", title, 0, True), ())

    first = report("a", date(2023, 1, 2), "Strike on barracks in Makiivka")
    later = report("b", date(2023, 1, 3), "Makiivka toll rises to 89")
    assert automatic_id([first]) == automatic_id([first, later]) == "2023-01-01-makiivka-strike-barracks"
    assert automatic_id([replace(first)]) == automatic_id([later, first])


def test_an_ascii_text_gets_the_slug_the_unicode_path_gives():
    # a trailing combining accent sends the same words through the decomposition, which drops it
    import random
    import string

    rng = random.Random(7)
    texts = ["", "Kharkiv", "K-9 unit's 2nd strike", "Russia's war, day 100"]
    texts += ["".join(rng.choice(string.printable) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        for limits in ({}, {"max_words": 2}, {"max_chars": 9}):
            assert slugify(text, **limits) == slugify(text + "\u0301", **limits), text
