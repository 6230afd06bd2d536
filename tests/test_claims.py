from stage_helpers import make_article

from generator.extract import extract_article


def claims(body: str, registry, gazetteer, published: str = "2023-01-02", language: str = "en"):
    x = extract_article(make_article(body, published, language), registry, gazetteer)
    return [(c.claimant, c.party, [(f.kind, f.value) for f in c.figures]) for c in x.claims]


def test_subject_of_reporting_verb_is_the_claimant(registry, gazetteer):
    found = claims(
        "In an unusual admission, Russia's Defense Ministry said 63 of its servicemen were killed.", registry, gazetteer
    )
    assert found == [("Russia's Defense Ministry", "russia", [("killed", 63)])]


def test_trailing_attribution_and_apposition(registry, gazetteer):
    found = claims(
        "Nineteen people were killed in the strikes, the State Emergency Service said on Tuesday.", registry, gazetteer
    )
    assert found == [("the State Emergency Service", "ukraine", [("killed", 19)])]
    found = claims(
        "Rostyslav Smirnov, an adviser to the interior minister, said eight people had been killed.",
        registry,
        gazetteer,
    )
    assert found[0][0].startswith("Rostyslav Smirnov") and found[0][1] == "ukraine"


def test_clauses_split_attribution(registry, gazetteer):
    found = claims(
        "Moscow confirmed the death of 63 soldiers, while Ukrainian officials indicate around 400 deaths.",
        registry,
        gazetteer,
    )
    assert found == [("Moscow", "russia", [("killed", 63)]), ("Ukrainian officials", "ukraine", [("killed", 400)])]


def test_semicolon_keeps_the_outlets_own_figure(registry, gazetteer):
    found = claims(
        "Russia fired more than 20 cruise missiles; the commander, Valerii Zaluzhnyi, said 12 were shot "
        "down. Mayor Vitali Klitschko said one man was killed.",
        registry,
        gazetteer,
    )
    assert (None, "other", [("missiles", 20)]) in found
    assert ("Mayor Vitali Klitschko", "ukraine", [("killed", 1)]) in found


def test_according_to_and_version(registry, gazetteer):
    found = claims(
        "According to the Moscow version, the assault was perpetrated with four Himars missiles.", registry, gazetteer
    )
    assert found[0][1] == "russia" and found[0][2] == [("missiles", 4)]
    found = claims(
        "According to Ukrainian authorities, three S-300 missiles struck near a market.", registry, gazetteer
    )
    assert found == [("Ukrainian authorities", "ukraine", [("missiles", 3)])]


def test_pronouns_point_back_to_the_last_claimant(registry, gazetteer):
    found = claims(
        "Russian Ministry of Defense confirmed the strike. As of now it reported the death of 63 soldiers.",
        registry,
        gazetteer,
    )
    assert found == [("Russian Ministry of Defense", "russia", [("killed", 63)])]


def test_definite_head_resolves_to_earlier_actor(registry, gazetteer):
    found = claims(
        "Russia's defence ministry said its troops had pulled out of Lyman. The ministry claimed that more "
        "than 200 Ukrainian soldiers had been killed.",
        registry,
        gazetteer,
    )
    assert found[0][1] == "russia"


def test_unattributed_figure_is_the_outlets_own(registry, gazetteer):
    assert claims("That day, at least 19 people were killed across the country.", registry, gazetteer) == [
        (None, "other", [("killed", 19)])
    ]


def test_outlet_recap_of_an_attributed_figure_is_dropped(registry, gazetteer):
    found = claims(
        "Ukraine claimed 400 soldiers were killed. The strike killed 400 soldiers, a record.", registry, gazetteer
    )
    assert found == [("Ukraine", "ukraine", [("killed", 400)])]


def test_passive_reported_is_not_an_attribution(registry, gazetteer):
    found = claims("Explosions were reported in Lviv, where 5 people were killed.", registry, gazetteer)
    assert found == [(None, "other", [("killed", 5)])]


def test_nouns_that_look_like_verbs(registry, gazetteer):
    found = claims("Whilst reports vary, Moscow has killed around 500 soldiers.", registry, gazetteer)
    assert found[0][0] is None


def test_spanish_attribution(registry, gazetteer):
    found = claims(
        "Según el Comité de Investigación, la explosión mató a tres personas.", registry, gazetteer, "2022-10-09", "es"
    )
    assert found == [("el Comité de Investigación", "russia", [("killed", 3)])]


def test_a_claimant_must_name_someone(registry, gazetteer):
    assert claims("By this point left the city said 12 people were killed.", registry, gazetteer)[0][0] is None
    assert claims("We said 12 people were killed.", registry, gazetteer)[0][0] is None
    found = claims("Devastating losses said 12 people were killed.", registry, gazetteer)
    assert found[0][0] is None


def test_russian_regions_mark_the_russian_side(registry, gazetteer):
    found = claims("The governor of the Belgorod region said 3 people were injured.", registry, gazetteer)
    assert found[0][1] == "russia"
    found = claims("Officials including President Volodymyr Zelensky said 10 people were killed.", registry, gazetteer)
    assert found[0][1] == "ukraine"
