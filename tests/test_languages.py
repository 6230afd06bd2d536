"""Ukrainian and Russian: language detection, figures, qualifiers, dates and claims from the rule tables.

The sentences are written for these tests.
"""

import re
from datetime import date

import pytest
from stage_helpers import make_article

from generator.extract import extract_article
from generator.extract.dates import find_dates
from generator.extract.figures import figures_in_text
from generator.extract.language import language_for
from generator.extract.sentences import split_sentences
from generator.rules import RULES_DIR, alternation, detect_language, rules_for


def figures(text: str, language: str):
    return [(f.kind, f.value, f.qualifier) for f in figures_in_text(text, 0, language_for(language), [])]


def dates(text: str, language: str, published: str = "2024-01-03"):
    sentences = split_sentences(text, language_for("en"))
    return [
        (d.text, d.value) for d in find_dates(sentences, text, date.fromisoformat(published), language_for(language))
    ]


def claims(body: str, language: str, registry, gazetteer, published: str = "2023-12-31"):
    x = extract_article(make_article(body, published, language), registry, gazetteer)
    return [(c.claimant, [(f.kind, f.value, f.qualifier) for f in c.figures]) for c in x.claims]


def test_ukrainian_and_russian_are_told_apart_by_their_own_common_words():
    uk = (
        "Губернатор повідомив, що внаслідок удару по місту загинули люди, а будинок, який стояв біля школи, зруйновано."
    )
    ru = "Губернатор сообщил, что в результате удара по городу погибли люди, а дом, который стоял у школы, разрушен."
    assert detect_language(uk) == "uk"
    assert detect_language(ru) == "ru"
    assert detect_language("The governor said that 24 people were killed in the strike.") == "en"


def test_a_table_exists_for_each_language():
    assert rules_for("uk").language == "uk"
    assert rules_for("ru").language == "ru"


@pytest.mark.parametrize("language", ["es", "uk", "ru"])
def test_every_table_has_the_same_keys_as_english(language):
    assert set(rules_for(language).table) == set(rules_for("en").table)


@pytest.mark.parametrize("language", ["en", "es", "uk", "ru"])
def test_no_table_repeats_a_key(language):
    # YAML keeps the last of two equal keys without a word: a repeated key would hide the first list
    keys = re.findall(r"^([a-z_]+):", (RULES_DIR / f"{language}.yml").read_text(encoding="utf-8"), re.M)
    assert [k for k in set(keys) if keys.count(k) > 1] == []


def test_ukrainian_governor_reports_killed_and_injured():
    text = "Губернатор області повідомив, що загинули 24 людини, ще 108 осіб дістали поранення."
    assert figures(text, "uk") == [("killed", 24, "exact"), ("injured", 108, "exact")]


def test_russian_emergency_service_reports_dead_and_injured():
    text = "ГСЧС сообщила, что погибли 20 человек, пострадали 38."
    assert figures(text, "ru") == [("killed", 20, "exact"), ("injured", 38, "exact")]


def test_kind_nouns_in_their_inflected_forms():
    assert figures("Унаслідок обстрілу є 22 загиблих і 15 поранених.", "uk") == [
        ("killed", 22, "exact"),
        ("injured", 15, "exact"),
    ]
    assert figures("По данным властей, 20 погибших и 38 раненых.", "ru") == [
        ("killed", 20, "exact"),
        ("injured", 38, "exact"),
    ]
    assert figures("Близько 50 осіб вважаються зниклими безвісти.", "uk") == [("missing", 50, "approx")]
    assert figures("Около 200 человек эвакуированы.", "ru") == [("displaced", 200, "approx")]


def test_number_words_inflected_collective_and_compound():
    assert figures("Загинули двадцять п'ять людей.", "uk") == [("killed", 25, "exact")]
    assert figures("Загинули двадцять п’ять людей.", "uk") == [("killed", 25, "exact")]
    assert figures("Загинули двадцять пʼять людей.", "uk") == [("killed", 25, "exact")]
    assert figures("Двоє дітей загинули, шестеро поранених.", "uk") == [("killed", 2, "exact"), ("injured", 6, "exact")]
    assert figures("Спасатели спасли троих детей.", "ru") == [("other", 3, "exact")]
    assert figures("Погибли сто двадцать человек.", "ru") == [("killed", 120, "exact")]


def test_an_apostrophe_inside_a_word_is_part_of_it():
    assert figures("Сім'ї загиблих отримають допомогу.", "uk") == []


def test_qualifiers():
    assert figures("Загинули щонайменше 12 людей, понад 40 поранені.", "uk") == [
        ("killed", 12, "at_least"),
        ("injured", 40, "at_least"),
    ]
    assert figures("Майже 300 людей евакуйовано.", "uk") == [("displaced", 300, "approx")]
    assert figures("Не менее 12 человек погибли, более 60 ранены.", "ru") == [
        ("killed", 12, "at_least"),
        ("injured", 60, "at_least"),
    ]
    assert figures("Свыше 30 человек пострадали, почти 10 погибли.", "ru") == [
        ("injured", 30, "at_least"),
        ("killed", 10, "approx"),
    ]


def test_the_verb_before_the_count_says_what_happened_to_them():
    assert figures("Внаслідок обстрілу загинули три людини і ще 12 дістали поранення.", "uk") == [
        ("killed", 3, "exact"),
        ("injured", 12, "exact"),
    ]
    assert figures("В результате обстрела погибли три человека и еще 12 получили ранения.", "ru") == [
        ("killed", 3, "exact"),
        ("injured", 12, "exact"),
    ]
    assert figures("Из-под завалов извлекли тела 15 человек.", "ru") == [("killed", 15, "exact")]


def test_the_object_before_the_verb_and_the_count():
    assert figures("Поранення дістали 12 людей.", "uk") == [("injured", 12, "exact")]
    assert figures("Ранения получили 12 человек.", "ru") == [("injured", 12, "exact")]
    assert figures("В плен попали 20 военных.", "ru") == [("captured", 20, "exact")]


def test_more_between_the_verb_and_the_number_hedges_nothing():
    assert figures("Загинули ще 2 людини.", "uk") == [("killed", 2, "exact")]
    assert figures("Погибли еще два человека.", "ru") == [("killed", 2, "exact")]


def test_a_toll_that_rose_to_a_number_is_exact():
    assert figures("Кількість загиблих зросла до 24 людей.", "uk") == [("killed", 24, "exact")]
    assert figures("Число погибших возросло до 20 человек.", "ru") == [("killed", 20, "exact")]


def test_missiles_and_drones():
    assert figures("Росіяни випустили три ракети і 20 дронів.", "uk") == [
        ("missiles", 3, "exact"),
        ("drones", 20, "exact"),
    ]
    assert figures("Военные выпустили три ракеты по району.", "ru") == [("missiles", 3, "exact")]
    assert figures("Противник запустил 40 беспилотников.", "ru") == [("drones", 40, "exact")]
    assert figures("Россия атаковала 12 ракетами и 20 беспилотниками.", "ru") == [
        ("missiles", 12, "exact"),
        ("drones", 20, "exact"),
    ]


def test_units_and_ages_are_not_counts():
    assert figures("На 5 поверсі загинула жінка.", "uk") == []
    assert figures("В больнице умер мужчина 57 лет.", "ru") == []


def test_day_and_month_in_the_genitive():
    assert dates("30 грудня у місті пролунали вибухи.", "uk") == [("30 грудня", "2023-12-30")]
    assert dates("30 декабря в городе прогремели взрывы.", "ru") == [("30 декабря", "2023-12-30")]


def test_weekday_in_the_accusative():
    # 3 January 2024 is a Wednesday: the Saturday before is 30 December
    assert dates("У суботу в місті пролунали вибухи.", "uk") == [("суботу", "2023-12-30")]
    assert dates("В субботу в городе прогремели взрывы.", "ru") == [("субботу", "2023-12-30")]


def test_weekday_in_the_genitive():
    # 3 January 2024 is a Wednesday: the Sunday before is 31 December
    assert dates("Минулої неділі ракета влучила в будинок.", "uk") == [("неділі", "2023-12-31")]
    assert dates("Обстрелы продолжаются с понедельника.", "ru") == [("понедельника", "2024-01-01")]


def test_a_weekday_with_its_date_is_the_date():
    assert dates("У суботу, 30 грудня, у місті пролунали вибухи.", "uk") == [("30 грудня", "2023-12-30")]


def test_relative_days():
    assert dates("Вчора ракета влучила в будинок.", "uk") == [("Вчора", "2024-01-02")]
    assert dates("Прошлой ночью ракета попала в дом.", "ru") == [("Прошлой ночью", "2024-01-02")]


def test_a_span_ago_counts_back_from_publication():
    assert dates("Три дні тому ракета влучила в будинок.", "uk") == [("Три дні тому", "2023-12-31")]
    assert dates("Два дня назад ракета попала в дом.", "ru") == [("Два дня назад", "2024-01-01")]


def test_a_stem_entry_matches_its_inflected_forms():
    pattern = re.compile(alternation(["обстріл*"]), re.I)
    assert [m.group(0) for m in pattern.finditer("Обстріли тривали; після обстрілу, під час обстрілів.")] == [
        "Обстріли",
        "обстрілу",
        "обстрілів",
    ]
    assert not pattern.search("переобстріляний")


def test_cyrillic_claimants_take_their_party(registry):
    assert registry.party_of("Державна служба з надзвичайних ситуацій України")[0] == "ukraine"
    assert registry.party_of("Минобороны России")[0] == "russia"
    assert registry.party_of("губернатор Бєлгородської області")[0] == "russia"
    assert registry.party_of("начальник городской военной администрации")[0] == "ukraine"
    assert registry.party_of("мера Кличка")[0] == "ukraine"
    assert registry.party_of("пресс-секретарь Кремля Дмитрий Песков")[0] == "russia"


def test_places_in_their_case_forms(gazetteer):
    assert [
        name for _, name in gazetteer.places_in("Удар по Кривому Рогу, жертви у Кривому Розі.", language_for("uk"))
    ] == [
        "Kryvyi Rih",
        "Kryvyi Rih",
    ]
    assert [
        name for _, name in gazetteer.places_in("Взрывы прогремели в Белгороде и Харькове.", language_for("ru"))
    ] == [
        "Belgorod",
        "Kharkiv",
    ]
    assert gazetteer.places_in("Удар по Белгород-Днестровскому району.", language_for("ru")) == []


def test_subject_before_the_reporting_verb_is_the_claimant(registry, gazetteer):
    body = "Губернатор Олег Синєгубов повідомив, що загинули 24 людини, ще 108 осіб дістали поранення."
    assert claims(body, "uk", registry, gazetteer) == [
        ("Губернатор Олег Синєгубов", [("killed", 24, "exact"), ("injured", 108, "exact")])
    ]


def test_according_to_phrases(registry, gazetteer):
    assert claims("За даними ДСНС, загинули 20 людей, постраждали 38.", "uk", registry, gazetteer) == [
        ("ДСНС", [("killed", 20, "exact"), ("injured", 38, "exact")])
    ]
    assert claims("Как сообщает ГСЧС, погибли 20 человек, пострадали 38.", "ru", registry, gazetteer) == [
        ("ГСЧС", [("killed", 20, "exact"), ("injured", 38, "exact")])
    ]


def test_the_main_event_date_is_the_day_of_the_explosions(registry, gazetteer):
    body = "У суботу, 30 грудня, внаслідок обстрілу загинули 24 людини."
    x = extract_article(make_article(body, "2023-12-31", "uk"), registry, gazetteer)
    assert x.main.date == "2023-12-30"


def test_cyrillic_sentences_are_split():
    assert len(split_sentences("Загинули 24 людини. Ще 108 осіб поранені.", language_for("uk"))) == 2


def test_the_pronoun_points_back_to_the_governor(registry, gazetteer):
    body = (
        "Губернатор Олег Синєгубов повідомив, що загинули 24 людини. Він також заявив, що 108 осіб дістали поранення."
    )
    assert claims(body, "uk", registry, gazetteer) == [
        ("Губернатор Олег Синєгубов", [("killed", 24, "exact")]),
        ("Губернатор Олег Синєгубов", [("injured", 108, "exact")]),
    ]


def test_subject_after_the_reporting_verb_is_the_claimant(registry, gazetteer):
    body = "«Погибли 20 человек», - написал глава администрации."
    assert claims(body, "ru", registry, gazetteer) == [("глава администрации", [("killed", 20, "exact")])]


def test_a_conjunction_ends_the_verb_window():
    assert figures("5 человек ранены и 2 погибли.", "ru") == [("injured", 5, "exact"), ("killed", 2, "exact")]


def test_thousands_separated_by_a_space():
    assert figures("1 200 людей евакуйовано.", "uk") == [("displaced", 1200, "exact")]


def test_an_age_with_a_hyphen_is_not_a_count():
    assert figures("57-річний чоловік загинув.", "uk") == []
    assert figures("57-летний мужчина погиб.", "ru") == []
    assert figures("A 57-year-old man and 3 others were killed.", "en") == [("killed", 3, "exact")]


def test_ranges():
    assert figures("Погибли от 10 до 15 человек.", "ru") == [("killed", (10, 15), "range")]
    assert figures("Загинули 10-15 людей.", "uk") == [("killed", (10, 15), "range")]
    assert figures("The strike killed from 10 to 15 people.", "en") == [("killed", (10, 15), "range")]
    assert figures("MiG-29 jets killed 4 people.", "en") == [("killed", 4, "exact")]


def test_up_to_is_at_most():
    assert figures("Росія випустила до 20 ракет.", "uk") == [("missiles", 20, "at_most")]
    assert figures("Кількість загиблих зросла до 20 людей.", "uk") == [("killed", 20, "exact")]
    assert figures("Россия выпустила до 20 ракет.", "ru") == [("missiles", 20, "at_most")]


def test_a_quotation_over_two_sentences_belongs_to_who_wrote_it(registry, gazetteer):
    body = "«На жаль, кількість загиблих зросла до 20 людей. Лікарі роблять усе можливе», — написав голова ОВА."
    assert claims(body, "uk", registry, gazetteer) == [("голова ОВА", [("killed", 20, "exact")])]


def test_a_time_before_the_subject_is_not_part_of_it(registry, gazetteer):
    body = "Станом на 6 годину ранку губернатор Олег Синєгубов повідомляв про 22 загиблих."
    assert claims(body, "uk", registry, gazetteer) == [("губернатор Олег Синєгубов", [("killed", 22, "exact")])]


def test_a_year_after_its_preposition():
    assert dates("У 2022 році ракета влучила в будинок.", "uk") == [("2022", "2022")]
    assert dates("В 2022 году ракета попала в дом.", "ru") == [("2022", "2022")]


def test_a_month_in_the_locative():
    assert dates("У грудні 2023 року ракета влучила в будинок.", "uk") == [("грудні 2023", "2023-12")]
    assert dates("В декабре 2023 года ракета попала в дом.", "ru") == [("декабре 2023", "2023-12")]
