"""The gazetteer (content/places.yml): one place per spelling, towns under their oblast, Cyrillic names found."""

from __future__ import annotations

import pytest
import yaml
from stage_helpers import ROOT, make_article

from generator.events import group_articles_into_events
from generator.extract import extract_article
from generator.extract.language import language_for
from generator.extract.places import SPECIFICITY, fold_spelling

ENGLISH = language_for("en")

PLACES = yaml.safe_load((ROOT / "content" / "places.yml").read_text(encoding="utf-8"))["places"]

OBLASTS = [
    "Cherkasy region",
    "Chernihiv region",
    "Chernivtsi region",
    "Dnipropetrovsk region",
    "Donetsk region",
    "Ivano-Frankivsk region",
    "Kharkiv region",
    "Kherson region",
    "Khmelnytskyi region",
    "Kirovohrad region",
    "Kyiv region",
    "Luhansk region",
    "Lviv region",
    "Mykolaiv region",
    "Odesa region",
    "Poltava region",
    "Rivne region",
    "Sumy region",
    "Ternopil region",
    "Vinnytsia region",
    "Volyn region",
    "Zakarpattia region",
    "Zaporizhzhia region",
    "Zhytomyr region",
]


def names_in(gazetteer, text: str) -> list[str]:
    return [name for _, name in gazetteer.places_in(text, ENGLISH)]


# ------------------------------------------------------------ the file itself


def test_every_spelling_names_one_place():
    owner: dict[str, str] = {}
    clashes = []
    for entry in PLACES:
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            key = fold_spelling(str(alias))
            if owner.setdefault(key, entry["name"]) != entry["name"]:
                clashes.append(f"{alias!r}: {owner[key]} and {entry['name']}")
    assert clashes == []


def test_each_place_is_listed_once_with_a_known_kind_and_parent():
    names = [entry["name"] for entry in PLACES]
    assert len(names) == len(set(names))
    for entry in PLACES:
        assert entry.get("kind") in SPECIFICITY, entry["name"]
        assert entry.get("parent") is None or entry["parent"] in names, entry["name"]


def test_parents_are_never_more_specific_than_their_places():
    kind = {entry["name"]: entry["kind"] for entry in PLACES}
    for entry in PLACES:
        if entry.get("parent"):
            assert SPECIFICITY[kind[entry["parent"]]] >= SPECIFICITY[entry["kind"]], entry["name"]


def test_every_ukrainian_oblast_is_a_region_of_ukraine(gazetteer):
    for oblast in OBLASTS:
        place = gazetteer.places[oblast]
        assert (place.kind, place.parent) == ("region", "Ukraine"), oblast


# ------------------------------------------------------------ spellings


@pytest.mark.parametrize(
    ("one", "other", "place"),
    [
        ("Kremenchuk", "Kremenchug", "Kremenchuk"),
        ("Olenivka", "Yelenovka", "Olenivka"),
        ("Mykolaiv", "Nikolaev", "Mykolaiv"),
        ("Bakhmut", "Artyomovsk", "Bakhmut"),
        ("Kyiv", "Kiev", "Kyiv"),
        ("Dnipro", "Dnepr", "Dnipro"),
        ("Serhiivka", "Sergeyevka", "Serhiivka"),
        ("Chaplyne", "Chaplino", "Chaplyne"),
        ("Kryvyi Rih", "Krivoy Rog", "Kryvyi Rih"),
        ("Zaporizhzhia", "Zaporozhye", "Zaporizhzhia"),
        ("Pokrovsk", "Krasnoarmeysk", "Pokrovsk"),
        ("Enerhodar", "Energodar", "Enerhodar"),
    ],
)
def test_transliterations_are_one_place(gazetteer, one, other, place):
    assert names_in(gazetteer, f"Shells landed in {one} overnight.") == [place]
    assert names_in(gazetteer, f"Shells landed in {other} overnight.") == [place]


def test_oblast_spellings_name_the_region(gazetteer):
    for text in ("in the Kharkov region", "across Kharkiv Oblast", "in Kharkiv province"):
        assert names_in(gazetteer, text) == ["Kharkiv region"], text
    assert names_in(gazetteer, "in the Nikolayev region") == ["Mykolaiv region"]
    assert names_in(gazetteer, "in the Dnepropetrovsk region") == ["Dnipropetrovsk region"]


def test_a_town_lies_in_its_oblast(gazetteer):
    assert gazetteer.ancestors("Chaplyne") == ["Dnipropetrovsk region", "Ukraine"]
    assert gazetteer.ancestors("Serhiivka")[0] == "Odesa region"
    assert gazetteer.related("Okhtyrka", "Sumy region")
    assert gazetteer.related("Kremenchuk", "Poltava region")
    assert gazetteer.related("Sudzha", "Kursk region")
    assert not gazetteer.related("Kremenchuk", "Odesa region")


def test_a_site_lies_in_its_town(gazetteer):
    assert gazetteer.related("Zaporizhzhia nuclear power plant", "Enerhodar")
    assert gazetteer.related("Crimean Bridge", "Kerch Strait")
    assert names_in(gazetteer, "Traffic on the Kerch bridge stopped.") == ["Crimean Bridge"]


def test_events_at_sea_get_a_sea(gazetteer):
    assert names_in(gazetteer, "A tanker was hit in the Black Sea.") == ["Black Sea"]
    assert names_in(gazetteer, "Boats crossed the Sea of Azov.") == ["Sea of Azov"]
    assert names_in(gazetteer, "Troops landed on Zmiinyi Island.") == ["Snake Island"]


# ------------------------------------------------------------ Cyrillic


def test_cyrillic_names_and_their_case_forms(gazetteer):
    assert names_in(gazetteer, "Вибухи пролунали у Бєлгороді.") == ["Belgorod"]
    assert names_in(gazetteer, "Губернатор Бєлгородської області повідомив.") == ["Belgorod region"]
    assert names_in(gazetteer, "Взрывы прогремели в Белгороде.") == ["Belgorod"]
    assert names_in(gazetteer, "Удар по Кривому Рогу, ракета упала в Кривом Роге.") == ["Kryvyi Rih"] * 2
    assert names_in(gazetteer, "Ракета влучила в будинок у Сергіївці.") == ["Serhiivka"]
    assert names_in(gazetteer, "Удар по Сергеевке Одесской области.") == ["Serhiivka", "Odesa region"]
    assert names_in(gazetteer, "Тривога в Києві та Харкові.") == ["Kyiv", "Kharkiv"]


def test_a_cyrillic_common_noun_in_lower_case_is_no_place(gazetteer):
    assert names_in(gazetteer, "Уряд виділив великі суми на відновлення.") == []


# ------------------------------------------------------------ grouping


def test_two_spellings_of_one_town_group_into_one_event(registry, gazetteer):
    articles = [
        ("k1", "2022-06-28", "A missile hit a shopping centre in Kremenchuk on Monday. Officials said 18 died."),
        ("k2", "2022-06-28", "The ministry said a strike on Kremenchug on Monday hit an arms depot."),
    ]
    extractions = [extract_article(make_article(b, d, article_id=i), registry, gazetteer) for i, d, b in articles]
    assert [x.main.place for x in extractions] == ["Kremenchuk", "Kremenchuk"]
    _, article_event = group_articles_into_events(extractions, [], gazetteer)
    assert article_event["k1"] == article_event["k2"]


def test_a_village_and_its_oblast_group_into_one_event(registry, gazetteer):
    articles = [
        ("c1", "2022-08-25", "Rockets struck the railway station in Chaplino on Wednesday, killing 25 people."),
        ("c2", "2022-08-25", "A strike on a train station in the Dnipropetrovsk region on Wednesday killed 25."),
    ]
    extractions = [extract_article(make_article(b, d, article_id=i), registry, gazetteer) for i, d, b in articles]
    _, article_event = group_articles_into_events(extractions, [], gazetteer)
    assert article_event["c1"] == article_event["c2"]


def test_a_peninsula_is_an_area_and_a_bridge_lies_in_its_strait(registry, gazetteer):
    articles = [
        (
            "b1",
            "2022-10-09",
            "A blast on Saturday dropped a span of the road bridge into the Kerch Strait. The truck had come from "
            "the Taman peninsula, investigators said.",
        ),
        ("b2", "2022-10-09", "Three people died on the Crimean Bridge on Saturday, investigators said."),
    ]
    extractions = [extract_article(make_article(b, d, article_id=i), registry, gazetteer) for i, d, b in articles]
    assert gazetteer.places["Taman peninsula"].kind == "region"
    b1, b2 = (x.main.place for x in extractions)
    assert gazetteer.related(b1, b2), (b1, b2)  # the bridge lies in the strait: grouping may join the two


def test_names_and_ordinary_words_are_no_places(gazetteer):
    assert names_in(gazetteer, "Igor Zhovkva met Volodymyr Obukhov. Chop the onions; a world at peace, mir.") == []


def test_a_dam_lies_in_its_town(gazetteer):
    assert names_in(gazetteer, "A missile hit the Dnipro hydroelectric power plant.") == ["DniproHES"]
    assert gazetteer.related("DniproHES", "Zaporizhzhia region")
    assert gazetteer.related("Kakhovka dam", "Nova Kakhovka")


def test_an_acute_accent_for_an_apostrophe_names_the_same_place(gazetteer):
    found = [name for _, name in gazetteer.places_in("Shelling in the Donetsk People´s Republic continued.", ENGLISH)]
    assert found == [
        name for _, name in gazetteer.places_in("Shelling in the Donetsk People's Republic continued.", ENGLISH)
    ]
    assert found


# ------------------------------------------------------------ capitals that stand for their governments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crimea, which Moscow annexed in 2014, was quiet.", ["Crimea"]),  # what a government does
        ("Officials said Washington imposed new sanctions.", []),
        ("A hospital in Kyiv was hit overnight.", ["Kyiv"]),  # a place all the same
        ("Kyiv faced missile attacks hours later.", ["Kyiv"]),  # what the city went through
        ("Drones over Moscow crashed near an airport.", ["Moscow"]),
        ("Kyiv refused talks with Moscow on the grain deal.", []),  # whom a government deals with
        ("Congress voted to end normal trade with Moscow.", []),
        ("An adviser pointed the finger at Moscow for the blast.", []),  # whom a government blames
        ("The fines were meant to enforce penalties on Moscow.", []),
    ],
)
def test_a_capital_that_acts_as_a_government_is_no_place(gazetteer, text, expected):
    assert names_in(gazetteer, text) == expected
