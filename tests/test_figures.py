from generator.extract.figures import figures_in_text
from generator.extract.language import language_for


def figures(text: str, language: str = "en"):
    return [(f.kind, f.value, f.qualifier) for f in figures_in_text(text, 0, language_for(language), [])]


def test_digits_words_and_qualifiers():
    assert figures("Moscow confirmed the death of 63 of its soldiers.") == [("killed", 63, "exact")]
    assert figures("Officials indicate around 400 deaths.") == [("killed", 400, "approx")]
    assert figures("It led to the death of at least 400 Russian soldiers.") == [("killed", 400, "at_least")]
    assert figures("Nineteen people were killed and 105 injured.") == [
        ("killed", 19, "exact"),
        ("injured", 105, "exact"),
    ]
    assert figures("Up to 600 may have been killed.") == [("killed", 600, "at_most")]


def test_a_qualifier_covers_only_the_figure_it_precedes():
    assert figures("At least nine were killed and 16 injured.") == [("killed", 9, "at_least"), ("injured", 16, "exact")]


def test_ranges():
    assert figures("Between five and seven more people could still be buried.") == [("missing", (5, 7), "range")]


def test_missiles_drones_and_unnamed_fired_things():
    assert figures("The assault used four Himars missiles.") == [("missiles", 4, "exact")]
    assert figures("Staff counted 84 cruise missiles and 24 attack drones.") == [
        ("missiles", 84, "exact"),
        ("drones", 24, "exact"),
    ]
    assert figures("The administration said 25 rockers were fired towards the region.") == [("missiles", 25, "exact")]


def test_soldiers_and_civilians_in_one_sentence_are_two_figures():
    assert figures("12 soldiers and 30 civilians were killed.") == [("killed", 12, "exact"), ("killed", 30, "exact")]
    assert figures("Shelling killed 12 soldiers and wounded 30 civilians.") == [
        ("killed", 12, "exact"),
        ("injured", 30, "exact"),
    ]


def test_tolls_named_before_the_number():
    assert figures("Kyiv puts the death toll at 52.") == [("killed", 52, "exact")]
    assert figures("The number of people killed in Friday's strike has risen to 30.") == [("killed", 30, "exact")]
    assert figures("He put the number of dead at 14 and the number of injured at 97.") == [
        ("killed", 14, "exact"),
        ("injured", 97, "exact"),
    ]


def test_vague_amounts_ages_units_and_times_are_not_figures():
    assert figures("Dozens of villagers were killed; millions lost power.") == []
    assert figures("A six-year-old boy and a 14-year-old girl were hurt at 6:07 a.m.") == []
    assert figures("The 19-kilometre bridge and 22 tonnes of explosives.") == []
    assert figures("Forensic teams worked for six days; the men, aged 30 and 23, fled.") == []
    assert figures("Three S-300 missiles struck.") == [("missiles", 3, "exact")]


def test_equipment_is_not_a_launch():
    assert figures("The package includes 300 Multi Launch Rocket Systems.") == []
    assert figures("It has 122- or 152-millimeter artillery shells.") == []


def test_the_verb_before_says_what_happened():
    assert figures("The bombing killed 50 prisoners.") == [("killed", 50, "exact")]


def test_one_of_is_no_count():
    assert figures("One of his associates was injured.") == []


def test_spanish_figures():
    assert figures("La explosión mató a tres personas.", "es") == [("killed", 3, "exact")]
    assert figures("Al menos 13 personas murieron y 87 resultaron heridas.", "es") == [
        ("killed", 13, "at_least"),
        ("injured", 87, "exact"),
    ]
    assert figures("Habían caído doce misiles.", "es") == [("missiles", 12, "exact")]


def test_the_nearest_noun_decides_what_was_counted():
    assert figures("Officials report eight killed in missile attack") == [("killed", 8, "exact")]


def test_an_aside_between_a_count_and_its_verb():
    assert figures("At least 21 people, including three children, have died.")[0] == ("killed", 21, "at_least")
    assert figures("Ninety people, including 10 children, sought medical help.")[0] == ("injured", 90, "exact")


def test_hyphenated_and_compound_number_words():
    assert figures("Thirty-eight injured in the attack") == [("injured", 38, "exact")]
    assert figures("two hundred and fifty soldiers were killed") == [("killed", 250, "exact")]
    assert figures("An eight-month-old baby was injured.") == []
    assert figures("five and six people were injured") != [("injured", 11, "exact")]


def test_dozen_plus_and_all():
    assert figures("The blast wounded more than two dozen others.") == [("injured", 24, "at_least")]
    assert figures("Moscow claimed 200+ reservists were killed.") == [("killed", 200, "at_least")]
    assert figures("the crash that killed all 74 people onboard") == [("killed", 74, "exact")]


def test_toll_verbs_and_the_nearest_toll_subject():
    assert figures("The death toll was at three, and the injury toll rose to 25.") == [
        ("killed", 3, "exact"),
        ("injured", 25, "exact"),
    ]
    assert figures("The number of people killed had increased to 25 people.") == [("killed", 25, "exact")]


def test_people_only_kill_verbs():
    assert figures("more than 200 reservists were destroyed on their way") == [("killed", 200, "at_least")]
    assert figures("10 tanks were destroyed") == []
    assert figures("eliminating 60 Ukrainian troops") == [("killed", 60, "exact")]


def test_one_verb_for_a_list_of_counts_but_not_into_an_aside():
    assert figures("Two generals, up to 50 officers and 20 advisers were killed.") == [
        ("killed", 2, "exact"),
        ("killed", 50, "at_most"),
        ("killed", 20, "exact"),
    ]
    assert ("injured", 9, "exact") not in figures(
        "18 were killed, including nine children, and 56 people were wounded."
    )


def test_about_after_a_reporting_word_is_a_preposition():
    assert figures("Earlier it was reported about two killed.") == [("killed", 2, "exact")]
    assert figures("As many as 12 people were killed.") == [("killed", 12, "at_most")]
    assert figures("Three children under 10 were among the dead.") == [("killed", 3, "exact")]


def test_toll_idioms_and_displacement():
    assert figures("The strike claimed 12 lives.") == [("killed", 12, "exact")]
    assert figures("The fate of 30 people is unknown.") == [("missing", 30, "exact")]
    assert figures("About 2,000 residents left the area.") == [("displaced", 2000, "approx")]
    assert figures("150 people were placed in shelters.") == [("displaced", 150, "exact")]


def test_thousands_with_spaces_and_scale_words():
    assert figures("Up to 12 000 people were evacuated.") == [("displaced", 12000, "at_most")]
    assert figures("The war has displaced 2 million people.") == [("displaced", 2000000, "exact")]


def test_what_happened_outranks_what_they_were():
    assert figures("65 Ukrainian prisoners of war were killed") == [("killed", 65, "exact")]
    assert figures("Three of the injured died in hospital.") == [("killed", 3, "exact")]
    assert figures("No one was injured.") == []
    assert figures("30 soldiers, 20 of which were killed") == [("killed", 20, "exact")]
