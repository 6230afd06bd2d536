from generator.figures import figures_in_text


def figures(text: str, language: str = "en"):
    return [(f.kind, f.value, f.qualifier) for f in figures_in_text(text, 0, language, [])]


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
