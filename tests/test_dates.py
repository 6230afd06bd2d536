from datetime import date

from generator.extract.dates import find_dates
from generator.extract.language import language_for
from generator.extract.sentences import split_sentences
from generator.model import Sentence

ENGLISH = language_for("en")


def dates_in(text: str, published: str = "2023-01-02", language: str = "en"):
    return find_dates(split_sentences(text, ENGLISH), text, date.fromisoformat(published), language_for(language))


def values(text: str, published: str = "2023-01-02", language: str = "en"):
    return [(d.value, d.precision) for d in dates_in(text, published, language)]


def test_month_day_resolves_against_publication_date():
    assert values("The missile struck two minutes after midnight on January 1.") == [("2023-01-01", "day")]
    assert values("On December 21 the government confirmed it.") == [("2022-12-21", "day")]


def test_month_only_date_keeps_month_precision():
    assert values("Putin ordered the war in February 2022.") == [("2022-02", "month")]
    assert values("It has been cut off since the invasion in February.", "2022-03-17") == [("2022-02", "month")]


def test_year_only_date_keeps_year_precision():
    assert values("the peninsula it annexed in 2014.", "2022-10-08") == [("2014", "year")]


def test_holiday_and_curly_apostrophe():
    assert values("25 rockets were fired on New Year’s Eve.") == [("2022-12-31", "day")]


def test_a_holiday_days_ahead_is_the_coming_one_as_a_date_would_be():
    # three days before it, "Victory Day" is this year's parade, not last year's
    assert values("Troops rehearse for the Victory Day parade.", "2022-05-06") == [("2022-05-09", "day")]
    assert values("Shelling resumed after Christmas Eve.", "2023-01-10") == [("2022-12-24", "day")]


def test_weekday_is_the_most_recent_one_on_or_before_publication():
    assert values("A strike on Wednesday flattened the theatre.", "2022-03-17") == [("2022-03-16", "day")]
    assert values("Amnesty said on Thursday it was a war crime.", "2022-06-30") == [("2022-06-30", "day")]


def test_a_weekday_with_an_indefinite_article_is_no_date():
    assert values("Residents thought of a Monday morning in October.", "2023-01-01") == [("2022-10", "month")]


def test_relative_days():
    assert values("Last night a missile hit a building.", "2023-10-06") == [("2023-10-05", "day")]
    assert values("Police identified the dead a week ago.", "2023-10-12") == [("2023-10-05", "day")]
    assert values("It happened in September last year.", "2023-10-05") == [("2022-09", "month")]


def test_offsets_wait_for_an_anchor():
    found = dates_in("Exactly a week before the theatre was hit, a bomb wrecked a hospital.")
    assert found[0].value is None and found[0].offset_days == -7 and found[0].anchor == "phrase"
    found = dates_in("The bridge was damaged two days earlier.")
    assert found[0].offset_days == -2 and found[0].anchor == "previous"


def test_spans_of_time_are_not_dates():
    assert values("Many people had left in the days before the strike.") == []
    assert values("Troops occupied the area for months before the recapture.") == []


def test_statement_dates_are_marked():
    found = dates_in("The emergency service said on Tuesday that 19 were killed.", "2022-10-11")
    assert found[0].statement


def test_where_a_statement_was_made_may_stand_between_its_verb_and_its_day():
    found = dates_in("The toll could be higher, the president said in a video address on Monday.", "2022-04-06")
    assert found[0].statement
    text = "The governor said in his nightly televised address late on Monday that power was back."
    found = dates_in(text, "2022-04-06")
    assert found[0].statement
    found = dates_in("A missile hit a hospital on Monday, killing three.", "2022-04-06")
    assert not found[0].statement


def test_a_year_near_a_speech_verb_dates_no_statement():
    found = dates_in('"Nothing like it since 1995," the minister told reporters.', "2022-04-06")
    assert found[0].value == "1995" and not found[0].statement
    found = dates_in("The minister said in 1995 that it would never happen.", "2022-04-06")
    assert not found[0].statement


def test_ordinal_endings_and_links_are_each_languages():
    assert ("2022-02-24", "day") in values("The attack on the 24th of February killed three.", "2022-03-01")
    assert ("2022-05-01", "day") in values("El ataque del 1º de mayo mató a tres personas.", "2022-05-03", "es")
    assert ("2022-02-24", "day") in values("Удар 24-го лютого забрав життя трьох людей.", "2022-03-01", "uk")
    assert ("2021-03", "month") in values("The talks collapsed in March of 2021.", "2022-03-01")


def test_a_date_without_a_year_is_this_years_unless_far_ahead():
    assert values("He stays until the Sept. 25 parliamentary elections.", "2022-08-24") == [("2022-09-25", "day")]
    assert values("The rockets fell on December 31.", "2023-01-02") == [("2022-12-31", "day")]
    assert values("Storage will be full by October.", "2022-08-24") == [("2022-10", "month")]
    assert values("Prices rose sharply in October.", "2022-08-24") == [("2021-10", "month")]


def test_since_is_marked():
    found = dates_in("The worst since Russian troops crossed the border on 24 February.", "2022-03-18")
    assert found[0].since and found[0].value == "2022-02-24"


def test_spanish_dates():
    found = values("La explosión del sábado 8 de octubre mató a tres personas.", "2022-10-09", "es")
    assert ("2022-10-08", "day") in found


def test_months_ago_keeps_month_precision():
    assert values("The war began nearly six months ago.", "2022-08-22") == [("2022-02", "month")]


def test_a_weekday_before_its_explicit_date_is_not_counted_twice():
    assert values("Troops near Zolote, Ukraine, Saturday, Feb. 19, 2022.", "2022-05-31") == [("2022-02-19", "day")]


def test_a_possessive_month_and_months_into_a_war_are_dates():
    sentence = Sentence("The city had 370,000 people before February's invasion.", 0, 56, 0, 0)
    found = find_dates([sentence], sentence.text, date(2022, 7, 15), ENGLISH)
    assert [(e.value, e.precision) for e in found] == [("2022-02", "month")]
    sentence = Sentence("The strike came six months into the invasion.", 0, 46, 0, 0)
    found = find_dates([sentence], sentence.text, date(2022, 8, 25), ENGLISH)
    assert found and found[0].value is None and found[0].anchor == "phrase"


def test_a_weekday_in_a_future_clause_is_the_coming_one():
    # published on a Wednesday: "will ... on Monday" is five days ahead, "played on Monday" two days back
    assert values("The team will play the final in Lviv on Monday.", "2022-04-06") == [("2022-04-11", "day")]
    assert values("The team played the final in Lviv on Monday.", "2022-04-06") == [("2022-04-04", "day")]
    assert values("Leaders met in Brussels ahead of Thursday's summit.", "2022-06-21") == [("2022-06-23", "day")]
    assert values("Команда зіграє фінал, який відбудеться у понеділок.", "2022-04-06", "uk") == [("2022-04-11", "day")]


def test_a_page_updated_after_its_day_tells_its_later_weekdays_from_the_day_it_reached():
    """A page of Friday 25 February with a paragraph added on 1 March: that paragraph's Tuesday is 1 March."""
    update = "On March 1, Ukraine claimed to have killed 5,710 soldiers. A UN report showed on Tuesday that 136 died."
    assert values(f"Missiles hit a fuel depot near Kharkiv. {update}", "2022-02-25") == [
        ("2022-03-01", "day"),
        ("2022-03-01", "day"),
    ]
    # without the update, Tuesday is the one before publication
    assert values(
        "Missiles hit a fuel depot near Kharkiv. A UN report showed on Tuesday that 136 died.", "2022-02-25"
    ) == [("2022-02-22", "day")]
    # a day to come is no update: "Talks will resume on March 1"
    ahead = "Talks will resume on March 1. A UN report showed on Tuesday that 136 died."
    assert values(ahead, "2022-02-25") == [("2022-03-01", "day"), ("2022-02-22", "day")]
