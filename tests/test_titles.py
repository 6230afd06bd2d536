"""Event titles: clean headlines, the most central one, built ones, and no two alike on one day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator.events.assemble import EventDraft
from generator.events.titles import built_title, clean_headline, distinct_titles, headline_title
from generator.model import Article, EventCandidate, Extraction


def report(article_id: str, title: str, lead: str = "", from_text: bool = False) -> Extraction:
    article = Article(article_id, f"{article_id}.md", date(2022, 8, 24), title, "Reuters", None, "en", lead, from_text)
    return Extraction(article, lead, (), EventCandidate("2022-08-24", "day", "Chaplyne", title, 0, True), ())


def test_outlet_suffixes_labels_and_shouting_are_cleaned():
    assert clean_headline("Russian strike kills 22 - Reuters", "Reuters") == "Russian strike kills 22"
    # an outlet's name is a whole word: the "rt" ending a word is not the outlet RT
    assert clean_headline("Drone shot down over airport", "RT") == "Drone shot down over airport"
    assert clean_headline("Drone shot down over airport | RT", "RT") == "Drone shot down over airport"
    assert clean_headline("Street sign put up in Washington, D.C.", None) == "Street sign put up in Washington, D.C."
    assert clean_headline("Strike kills 22.", None) == "Strike kills 22"
    assert clean_headline("Strike kills 22 | BBC News", None) == "Strike kills 22"
    assert clean_headline("Ukraine war: Strike kills 22", None) == "Strike kills 22"
    assert clean_headline("Biden sends $3 BILLION in arms TODAY", None) == "Biden sends $3 billion in arms today"
    assert clean_headline("Guerra en Ucrania: Misil mata a 22", None, "es") == "Misil mata a 22"
    assert clean_headline("Guerra en Ucrania: Misil mata a 22", None, "en") == "Guerra en Ucrania: Misil mata a 22"
    # a media tag closing the headline says what the page holds, not what happened; an acronym stays
    assert clean_headline("Bridge reopens after blast (VIDEO)", None) == "Bridge reopens after blast"
    assert clean_headline("Minister speaks at UN (WATCH FULL SPEECH)", None) == "Minister speaks at UN"
    assert clean_headline("Talks held at the UN (UN)", None) == "Talks held at the UN (UN)"
    # ... as does a label opening it
    assert clean_headline("War in Ukraine: Strike kills 22", None) == "Strike kills 22"
    assert clean_headline("Exclusive: Strike kills 22", None) == "Strike kills 22"
    assert clean_headline("Watch: Strike hits station", None) == "Strike hits station"
    assert clean_headline("Ukraine: Strike kills 22", None) == "Ukraine: Strike kills 22"  # a place says where
    # a headline long as a summary is told by its first whole clause
    long = "Missile strike on the railway station in Chaplyne kills 22 - as " + "officials warn of more attacks " * 4
    assert clean_headline(long, None) == "Missile strike on the railway station in Chaplyne kills 22"
    unbroken = "Missile strike on the railway station " + "and the depot " * 12 + "kills 22"
    assert clean_headline(unbroken, None) == unbroken  # no clause to stop at: whole, never cut


def test_the_most_central_headline_names_the_event():
    reports = [
        report("a", "Russian strike on Chaplyne rail station kills 22"),
        report("b", "Chaplyne station strike: toll rises to 25"),
        report("c", "Zelensky speaks on Independence Day"),
    ]
    assert headline_title(reports) == "Russian strike on Chaplyne rail station kills 22"


def test_a_headline_that_describes_footage_names_the_event_only_when_no_other_does():
    pictures = report("a", "Moment Russian strike on Chaplyne rail station caught on camera")
    told = report("b", "Russian strike on Chaplyne rail station kills 22")
    assert headline_title([pictures, told]) == told.article.title
    assert headline_title([pictures]) == pictures.article.title


def test_an_events_title_is_a_headline_of_its_own_day(gazetteer):
    first = report("a", "Russian strike on Chaplyne rail station kills 22")
    same_day = report("b", "Rescuers search the rubble in Chaplyne")
    sequel = report("c", "Chaplyne rail station strike toll rises to 25 as Russian strike is condemned")
    sequel = replace(sequel, main=replace(sequel.main, date="2022-08-25"))
    assert headline_title([first, same_day, sequel]) == sequel.article.title  # the most central of all
    draft = EventDraft([first, same_day, sequel], gazetteer)
    assert draft.title("2022-08-24") == first.article.title
    # a report published days later that dates the happening itself may tell its sequel all the same
    later = replace(sequel, main=replace(sequel.main, date="2022-08-24"))
    later = replace(later, article=replace(later.article, date=date(2022, 8, 29)))
    assert EventDraft([first, same_day, later], gazetteer).title("2022-08-24") == first.article.title


def test_without_headlines_the_title_is_built_never_cut_from_the_body():
    lead = "A missile strike hit the railway station of Chaplyne on Wednesday, officials said, and many more words."
    title = built_title([report("a", lead[:40] + "…", lead, from_text=True)], "Chaplyne", "2022-08-24")
    assert title == "Missile strike in Chaplyne, 24 August 2022"


def test_two_events_of_one_day_never_share_a_title():
    titles = distinct_titles(
        [
            ("2022-08-24", "Missile strike", "Chaplyne"),
            ("2022-08-24", "Missile strike", "Dnipro"),
            ("2022-08-25", "Missile strike", None),
        ]
    )
    assert titles == ["Missile strike (Chaplyne)", "Missile strike (Dnipro)", "Missile strike"]
