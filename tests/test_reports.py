"""What an article reports: a happening of its own, or none, read from the headline and lead."""

from __future__ import annotations

from dataclasses import replace

import pytest
from stage_helpers import make_article

from generator.events.reports import happening_kinds, no_happening
from generator.extract.language import language_for

LEAD = "Russia's war in Ukraine went on as officials in Kyiv said on Wednesday that troops held their lines."


def headline(title: str, lead: str = LEAD):
    return no_happening(make_article(lead, title=title), lead, lambda name: name in {"Borodyanka", "Donbas"})


@pytest.mark.parametrize(
    "title",
    [
        "Russian strike on rail station kills 22",
        "Ukraine war: Putin's daughters targeted by US sanctions",
        "Ukraine round-up: Putin's daughters sanctioned",
        "Slow pace of Ukraine operation meant to protect civilians – Moscow",
        "Borodyanka: 'There are a lot of people left under the rubble'",
        "Ex-mayor arrested on charges of discrediting Russian army",
        "Allies preparing $1 billion arms package for Kyiv",
        "Kharkiv residents recount a night in the basement",
        "Frontline town under siege",
        "Alliance expects new offensive in the south",
        "Veteran war reporter killed in shelling of Kharkiv",
        "Defence minister warns of new offensive, experts on alert",
        "Survivors of Kharkiv shelling ask: 'Are we not human?'",  # a question quoted is what was said
        "Kremlin comments on new borders",  # a saying, as wire headlines put it
        "Ukraine summons Vatican envoy",
        "Court revokes license of liberal newspaper",
        "Government postpones military draft",
        "Russia defaults on foreign debt",
        "Court extends activist's custody",
        "Kremlin clarifies Putin's remark",
        "Firm pauses operations in Russia",
        "Soldier to stand trial in Kyiv",
    ],
)
def test_headlines_that_name_something_done_or_said_report_a_happening(title):
    assert headline(title) is None


@pytest.mark.parametrize(
    ("title", "why"),
    [
        ("EXPLAINER: Where Ukraine war stands after 6 months", "explainer"),
        ("Why proving war crimes in Ukraine is difficult", "asks or explains"),
        ("Four regions vote to join Russia: what comes next?", "asks or explains"),  # it ends by asking
        ("Ukraine war: live updates", "roundup or live blog"),
        ("Vladislav Ugolny: The real root of the Ukraine conflict", "writer's name"),
        ("Ukraine's dream of a Eurovision future", "nothing done or said"),
        ("Frontline city will fall within weeks, experts say", "commentator"),
        ("Analysts say the offensive has stalled", "commentator"),
        ("Army veteran warns volunteers not to travel to the front", "commentator"),
        ("Shelling of the port is a sign of weakness: think tank", "commentator"),
        ("Retired general calls for talks with Moscow", "commentator"),
        ("Homes for Ukraine: 'We're one extended family now'", "nothing done or said"),  # an adjective
        ("A Russian default is looming", "nothing done or said"),  # a noun
        ("Proposed bill could help Ukraine", "nothing done or said"),  # an adjective
    ],
)
def test_analysis_explainers_roundups_and_features_report_none(title, why):
    found = headline(title)
    assert found is not None and why in found.reason


def test_a_piece_that_never_names_the_war_reports_none():
    lead = "The group stage draw was held in Istanbul on Thursday."
    assert "does not mention the war" in headline("Champions League draw sets up clash", lead).reason


def test_another_war_or_a_figure_of_speech_does_not_name_this_war():
    lead = "Envoys met the prime minister on Wednesday to ease tensions between the former Balkan war foes."
    found = headline("Envoys meet prime minister to avert tensions", lead)
    assert found is not None and "does not mention the war" in found.reason
    assert headline("Envoys meet prime minister as war rages", lead) is None  # this war, named too


def test_a_piece_that_reaches_the_war_only_after_its_first_sentence_reports_none():
    lead = (
        "The city council approved the budget for a new tram line on Wednesday after a long debate. "
        "Councillors said steel prices had climbed since the war in Ukraine began."
    )
    assert "first sentence" in headline("Council approves tram line budget", lead).reason
    up_top = "Prices driven up by the war in Ukraine dominated the council's tram budget debate on Wednesday."
    assert headline("Council approves tram line budget", up_top) is None
    greeted = "Good evening. This is your Russia-Ukraine war briefing, a guide to the news of the conflict."
    assert headline("Train station attack kills 50 people", greeted) is None  # a newsletter's greeting comes first


def test_a_place_of_the_war_names_the_war(gazetteer):
    lead = "Survivors climbed out of cellars on Wednesday as volunteers handed out bread and water."
    title = "Survivors in Irpin recount weeks in cellars"
    assert "does not mention the war" in headline(title, lead).reason
    war_place = lambda text: gazetteer.names_the_theatre(text, language_for("en"))  # noqa: E731
    assert no_happening(make_article(lead, title=title), lead, war_place=war_place) is None


def test_an_article_without_a_headline_always_reports_its_happening():
    assert (
        no_happening(make_article("Opinion: why the war will be long."), "Opinion: why the war will be long.") is None
    )


def test_kinds_of_happening_come_from_the_headline():
    article = make_article(LEAD, title="Russian missile strike kills 5; Zelensky vows response")
    assert happening_kinds(article, LEAD) == {"attack", "statement"}
    assert happening_kinds(make_article(LEAD, title="EU freezes bank assets"), LEAD) == {"measures"}


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Barely audible minister leaves the debate", frozenset()),  # "barely" bars nothing
        ("Club barred from league over war", {"measures"}),
        ("Minister dodges question on depot", {"statement"}),
        ("President snubs summit over war", {"meeting"}),
        ("President hails reborn country", {"statement"}),
        ("US to purchase advanced missile systems for the army", {"aid"}),  # a thing bought, no attack
        ("Russian forces advance on the town", {"movement"}),
    ],
)
def test_kinds_read_whole_words_not_beginnings(title, kinds):
    assert happening_kinds(make_article(LEAD, title=title), LEAD) == kinds


@pytest.mark.parametrize(
    ("url", "reports"),
    [
        ("https://news.example.com/opinion/strike-on-bridge-changes-the-war", False),
        ("https://news.example.com/commentisfree/2022/oct/08/bridge", False),
        ("https://news.example.com/2022/10/08/europe/crimea-bridge-blast-analysis-intl/index.html", False),
        ("https://news.example.com/world/bridge-plant-explained-rcna42785", False),
        ("https://news.example.com/2022/10/08/europe/crimea-bridge-blast/index.html", True),
        ("https://analysis.example.com/world/crimea-bridge-blast", True),  # a host is no section
        (None, True),
    ],
)
def test_an_address_that_files_a_piece_as_analysis_or_opinion_reports_none(url, reports):
    article = replace(make_article(LEAD, title="Blast hits Crimea bridge, killing three"), url=url)
    assert (no_happening(article, LEAD) is None) is reports


def test_a_word_of_genre_inside_a_quotation_is_the_speakers_not_the_outlets():
    assert headline("'Spy who took secret photos' arrested after missile attack on Ukraine city") is None
    assert headline("Ukrainian forces recapture villages in 'fastest gains so far'") is None
    assert "so far" in headline("Ukrainian forces recapture villages in fastest gains so far").reason  # unquoted
    assert "live" in headline("Russia-Ukraine war: spy arrested, live updates").reason
