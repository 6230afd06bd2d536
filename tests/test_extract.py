from dataclasses import replace

import pytest
from stage_helpers import make_article

from generator.compare import this_happenings_counts
from generator.events import group_articles_into_events
from generator.extract import extract_article


def test_main_event_is_the_attack_date_not_the_statement_date(registry, gazetteer):
    body = (
        "Rescuers pulled 130 people out, the ombudsman said on Friday. The theatre in Mariupol was destroyed in "
        "Thursday's air strike.\n\nThe siege has been grim since Russian troops crossed the border on 24 February."
    )
    x = extract_article(make_article(body, "2022-03-18"), registry, gazetteer)
    assert (x.main.date, x.main.place) == ("2022-03-17", "Mariupol")
    assert [m.date for m in x.mentions] == ["2022-02-24"]


def test_title_date_wins(registry, gazetteer):
    body = (
        "When the sirens sounded on New Year's Eve, residents thought of the strike. On 10 October missiles hit Kyiv."
    )
    x = extract_article(make_article(body, "2023-01-01", title="Kyiv looks back at 10 October"), registry, gazetteer)
    assert x.main.date == "2022-10-10"


def test_no_date_in_text_falls_back_to_publication_day(registry, gazetteer):
    x = extract_article(
        make_article("Shelling continued in Kharkiv, officials said.", "2022-05-01"), registry, gazetteer
    )
    assert (x.main.date, x.main.precision) == ("2022-05-01", "day")


def test_relative_mentions_are_anchored_to_the_main_event(registry, gazetteer):
    body = (
        "A Russian air strike on Wednesday flattened the theatre in Mariupol. Exactly a week before the theatre was "
        "hit, a bomb wrecked a maternity hospital."
    )
    x = extract_article(make_article(body, "2022-03-17"), registry, gazetteer)
    assert x.main.date == "2022-03-16"
    assert [m.date for m in x.mentions] == ["2022-03-09"]


def test_offset_after_an_explicit_date_dates_the_earlier_event(registry, gazetteer):
    body = (
        "Another victim of the strike on a convoy in Zaporizhzhia died, the governor said on Saturday, eight days "
        "after the attack. Officials counted 31 dead."
    )
    x = extract_article(make_article(body, "2022-10-08"), registry, gazetteer)
    assert x.main.date == "2022-09-30"


def test_month_precision_mention(registry, gazetteer):
    body = "Missiles struck Kyiv on Monday. It was the first time since late June that missiles had struck the centre."
    x = extract_article(make_article(body, "2022-10-10"), registry, gazetteer)
    assert [(m.date, m.precision) for m in x.mentions] == [("2022-06", "month")]


def test_claims_in_a_mention_paragraph_belong_to_the_mention(registry, gazetteer):
    body = (
        "Missiles hit Kyiv on 10 October, killing 19.\n\nOn New Year's Eve, Russia fired more than 20 missiles at "
        "Odesa. The mayor said one man was killed."
    )
    x = extract_article(make_article(body, "2023-01-01"), registry, gazetteer)
    assert len(x.mentions) == 1
    assert x.claim_events == (-1, 0, 0)


def test_a_dateline_gives_neither_the_place_nor_the_date(registry, gazetteer):
    body = "KYIV, March 6 (Reuters) - A Russian drone strike on Odesa on Tuesday killed four people, officials said."
    x = extract_article(make_article(body, "2024-03-06"), registry, gazetteer)
    assert x.main.place == "Odesa" and x.main.date == "2024-03-05"


def test_organisation_names_figures_of_speech_and_destinations_are_not_the_place(registry, gazetteer):
    body = (
        "Support The Moscow Times!\n\n"
        "A missile hit a school in Kharkiv on Monday, a blow for Moscow's claims of precision. "
        "The wounded were taken to Kyiv."
    )
    x = extract_article(make_article(body, "2024-03-06"), registry, gazetteer)
    assert x.main.place == "Kharkiv"
    assert "Moscow" not in [m.place for m in x.mentions] and "Kyiv" not in [m.place for m in x.mentions]


def test_a_date_that_names_the_incident_beats_the_days_news(registry, gazetteer):
    body = (
        "Crowds gathered in Kharkiv on Monday for the funerals of the 12 people killed by a Russian missile.\n\n"
        "More than 40 were wounded in the attack on Friday on the city's market."
    )
    x = extract_article(make_article(body, "2024-03-12"), registry, gazetteer)
    assert x.main.date == "2024-03-08"


def test_a_capital_standing_for_its_government_is_not_the_place(registry, gazetteer):
    body = "Moscow has called for an urgent meeting after a drone hit a refinery in Kharkiv on Sunday."
    x = extract_article(make_article(body, "2024-03-12"), registry, gazetteer)
    assert x.main.place == "Kharkiv"
    body = "A missile struck Kyiv on Sunday, the mayor said."
    assert extract_article(make_article(body, "2024-03-12"), registry, gazetteer).main.place == "Kyiv"


def test_a_toll_update_dates_a_statement_not_the_incident(registry, gazetteer):
    body = "The toll from the strike on a mall climbed to 20 on Wednesday. Rescuers said the missile hit on Monday."
    x = extract_article(make_article(body, "2024-03-14"), registry, gazetteer)
    assert x.main.date == "2024-03-11"


def test_a_founding_year_is_background_not_a_side_event(registry, gazetteer):
    body = "A drone hit the tractor plant in Kharkiv on Monday. The plant, founded in 1931, was struck in 2022 too."
    x = extract_article(make_article(body, "2024-03-12"), registry, gazetteer)
    assert [m.date for m in x.mentions] == ["2022"]


def test_an_offset_from_the_articles_happening_dates_the_earlier_event(registry, gazetteer):
    body = (
        "A drone hit a depot in Kharkiv on Saturday. The strike came a day after Russia launched a wave of "
        "missiles at Kyiv.\n\nSaturday also marked six months since Russian forces attacked the city of Vovchansk."
    )
    x = extract_article(make_article(body, "2024-03-10"), registry, gazetteer)
    assert x.main.date == "2024-03-09"
    assert {m.date for m in x.mentions} >= {"2024-03-08", "2023-09"}


def test_a_place_and_a_colon_opening_the_text_is_a_dateline(registry, gazetteer):
    body = "Kyiv: Russian officials said a drone attack on Belgorod on Saturday killed three people."
    x = extract_article(make_article(body, "2024-03-10"), registry, gazetteer)
    assert x.main.place == "Belgorod"


def test_moscow_time_and_a_response_from_moscow_are_not_places(registry, gazetteer):
    body = (
        "A plane crashed in the Belgorod region at 11:00 a.m. Moscow time on Wednesday, "
        "drawing a sharp response from Moscow."
    )
    x = extract_article(make_article(body, "2024-01-24"), registry, gazetteer)
    assert x.main.place == "Belgorod region"


def test_a_capital_after_a_locative_word_is_a_place_whatever_follows(registry, gazetteer):
    body = "A children's hospital in Kyiv was among the buildings hit by missiles on Monday."
    x = extract_article(make_article(body, "2024-07-09"), registry, gazetteer)
    assert x.main.place == "Kyiv"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a statement-only article is dated by its lede's statement, not by the background below it
        (
            "The finance minister announced new sanctions on Russian banks, the ministry said on Tuesday.\n\n"
            "The measures follow those of 24 February, when Russian troops invaded Ukraine.",
            "2022-04-05",
        ),
        # a background date far down does not date the happening: the publication day does
        (
            "Residents of Irpin returned to find their homes in ruins.\n\n"
            "Many had fled the town when the invasion began on 24 February.\n\n"
            "Volunteers cleared rubble from the main street.",
            "2022-04-06",
        ),
        # a warning of what is to come today is dated by when it was given
        (
            "Moscow is planning strikes on the capital's power stations today, a Western intelligence report "
            "said yesterday.\n\nCelebrations in the city have been called off.",
            "2022-04-05",
        ),
        (
            "Leaders are expected to sign the grain agreement in Istanbul today, the foreign ministry said on Tuesday.",
            "2022-04-05",
        ),
        # the lede's happening, dated by its report, is the newest; an earlier one told below it is background
        (
            "Artillery shelled a market in Horlivka, setting it on fire, city officials said on Wednesday.\n\n"
            "On Tuesday, shells hit apartment blocks in the city, killing two residents, officials said.",
            "2022-04-06",
        ),
        # a lede that dates its happening itself is the newest too: background that names an earlier day
        # several times, each at the same town, does not outvote it
        (
            "A theatre in Mariupol where hundreds had sheltered was bombed on Wednesday, local authorities said.\n\n"
            "About 20,000 people fled the shelling of Mariupol on Tuesday.\n\n"
            "On Tuesday, Russian bombing destroyed apartment blocks across Mariupol. Drone footage showed missile "
            "damage and smoke rising over Mariupol on Tuesday.",
            "2022-04-06",
        ),
        # ... but a sentence below that dates the happening itself still dates it
        (
            "Three people were killed in Kharkiv, the regional governor said on Wednesday.\n\n"
            "The strike on Tuesday night hit a school and two houses.",
            "2022-04-05",
        ),
        # with only statements to date it, the day of the report is not outvoted by several quotes of one
        # earlier day
        (
            "Pictures from Hostomel show whole streets burned out.\n\n"
            "A reporter who walked through the town said on Wednesday that blocks had been cut in half.\n\n"
            "The mayor said on Monday that the town was almost destroyed. Prosecutors said on Monday that the toll "
            "could be higher. Volunteers said Monday that they had found more bodies.",
            "2022-04-06",
        ),
        # "a week after Moscow said ...": the day the phrase reaches back to is a statement's, not a happening's
        (
            "The alliance on Wednesday said it expects a major offensive in the Donbas, a week after Moscow said it "
            "would pull troops back from the capital.",
            "2022-04-06",
        ),
    ],
)
def test_the_lede_dates_the_happening_and_old_background_does_not(registry, gazetteer, body, expected):
    x = extract_article(make_article(body, "2022-04-06"), registry, gazetteer)
    assert x.main.date == expected


def test_of_two_towns_the_main_place_is_the_one_something_happened_in(registry, gazetteer):
    title = "Strike kills 22 on the anniversary of independence from Moscow"
    body = "A missile hit a railway station in Chaplyne, killing 22 people."
    article = replace(make_article(body, "2022-08-24"), title=title, title_from_text=False)
    assert extract_article(article, registry, gazetteer).main.place == "Chaplyne"


def test_the_main_place_comes_from_the_lede_below_the_page_furniture(registry, gazetteer):
    body = (
        "Updated 25 August 2022, 20:59\n\nBy Jane Doe, Reuters\n\nShare this article\n\n"
        "A missile hit a railway station in Chaplyne, killing 22 people.\n\n"
        "The Donetsk region has seen heavy fighting. Troops in the Donetsk region held their lines."
    )
    x = extract_article(make_article(body, "2022-08-25"), registry, gazetteer)
    assert x.main.place == "Chaplyne"


REACTION_BODY = (
    "The interior minister has rejected claims that his forces ordered the raid on the depot. "
    "He spoke in a television interview broadcast on Thursday.\n\n"
    "The depot near Izium was destroyed in an attack on 2 May that killed four guards."
)


@pytest.mark.parametrize(
    ("title", "published", "expected"),
    [
        # a saying days after the incident is that day's news: the lede's newest date
        ("Minister denies ordering raid on depot", "2024-05-10", "2024-05-09"),
        ("Raid on depot was not ours – interior minister", "2024-05-10", "2024-05-09"),
        # a headline that tells the incident as done reports the incident, whoever says it
        ("Minister says guards killed in raid on depot", "2024-05-10", "2024-05-02"),
        ("Minister says raid on depot kills four guards", "2024-05-10", "2024-05-02"),
        # ... but one it only recalls, in a relative clause, is the saying's subject: the saying is the news
        ("Minister says raid that killed four guards was not ours", "2024-05-10", "2024-05-09"),
        # an update on the aftermath, a repair, a reopening: follow-ups on their own day
        ("Officials give update on depot", "2024-05-10", "2024-05-09"),
        ("Depot repairs to take months", "2024-05-10", "2024-05-09"),
        # an act told in the present is done the day it is reported
        ("Parliament bans depot operator", "2024-05-10", "2024-05-09"),
        ("Minister to visit rebuilt depot", "2024-05-10", "2024-05-09"),
        # ... with a plural subject too, in the verb's base form
        ("Ministers confirm depot will close", "2024-05-10", "2024-05-09"),
        ("Minister and governor announce depot closure", "2024-05-10", "2024-05-09"),
        # ... and in the passive, an act done to someone
        ("Depot commander charged", "2024-05-10", "2024-05-09"),
        # within a day of the incident, a reaction is told as part of it
        ("Minister denies ordering raid on depot", "2024-05-03", "2024-05-02"),
    ],
)
def test_a_saying_reported_days_after_an_incident_is_dated_by_the_saying(
    registry, gazetteer, title, published, expected
):
    body = REACTION_BODY if published > "2024-05-05" else REACTION_BODY.replace("on Thursday", "the same night")
    x = extract_article(make_article(body, published, title=title), registry, gazetteer)
    assert x.main.date == expected


def test_an_act_its_lede_dates_in_the_headlines_words_is_dated_by_the_lede(registry, gazetteer):
    # "bans" in the headline, "banned ... on Wednesday" in the lede: the act's own day, not the day it is reported
    body = "Parliament banned the depot's operator on Wednesday. The depot near Izium was raided on 2 May."
    x = extract_article(make_article(body, "2024-05-10", title="Parliament bans depot operator"), registry, gazetteer)
    assert x.main.date == "2024-05-08"
    # a day the lede gives to another act is that act's: the headline's is reported on its day
    body = "The operator's mother spoke to reporters. He was detained at the depot on Wednesday."
    x = extract_article(make_article(body, "2024-05-10", title="Operator's mother sends message"), registry, gazetteer)
    assert x.main.date == "2024-05-10"


def test_a_saying_without_a_day_in_its_lede_is_dated_by_publication(registry, gazetteer):
    body = REACTION_BODY.replace(" broadcast on Thursday", "")
    x = extract_article(make_article(body, "2024-05-10", title="Minister denies ordering raid"), registry, gazetteer)
    assert x.main.date == "2024-05-10"


def test_a_headline_recalling_an_incident_is_dated_by_a_day_its_lede_gives_not_by_publication(registry, gazetteer):
    # a claim about an incident, its day untold, may be the incident's follow-up: it keeps the incident's day
    body = REACTION_BODY.replace(" broadcast on Thursday", "")
    title = "Minister says raid that killed four guards was not ours"
    x = extract_article(make_article(body, "2024-05-10", title=title), registry, gazetteer)
    assert x.main.date == "2024-05-02"


def test_an_arrest_days_after_an_incident_is_dated_by_the_arrest(registry, gazetteer):
    # the lede's only date is the incident's own ("over Thursday's raid"): the arrest is the news, on its day
    body = "Eight people have been detained over Thursday's raid on the depot near Izium, the security service said."
    title = "Police arrest eight people following depot raid"
    x = extract_article(make_article(body, "2024-05-06", title=title), registry, gazetteer)
    assert x.main.date == "2024-05-06"
    x = extract_article(make_article(body, "2024-05-03", title=title), registry, gazetteer)
    assert x.main.date == "2024-05-02"


def test_a_photo_captions_day_is_the_pictures_not_the_happenings(registry, gazetteer):
    caption = "A destroyed building after Russian missile strikes in Kyiv, Ukraine, on Wednesday, March 2, 2022."
    body = (
        "Engineers restored the water supply to the capital's eastern districts, officials said on Friday. "
        f"{caption} Crews worked through the night."
    )
    x = extract_article(make_article(body, "2022-03-04", title="Water supply restored"), registry, gazetteer)
    assert x.main.date == "2022-03-04"
    alone = extract_article(make_article(caption, "2022-03-04", title="Kyiv in pictures"), registry, gazetteer)
    assert alone.main.date == "2022-03-02"  # where the text dates nothing else, the caption's day stands


def test_a_place_after_the_briefing_came_hours_after_is_the_earlier_happenings(registry, gazetteer):
    body = (
        "Guards were posted around government buildings in Lviv, officials said. "
        "The briefing came hours after the Crimean Bridge was partially destroyed."
    )
    x = extract_article(make_article(body, "2022-10-10", title="Guards posted in city"), registry, gazetteer)
    assert x.main.place == "Lviv"  # not the bridge, more specific as it is


@pytest.mark.parametrize(
    "body",
    [
        "Missiles struck Lviv on Monday in response to the attack on the Crimean Bridge, officials said.",
        "In retaliation for the blast on the Crimean Bridge, missiles struck Lviv on Monday, officials said.",
        "The strikes came hours after the Crimean Bridge was hit. Missiles struck Lviv, officials said.",
    ],
)
def test_the_place_of_a_happening_a_strike_answers_is_not_the_strikes(registry, gazetteer, body):
    x = extract_article(make_article(body, "2022-10-10", title="Missiles strike city"), registry, gazetteer)
    assert x.main.place == "Lviv"  # not the bridge, more specific as it is


def test_a_headline_naming_the_happening_a_strike_answers_is_not_placed_there(registry, gazetteer):
    title = "Russia rains missiles on Ukraine's cities in retaliation for Crimean Bridge blast"
    body = "Missiles struck Lviv on Monday morning, officials said."
    x = extract_article(make_article(body, "2022-10-10", title=title), registry, gazetteer)
    assert x.main.place == "Lviv"  # not the bridge the headline says the strikes answer


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("White House defends decision on depot aid", "Washington"),  # said where the institution sits
        ("Depot raid was a provocation – Kremlin", "Moscow"),
        ("Kremlin says Russian jets bombed depot", "Izium"),  # an incident told as done keeps its own place
        ("Minister urges White House to send air defence", "Izium"),  # whom a saying addresses is not its seat
        ("The Kremlin's war must end, minister says", "Izium"),  # nor an owner
        ("Ministers gather at the White House over depot", "Washington"),  # what the headline puts at a seat
        ("Minister comments on Kremlin plan for depot", "Izium"),  # a seat it talks about is not a venue
        ("White House envoy rules out talks, officials say", "Izium"),  # the speaker is the source at the end
    ],
)
def test_a_saying_by_an_institution_named_for_its_seat_happened_there(registry, gazetteer, title, expected):
    body = "A depot near Izium was hit by missiles on Monday, officials said."
    x = extract_article(make_article(body, "2024-05-07", title=title), registry, gazetteer)
    assert x.main.place == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Blast shakes railway depot", "Izium"),  # an incident: the town the text is about, though the lead names none
        ("President announces new aid for Ukraine", "Ukraine"),  # an act of a leader far away: not a town he recalls
        ("Leader says the world's future is being decided", "Ukraine"),
    ],
)
def test_a_town_named_only_below_the_lead_places_an_incident_not_a_saying(registry, gazetteer, title, expected):
    body = (
        "The announcement came on Monday as Ukraine marked six months of war.\n\n"
        "Officials said more help would follow. Leaders of several countries spoke.\n\n"
        "Earlier, missiles hit a railway depot in Izium. Izium has been shelled for weeks."
    )
    x = extract_article(make_article(body, "2024-05-07", title=title), registry, gazetteer)
    assert x.main.place == expected


def test_a_month_other_than_the_reports_own_is_background_not_its_date(registry, gazetteer):
    body = (
        "Rescue teams cleared the rubble of the school in Izium, hit by an attack in April.\n\n"
        "The town was occupied for months."
    )
    x = extract_article(make_article(body, "2022-08-23", title="Rubble cleared from school"), registry, gazetteer)
    assert (x.main.date, x.main.precision) == ("2022-08-23", "day")
    x = extract_article(
        make_article(body, "2022-08-23", title="Izium school could reopen in April"), registry, gazetteer
    )
    assert (x.main.date, x.main.precision) == ("2022-08-23", "day")  # a month in the headline too: what is to come


def test_a_day_weeks_before_the_report_is_background_unless_the_report_tells_that_incident(registry, gazetteer):
    body = (
        "The singer said the city would host a concert for the victims.\n\n"
        "A missile strike on 2 May killed nine people at the railway station in Izium."
    )
    x = extract_article(
        make_article(body, "2022-06-10", title="Concert for victims planned in Izium"), registry, gazetteer
    )
    assert x.main.date == "2022-06-10"  # the strike of 2 May is what the visit recalls
    told = "Inquiry finds missile strike killed nine in Izium"  # an inquiry's finding tells the strike itself
    x = extract_article(make_article(body, "2022-06-10", title=told), registry, gazetteer)
    assert x.main.date == "2022-05-02"


def test_a_figure_told_at_another_town_is_not_this_happenings_count(registry, gazetteer):
    body = (
        "Three people were killed in Izium on Sunday, the regional governor said.\n\n"
        "In Kharkiv, one person was killed by shelling, the mayor said. Ukraine's military said 4 died in total. "
        "Moscow said 2 soldiers were killed in Izium."
    )
    x = extract_article(make_article(body, "2022-07-03", title="Three killed in Izium"), registry, gazetteer)
    towns = {figure.value: claim.towns for claim in x.claims for figure in claim.figures}
    assert towns == {3: ("Izium",), 1: ("Kharkiv",), 4: (), 2: ("Izium",)}  # "Moscow said": a government
    (event,), _ = group_articles_into_events([x], [], gazetteer)
    assert event.place == "Izium"
    elsewhere = {figure.value: claim.elsewhere for claim in event.claims for figure in claim.figures}
    assert elsewhere == {3: False, 1: True, 4: False, 2: False}  # a claim naming no town is not elsewhere
    counted = {f.value for by_party in this_happenings_counts(event.claims).values() for said in by_party.values()
               for _, f in said}  # fmt: skip
    assert counted == {3, 4, 2}


def test_a_photo_caption_pasted_onto_a_sentence_is_not_its_speakers_claim(registry, gazetteer):
    body = (
        "Ukraine's military said 12 civilians were killed in the strike on Monday. "
        "It accused Russian forces of using cluster munitions. : Rescuers recover the bodies of four killed "
        "civilians from a car in Bucha, Ukraine, Tuesday, April 5, 2022."
    )
    x = extract_article(make_article(body, "2022-04-06", title="Strike kills 12"), registry, gazetteer)
    values = sorted(f.value for c in x.claims for f in c.figures)
    assert values == [12]  # the caption's four are what a picture shows, not what the military said


@pytest.mark.parametrize(
    "title",
    ["The biggest war in Europe since 1945 looms at the border", "Inflation at its fastest pace since 1981"],
)
def test_a_year_a_period_starts_from_dates_no_happening(registry, gazetteer, title):
    body = "Troops massed along the border, the worst threat since 1945, as prices rose at the fastest pace since 1981."
    x = extract_article(make_article(body, "2022-02-21", title=title), registry, gazetteer)
    assert x.main.date == "2022-02-21"  # the day of publication, not the year the comparison starts from
