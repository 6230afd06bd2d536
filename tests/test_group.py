from stage_helpers import make_article

from generator.compare import compare_sources, discrepancies_in
from generator.extract import extract_article
from generator.group import group_articles_into_events
from generator.model import Override
from generator.render.summary import event_summary


def extract(registry, gazetteer, *articles):
    return [
        extract_article(make_article(body, day, article_id=aid), registry, gazetteer) for aid, day, body in articles
    ]


ARTICLES = [
    ("a1", "2023-01-02", "A strike on January 2 hit barracks in Makiivka. Moscow said 63 soldiers were killed."),
    (
        "a2",
        "2023-01-02",
        "Ukraine said at least 400 soldiers were killed when missiles hit a building in Makiivka on "
        "January 1. The Donetsk administration said 25 rockets were fired on New Year's Eve at "
        "Donetsk.",
    ),
    ("b1", "2023-01-02", "A drone attack on January 1 hit Odesa. Officials said 2 people were injured."),
]


def test_same_place_and_close_dates_group_into_one_event(registry, gazetteer):
    events, article_event = group_articles_into_events(extract(registry, gazetteer, *ARTICLES), [], gazetteer)
    assert article_event["a1"] == article_event["a2"] != article_event["b1"]
    makiivka = next(e for e in events if e.id == article_event["a1"])
    assert makiivka.date_reported == {"2023-01-01": ["a2"], "2023-01-02": ["a1"]}
    assert makiivka.date == "2023-01-01"  # a tie goes to the earlier date
    assert makiivka.place == "Makiivka"


def test_mentions_become_their_own_events_and_link_back(registry, gazetteer):
    events, article_event = group_articles_into_events(extract(registry, gazetteer, *ARTICLES), [], gazetteer)
    rockets = next(e for e in events if e.date == "2022-12-31")
    assert "a2" in rockets.articles and rockets.main_articles == ()
    assert [f.value for c in rockets.claims for f in c.figures] == [25]


def test_override_separates_and_retitles(registry, gazetteer):
    overrides = [
        Override(("a2",), "content/events.yml", 2, separate=True),
        Override(("a1",), "content/events.yml", 4, title="Strike on barracks", id="makiivka-strike"),
    ]
    events, article_event = group_articles_into_events(extract(registry, gazetteer, *ARTICLES), overrides, gazetteer)
    assert article_event["a1"] == "makiivka-strike" != article_event["a2"]
    assert next(e for e in events if e.id == "makiivka-strike").title == "Strike on barracks"


def test_override_merges_whole_events_and_redates(registry, gazetteer):
    overrides = [Override(("a1", "b1"), "content/events.yml", 2, date="2023-01")]
    events, article_event = group_articles_into_events(extract(registry, gazetteer, *ARTICLES), overrides, gazetteer)
    assert article_event["a1"] == article_event["a2"] == article_event["b1"]
    event = next(e for e in events if e.id == article_event["a1"])
    assert (event.date, event.date_precision) == ("2023-01", "month")


def test_discrepancy_names_each_partys_values(registry, gazetteer):
    events, _ = group_articles_into_events(extract(registry, gazetteer, *ARTICLES), [], gazetteer)
    events = compare_sources(events)
    makiivka = next(e for e in events if "a1" in e.main_articles)
    (killed,) = makiivka.discrepancies
    assert killed.kind == "killed" and killed.values == {"russia": [63], "ukraine": [400]}
    summary = event_summary(makiivka, registry.party_labels)
    assert "63" in summary and "400" in summary


def test_no_discrepancy_when_sources_agree(registry, gazetteer):
    x = extract(
        registry,
        gazetteer,
        (
            "c1",
            "2022-10-08",
            "Russia's Investigative Committee said three people were killed on the Kerch bridge on Saturday.",
        ),
        ("c2", "2022-10-09", "Investigators said three people were killed on the Crimean Bridge on Saturday."),
    )
    assert discrepancies_in(tuple(c for e in x for c in e.claims)) == []
