import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from stage_helpers import make_article

from generator.cache_codec import state_from_data, state_to_data
from generator.compare import compare_sources, discrepancies_in
from generator.events import group_again, group_articles_into_events
from generator.events.cluster import (
    HEADLINE_SIMILARITY,
    ONE_ATTACK_SIMILARITY,
    QUIET_PLACE_ONE_LANGUAGE,
    ROOT_SIMILARITY,
    SAME_PLACE_SIMILARITY,
    SIMILARITY,
    STRONG_SIMILARITY,
    cluster_main_events,
)
from generator.events.cluster_reading import SPEAKER_SIMILARITY
from generator.events.readings import speakers_quoted, unnamed_briefer
from generator.events.reports import happening_kinds
from generator.events.similarity import Vocabulary
from generator.extract import extract_article
from generator.model import Article, EventCandidate, Extraction, Override
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


def test_a_passing_mention_without_a_matching_event_stays_a_reference(registry, gazetteer):
    events, article_event, _, references, _ = group_again(extract(registry, gazetteer, *ARTICLES), [], gazetteer)
    assert not [e for e in events if e.date == "2022-12-31"]  # the rockets on Donetsk are only mentioned
    assert [m.date for m in references["a2"]] == ["2022-12-31"]
    assert all(a in e.main_articles for e in events for a in e.articles)


def test_a_mention_links_to_the_event_it_names_but_is_not_a_source(registry, gazetteer):
    later = (
        "c1",
        "2023-01-05",
        "A missile strike hit Kharkiv on Thursday, January 5, killing two. Kharkiv was hit four days after the "
        "drone attack on Odesa on January 1.",
    )
    events, article_event, _, _, _ = group_again(extract(registry, gazetteer, *ARTICLES, later), [], gazetteer)
    odesa = next(e for e in events if e.id == article_event["b1"])
    assert "c1" in odesa.articles and "c1" not in odesa.main_articles
    assert all("c1" not in ids for ids in odesa.date_reported.values())  # the dates are the sources' alone


def test_a_curated_entry_is_an_event_that_mentions_link_to(registry, gazetteer):
    curated = Override((), "content/events.yml", 3, title="Russia invades Ukraine", date="2022-02-24")
    recall = ("d1", "2023-01-05", "Russia invaded Ukraine on February 24, 2022. A drone attack hit Odesa on January 4.")
    events, _ = group_articles_into_events(extract(registry, gazetteer, *ARTICLES, recall), [curated], gazetteer)
    invasion = next(e for e in events if e.curated)
    assert (invasion.title, invasion.date, invasion.main_articles) == ("Russia invades Ukraine", "2022-02-24", ())
    assert "d1" in invasion.articles


def test_a_vague_mention_links_to_a_curated_event_by_one_word(registry, gazetteer):
    curated = Override((), "content/events.yml", 3, title="Russia invades Ukraine", date="2022-02-24")
    recall = ("d1", "2022-08-24", "A rocket hit Chaplyne on Wednesday, six months into the invasion.")
    other = ("d2", "2022-08-24", "A rocket hit Chaplyne on Wednesday, six months into the harvest season.")
    events, _ = group_articles_into_events(extract(registry, gazetteer, recall, other), [curated], gazetteer)
    invasion = next(e for e in events if e.curated)
    assert "d1" in invasion.articles and "d2" not in invasion.articles


def _headed(registry, gazetteer, *articles):
    return [
        extract_article(make_article(body, day, article_id=aid, title=title), registry, gazetteer)
        for aid, day, title, body in articles
    ]


def test_headlines_that_name_one_happening_join_though_their_leads_differ(registry, gazetteer):
    articles = _headed(
        registry,
        gazetteer,
        (
            "s1",
            "2022-04-06",
            "US targets Putin's adult daughters in new sanctions",
            "The Treasury listed two women on Wednesday, freezing accounts held through intermediaries abroad, "
            "while officials said further measures against banks, energy exporters, shipping insurers and "
            "defence contractors would follow soon; lawmakers from both parties welcomed the step, urging tighter "
            "enforcement, more investigators, faster asset seizures and closer cooperation with customs agencies. "
            "Treasury lawyers drafted licences allowing humanitarian shipments, pharmaceuticals and agricultural "
            "machinery to keep flowing. Compliance departments at regional lenders began reviewing correspondent "
            "accounts, wire transfers and dormant trusts registered in Cyprus, Malta, Dubai and the Caymans.",
        ),
        (
            "s2",
            "2022-04-06",
            "Putin's daughters targeted by US sanctions",
            "Britain's foreign office reacted within hours, pledging coordinated action with European partners, "
            "whereas analysts expected little effect on Kremlin finances because fortunes sit behind relatives, "
            "trusts, offshore vehicles and friendly bankers; one researcher described the move as symbolic "
            "pressure timed before a summit in Brussels where ministers will debate coal and oil embargoes. "
            "Opposition politicians in London demanded matching listings for relatives of other oligarchs. "
            "Journalists recalled earlier reporting about villas, yachts, ballet schools and a foundation run "
            "by one sister, whose biographies Moscow never officially confirmed.",
        ),
        (
            "k1",
            "2022-04-06",
            "Russian missile strike kills five in Kharkiv",
            "Rescuers in Kharkiv searched collapsed classrooms throughout the night as relatives gathered outside "
            "the gates, firefighters needed nine hours to extinguish flames across the neighbourhood, and teachers "
            "recalled moving lessons online weeks earlier after sirens sounded daily above the eastern suburbs.",
        ),
        (
            "k2",
            "2022-04-06",
            "Russian missile strike kills five in Odesa",
            "A grain warehouse burned beside the Odesa harbour while dockworkers sheltered underground, shipping "
            "companies paused loading operations until inspectors checked every berth, and insurers warned that "
            "premiums for vessels calling at Black Sea terminals could climb again before the summer harvest.",
        ),
    )
    vocabulary = Vocabulary(articles)
    assert vocabulary.headline_cosine("s1", "s2") >= HEADLINE_SIMILARITY
    assert vocabulary.cosine("s1", "s2") < SIMILARITY  # the whole leads alone would keep them apart
    _, article_event = group_articles_into_events(articles, [], gazetteer)
    assert article_event["s1"] == article_event["s2"]
    assert vocabulary.headline_cosine("k1", "k2") >= HEADLINE_SIMILARITY
    assert vocabulary.cosine("k1", "k2") < STRONG_SIMILARITY
    assert article_event["k1"] != article_event["k2"]  # close headlines, two towns: two strikes


def _made(article_id: str, lead: str, place: str, language: str = "en", day: date = date(2022, 8, 24)) -> Extraction:
    article = Article(article_id, f"{article_id}.md", day, lead, None, None, language, lead, title_from_text=True)
    return Extraction(article, lead, (), EventCandidate(day.isoformat(), "day", place, lead, 0, True), ())


def _headlined(article_id: str, headline: str, lead: str, place: str | None, day: date = date(2022, 8, 24)):
    """`_made` with a headline of its own."""
    x = _made(article_id, lead, place, day=day)
    return replace(x, article=replace(x.article, title=headline, title_from_text=False))


def test_one_quiet_town_in_one_language_needs_a_rare_word_in_common(gazetteer):
    common = "Russian forces said Ukraine officials reported the war news on Wednesday"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]  # the common words are common
    same_language = [
        _made("t1", f"{common} as rockets hit the railway station in Chaplyne", "Chaplyne"),
        _made("t2", f"{common} as lawmakers debated the border", "Chaplyne"),  # the town only further down
        _made("t3", f"{common} as rockets hit the railway station in Chaplyne", "Chaplyne"),
    ]
    clusters, _ = cluster_main_events(crowd + same_language, gazetteer)
    assert {"t1", "t3"} in clusters and {"t2"} in clusters
    two_languages = [same_language[0], _made("t4", "Ракети влучили в залізничну станцію в Чаплиному", "Chaplyne", "uk")]
    clusters, _ = cluster_main_events(crowd + two_languages, gazetteer)
    assert {"t1", "t4"} in clusters  # nothing in common but the town, the day and the kind


def test_in_one_language_one_shared_name_at_a_quiet_town_is_not_enough(gazetteer):
    """A piece on something else that names the day's strike town in its lead (an arms purchase, a summit) is
    placed there too; in one language, a report of the strike must share more with it than one name."""
    common = "Russian forces said Ukraine officials reported the war news on Wednesday"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]
    reports = [
        _made(
            "m1", "Missiles hit a crowded shopping mall in Kremenchuk, killing sixteen shoppers and staff", "Kremenchuk"
        ),
        _made(
            "m2", "Rescuers pulled survivors from the burning Kremenchuk shopping mall after the missiles", "Kremenchuk"
        ),
        _made(
            "p1",
            "Allies agreed to purchase advanced air defence batteries for Kremenchuk and other cities, "
            "ministers announced after a summit on budgets, tariffs, pensions, fisheries, railways, vaccines, "
            "satellites, fertiliser prices and grain exports. Delegations from Canada, Norway and Japan signed "
            "memoranda on shipbuilding, hydrogen research, customs software and veterans' healthcare",
            "Kremenchuk",
        ),
    ]
    clusters, _ = cluster_main_events(crowd + reports, gazetteer)
    vocabulary = Vocabulary(crowd + reports)
    assert 0 < vocabulary.cosine("m1", "p1") < QUIET_PLACE_ONE_LANGUAGE  # they share the town's name, little else
    assert {"m1", "m2"} in clusters and {"p1"} in clusters
    headlined = replace(reports[2], article=replace(reports[2].article, title="Kremenchuk mall", title_from_text=False))
    clusters, _ = cluster_main_events([*crowd, *reports[:2], headlined], gazetteer)
    assert {"m1", "m2", "p1"} in clusters  # a headline that names the town says the piece is about its happening


def test_a_link_must_hold_against_the_first_report_in_kind_too(gazetteer):
    """A piece that names no kind of happening joins a strike's reports; a weapons announcement alike with it, but
    of another kind than the strike's first report, is another happening and does not chain in through it."""
    common = "Russian forces said Ukraine officials reported the war news on Wednesday"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]
    first = _made("s1", "Rockets hit the railway station in Chaplyne, the governor said", "Chaplyne")
    scene = _made(
        "s2", "Burnt-out cars and debris at the railway station in Chaplyne. Britain will send weapons", "Chaplyne"
    )
    weapons = _made("w1", "Britain will send weapons after the debris at the railway station in Chaplyne", "Chaplyne")
    kinds = {x.article.id: happening_kinds(x.article, x.lead) for x in (first, scene, weapons)}
    assert kinds["s1"] and not kinds["s2"] and kinds["w1"] and not kinds["s1"] & kinds["w1"]
    clusters, _ = cluster_main_events([*crowd, first, scene, weapons], gazetteer)
    assert {"s1", "s2"} in clusters and {"w1"} in clusters


def test_a_report_joins_the_closest_of_two_happenings_it_could_join(gazetteer):
    """Two happenings of one day at one hub; a report alike enough with either joins the one it is closest to,
    not the one whose report happens to come first."""
    common = "Russian forces said Ukraine officials reported the war news on Wednesday"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]
    crowd += [_made(f"h{n:02d}", f"{common} ({n})", "Kyiv", day=date(2022, 6, 1) + timedelta(n)) for n in range(40)]
    first = _made("a1", "Engineers restored water pipes and heating at a power station in Kyiv", "Kyiv")
    second = _made("a2", "Missiles struck a crowded railway depot in Kyiv, killing eleven commuters", "Kyiv")
    report = _made("b1", "Missiles struck a crowded railway depot in Kyiv as engineers restored water pipes", "Kyiv")
    vocabulary = Vocabulary([*crowd, first, second, report])
    assert SAME_PLACE_SIMILARITY <= vocabulary.cosine("a1", "b1") < vocabulary.cosine("a2", "b1")
    assert vocabulary.cosine("a1", "a2") < ROOT_SIMILARITY  # the two happenings cannot become one
    clusters, _ = cluster_main_events([*crowd, first, second, report], gazetteer)
    assert {"a2", "b1"} in clusters and {"a1"} in clusters


def test_a_report_days_later_joins_only_when_its_headline_names_the_place(gazetteer):
    """A piece published days or weeks after a strike, dated by the strike its lede recalls, is news of something
    else (a visit, a claim) unless its headline names where the strike was (a toll's update, a trial); the next
    day's reaction is part of the strike's news."""
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]
    strike = "rockets hit the railway station in Chaplyne, killing 22 people waiting for the evening train"
    first = _made("s1", f"Rockets hit the railway station in Chaplyne. {strike}", "Chaplyne")

    def later(article_id: str, headline: str, published: date = date(2022, 9, 14)) -> Extraction:
        x = _made(article_id, f"{headline}. A visitor met children hurt when {strike}", "Chaplyne")
        return replace(x, article=replace(x.article, date=published, title=headline, title_from_text=False))

    visit = later("v1", "Actress visits children hurt in rocket strike")
    toll = later("t1", "Toll of Chaplyne rocket strike rises")
    days_on = later("v2", "Minister visits children hurt in rocket strike", date(2022, 8, 28))  # four days on
    next_day = later("s2", "Minister visits children hurt in rocket strike", date(2022, 8, 25))
    clusters, _ = cluster_main_events([*crowd, first, visit, toll, days_on, next_day], gazetteer)
    assert {"s1", "s2", "t1"} in clusters and {"v1"} in clusters and {"v2"} in clusters


def test_a_cluster_keeps_its_first_days_root_so_a_story_cannot_run_on_day_after_day(gazetteer):
    """A report of the 18th joins a cluster of the 17th and then one of its own day: the two become one, rooted on
    the 17th, and a report of the 19th, alike only with the 18th's, is another day's happening."""
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, None) for n in range(300)]
    told = [  # (id, what happened, day of May)
        ("a1", "Leaders of Finland will meet the president at the White House", 17),
        ("b0", "Finland and Sweden file their applications to join the alliance in Brussels", 18),
        ("b1", "Leaders of Finland and Sweden file applications and will meet the president at the White House", 18),
        ("c1", "Finland and Sweden applications to join the alliance face a veto from Turkey in Brussels", 19),
    ]
    reports = [_made(i, what, None, day=date(2022, 5, day)) for i, what, day in told]
    vocabulary = Vocabulary(crowd + reports)
    assert ROOT_SIMILARITY <= vocabulary.cosine("a1", "b0") < SIMILARITY <= vocabulary.cosine("b0", "c1")
    clusters, _ = cluster_main_events(crowd + reports, gazetteer)
    assert {"a1", "b0", "b1"} in clusters and {"c1"} in clusters


def test_two_sayings_of_one_day_quoting_one_person_named_in_full_are_one_speech(gazetteer):
    """Two pieces of one speech, each on its own point: alike in little but the speaker, who is named in full.
    The same words from another person, or from officials unnamed, are not known to be that speech."""
    common = "Russian forces said Ukraine officials reported the war news on Wednesday"
    crowd = [_made(f"c{n:03d}", common, None) for n in range(300)]

    def said(article_id: str, headline: str, lead: str) -> Extraction:
        return _headlined(article_id, headline, lead, None)

    first = said(
        "s1",
        "Slow pace of operation meant to protect civilians – Moscow",
        "The campaign is progressing as intended, Defense Minister Sergey Shoigu has said at a security forum in "
        "Tashkent.",
    )
    second = "Kyiv's troops target infrastructure, {} have said, calling its units terrorists in Tashkent."
    headline = "Kyiv uses scorched earth tactics – Moscow"
    same = said("s2", headline, second.format("Defense Minister Sergey Shoigu"))
    other = said("s3", headline, second.format("Foreign Minister Sergei Lavrov"))
    unnamed = said("s4", headline, second.format("defence officials"))
    vocabulary = Vocabulary([*crowd, first, same, other, unnamed])
    for x in (same, other, unnamed):
        assert SPEAKER_SIMILARITY <= vocabulary.cosine("s1", x.article.id) < SIMILARITY
    for x, joins in ((same, True), (other, False), (unnamed, False)):
        clusters, _ = cluster_main_events([*crowd, first, x], gazetteer)
        assert ({"s1", x.article.id} in clusters) is joins
    placed = [replace(x, main=replace(x.main, place=town)) for x, town in ((first, "Kharkiv"), (same, "Odesa"))]
    clusters, _ = cluster_main_events([*crowd, *placed], gazetteer)
    assert {"s1", "s2"} in clusters  # each report placed by the town it took from the speech


def test_at_a_place_with_news_most_days_the_next_days_report_is_another_happening(gazetteer):
    start = date(2022, 6, 1)
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]  # the common words are common
    crowd += [  # the city is the main place on forty days: a hub, as a front-line city or a capital is
        _made(f"h{n:02d}", f"Shelling in Donetsk went on, {common} ({n})", "Donetsk region", day=start + timedelta(n))
        for n in range(40)
    ]
    told = [  # (id, what happened, place, days after 23 August)
        ("a1", "shells hit an apartment block in Donetsk, killing three", "Donetsk region", 0),
        ("a2", "shells set a shopping mall in Donetsk on fire", "Donetsk region", 1),
        ("a3", "shells hit an apartment block in Donetsk, killing three", "Donetsk region", 1),
        ("q1", "a rocket hit the railway station in Chaplyne", "Chaplyne", 0),
        ("q2", "the toll at the Chaplyne railway station rose to 25", "Chaplyne", 1),
    ]
    reports = [_made(i, f"{common}: {what}", place, day=date(2022, 8, 23 + later)) for i, what, place, later in told]
    clusters, _ = cluster_main_events(crowd + reports, gazetteer)
    vocabulary = Vocabulary(crowd + reports)
    assert SIMILARITY < vocabulary.cosine("a1", "a2") < STRONG_SIMILARITY  # alike enough on one day
    assert {"a1", "a3"} in clusters  # the same report a day later is the same happening
    assert not any({"a1", "a2"} <= c or {"a2", "a3"} <= c for c in clusters)  # the next day's shelling is news
    assert {"q1", "q2"} in clusters  # a quiet town, a day apart: one happening told twice


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


# ------------------------------------------------------------ re-grouping only what changed


def synthetic_extractions(rng, count: int, places: list[str | None]) -> list[Extraction]:
    """Articles over three weeks, in a few places, some only in a country or nowhere, leads from few words."""
    words = [
        "strike",
        "drone",
        "missile",
        "shelling",
        "barracks",
        "school",
        "bridge",
        "convoy",
        "power",
        "station",
        "port",
        "train",
    ]
    made = []
    for n in range(count):
        day = date(2022, 3, 1) + timedelta(days=rng.randint(0, 6))
        value, precision = (day.isoformat(), "day") if rng.random() > 0.1 else (day.isoformat()[:7], "month")
        lead = " ".join(rng.choice(words) for _ in range(6))
        main = EventCandidate(value, precision, rng.choice(places), lead, 0, True)
        article = Article(f"x{n:04d}", f"x{n:04d}.md", day, lead, None, None, "en", lead)
        made.append(Extraction(article, lead, (), main, ()))
    return made


def clusters_as_sets(extractions, gazetteer, previous=None):
    clusters, state = cluster_main_events(extractions, gazetteer, previous)
    return sorted(sorted(c) for c in clusters), state


@pytest.mark.parametrize("seed", range(6))
def test_regrouping_after_a_change_equals_grouping_everything_again(gazetteer, seed):
    rng = random.Random(seed)
    places = ["Kharkiv", "Kyiv", "Odesa", "Bakhmut", "Ukraine", "Russia", None]
    current = synthetic_extractions(rng, 400, places)
    spare = synthetic_extractions(random.Random(seed + 100), 40, places)
    spare = [replace(x, article=replace(x.article, id="new-" + x.article.id)) for x in spare]
    _, state = clusters_as_sets(current, gazetteer)
    for _ in range(8):
        kind = rng.choice(["add", "remove", "move"])
        if kind == "add":
            current = current + [spare.pop()]
        elif kind == "remove":
            current = [x for x in current if x is not rng.choice(current)]
        else:
            i, other = rng.randrange(len(current)), rng.choice(current)
            current = current[:i] + [replace(current[i], main=other.main)] + current[i + 1 :]
        again, again_state = clusters_as_sets(current, gazetteer, state)
        fresh, fresh_state = clusters_as_sets(current, gazetteer)
        assert again == fresh, kind
        assert (again_state.root, again_state.open_at) == (fresh_state.root, fresh_state.open_at), kind
        state = state_from_data(json.loads(json.dumps(state_to_data(again_state))))  # as the cache keeps it
        assert state == again_state


def test_an_unchanged_build_keeps_the_last_grouping_state(gazetteer):
    current = synthetic_extractions(random.Random(1), 50, ["Kharkiv", None])
    _, state = clusters_as_sets(current, gazetteer)
    assert clusters_as_sets(list(reversed(current)), gazetteer, state)[1] is state


def test_reports_in_two_languages_of_one_quiet_town_meet_by_place(registry, gazetteer):
    english = make_article(
        "A Russian missile struck a market in Pokrovsk on Friday, killing five people, the governor said.",
        "2023-08-05",
        article_id="en1",
        title="Missile kills five at Pokrovsk market",
    )
    ukrainian = make_article(
        "Російська ракета влучила в ринок у Покровську в п'ятницю, загинули п'ятеро людей.",
        "2023-08-05",
        "uk",
        article_id="uk1",
        title="Ракетний удар по Покровську",
    )
    elsewhere = make_article(
        "A drone hit a school in Sumy on Friday.", "2023-08-05", article_id="en2", title="Drone hit"
    )
    extractions = [extract_article(a, registry, gazetteer) for a in (english, ukrainian, elsewhere)]
    assert {x.main.place for x in extractions[:2]} == {"Pokrovsk"}
    clusters, _ = cluster_main_events(extractions, gazetteer)
    assert {"en1", "uk1"} in clusters and {"en2"} in clusters


def test_a_mention_joins_an_event_only_when_words_and_places_both_match(gazetteer):
    from generator.events.assemble import EventDraft
    from generator.events.mentions import EventsByDate

    lead = "Missiles hit a power station in Kharkiv."
    article = Article("k1", "k1.md", date(2023, 1, 2), "Power station hit", None, None, "en", lead)
    main = EventCandidate("2023-01-01", "day", "Kharkiv", lead, 0, True)
    draft = EventDraft([Extraction(article, lead, (), main, ())], gazetteer)
    index = EventsByDate(gazetteer, lambda word: word != "hit", lambda word: word == "kharkiv")  # 'hit': everywhere
    index.add(draft, frozenset({"power", "station", "hit"}))

    def mention(title, place):
        return EventCandidate("2023-01-01", "day", place, title, 0, False)

    assert index.find(mention("the strike on the power station", "Kharkiv")) is draft
    assert index.find(mention("the strike on the power station", "Kyiv")) is None  # two towns
    assert index.find(mention("the day a bridge was hit", "Kharkiv")) is None  # 'hit' tells nothing
    assert index.find(mention("the strike on the power station", None)) is draft  # asked again, same answer
    assert index.find(mention("the day the station went dark", "Kharkiv")) is None  # one common word tells nothing


def test_a_mention_needs_words_that_say_what_happened_and_prefers_a_curated_event(gazetteer):
    from generator.events.assemble import EventDraft
    from generator.events.mentions import EventsByDate

    lead = "Troops were sent to the border on 24 February as markets fell."
    article = Article("m1", "m1.md", date(2022, 2, 25), "Markets fall as troops sent", None, None, "en", lead)
    main = EventCandidate("2022-02-24", "day", None, lead, 0, True)
    reported = EventDraft([Extraction(article, lead, (), main, ())], gazetteer)
    index = EventsByDate(gazetteer, lambda word: True, lambda word: word == "chaplyne")
    index.add(reported, frozenset({"troops", "sent", "border", "24", "markets", "fell"}))

    def mention(title):
        return EventCandidate("2022-02-24", "day", None, title, 0, False)

    assert index.find(mention("the troops sent on 24 February")) is reported  # two words: what happened
    assert index.find(mention("since 24 February, when the war was sent")) is None  # one word, and the date's own
    entry = Override((), "content/events.yml", 1, title="The invasion begins", date="2022-02-24")
    curated = EventDraft([], gazetteer, curated=entry)
    index.add(curated, frozenset({"invasion", "begins", "troops"}))
    assert index.find(mention("the troops sent on 24 February")) is curated  # what a maintainer lists as recalled


def test_a_reading_is_kept_while_its_text_is_unchanged_and_groups_as_one_read_anew(registry, gazetteer):
    from generator.cache_codec import readings_from_data, readings_to_data
    from generator.events.readings import read_texts

    extractions = extract(registry, gazetteer, *ARTICLES)
    first = read_texts(extractions, gazetteer)
    stored = readings_from_data(json.loads(json.dumps(readings_to_data(first))))  # as the cache keeps them
    assert stored == first and read_texts(extractions, gazetteer, stored) is stored  # nothing to read or write
    edited = replace(extractions[1], lead=extractions[1].lead.replace("Makiivka", "Mariupol"))
    changed = [extractions[0], edited, extractions[2]]
    again = read_texts(changed, gazetteer, stored)
    assert again["a1"] is stored["a1"] and again["a2"] != stored["a2"]
    assert again == read_texts(changed, gazetteer)
    assert group_again(changed, [], gazetteer, readings=again)[:2] == group_again(changed, [], gazetteer)[:2]


def test_a_report_recalling_a_curated_day_weeks_later_is_dated_by_the_report(registry, gazetteer):
    body = "Hours after troops crossed the border on 24 February, the company closed its offices in the city."
    late = make_article(body, "2022-03-10", article_id="r1", title="Company offices closed")
    soon = make_article(body, "2022-02-26", article_id="r2", title="Company offices shut")
    extractions = [extract_article(a, registry, gazetteer) for a in (late, soon)]
    assert [x.main.date for x in extractions] == ["2022-02-24", "2022-02-24"]  # what the text alone gives
    curated = Override((), "content/events.yml", 1, title="The invasion begins", date="2022-02-24")
    events, article_event = group_articles_into_events(extractions, [curated], gazetteer)
    dates = {e.id: e.date for e in events}
    assert dates[article_event["r1"]] == "2022-03-10"  # weeks later: the recollection is not its happening
    assert dates[article_event["r2"]] == "2022-02-24"  # two days later: a report of that day
    events, article_event = group_articles_into_events(extractions, [], gazetteer)
    assert {e.id: e.date for e in events}[article_event["r1"]] == "2022-02-24"  # no curated day: as read


@pytest.mark.parametrize(
    ("headline", "lead", "speakers"),
    [
        (
            "Talks will go on – Kremlin",
            "The talks will go on, Kremlin spokesman Dmitry Peskov told reporters.",
            {"peskov"},
        ),
        ("Talks will go on – Kremlin", "The talks will go on, said Kremlin spokesman Dmitry Peskov.", {"peskov"}),
        ("Biden warns Moscow", "President Biden said the sanctions would bite.", {"biden"}),
        ("Talks will go on – Kremlin", "The talks will go on, officials said.", set()),  # a role names no one
        ("Talks will go on – Kremlin", "The talks will go on, the Foreign Minister said.", set()),
        ("Shelling goes on – governor", "Shelling went on, the Luhansk Governor said.", set()),  # a place, no name
        ("Talks went on in Minsk", "The talks will go on, Kremlin spokesman Dmitry Peskov said.", set()),  # no saying
        ("Talks will go on, US says", "The talks will go on, The White House said.", set()),  # a body, not a person
        ("Talks will go on, US says", "The talks will go on, the Wall Street Journal reported.", set()),
        ("Talks will go on, US says", "The talks will go on, the Department of Homeland Security said.", set()),
        ("Talks will go on, UK says", "The talks will go on, The UK said.", set()),  # an acronym
        ("Talks will go on, US says", "The talks will go on, Secretary of State Antony Blinken said.", {"blinken"}),
        ("Talks will go on – Kremlin", "The talks will go on, the Russian President Vladimir Putin said.", {"putin"}),
        ("Talks will go on, Kyiv says", "The talks will go on, President Volodymyr Zelenskyy said.", {"zelensky"}),
    ],
)
def test_a_saying_headlines_speakers_are_those_its_lede_names_in_full(gazetteer, headline, lead, speakers):
    x = _made("a1", lead, None)
    x = replace(x, article=replace(x.article, title=headline, title_from_text=False))
    assert speakers_quoted(x, gazetteer) == speakers


def test_at_a_hub_two_headlines_telling_only_an_attack_on_one_day_are_one_attack(gazetteer):
    """Reports of one barrage on a capital go on about different things (the toll, the damage, the sirens) and
    share few words; a headline telling a saying about the attack is that saying's news."""
    start = date(2022, 6, 1)
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]
    crowd += [  # Kyiv is the main place on forty days: a hub
        _made(f"h{n:02d}", f"Talks in Kyiv went on, {common} ({n})", "Kyiv", day=start + timedelta(n))
        for n in range(40)
    ]

    def headlined(article_id: str, headline: str, lead: str) -> Extraction:
        return _headlined(article_id, headline, lead, "Kyiv", date(2022, 10, 10))

    reports = [
        headlined("k1", "Explosions rock Kyiv", "Missiles struck the city centre at rush hour, near a playground"),
        headlined("k2", "Central Kyiv hit by missile strikes", "Eleven people died and 64 were hurt, medics counted"),
        headlined(
            "k3", "Attack on Kyiv was a war crime – PM", "The prime minister condemned the missiles in a late address"
        ),
    ]
    vocabulary = Vocabulary(crowd + reports)
    assert ONE_ATTACK_SIMILARITY <= vocabulary.cosine("k1", "k2") < SAME_PLACE_SIMILARITY
    for other in ("k1", "k2"):  # as alike to the saying, but it says something of its own
        assert ONE_ATTACK_SIMILARITY <= vocabulary.cosine(other, "k3") < SAME_PLACE_SIMILARITY
    clusters, _ = cluster_main_events(crowd + reports, gazetteer)
    assert {"k1", "k2"} in clusters  # two attack headlines, one town, one day
    assert {"k3"} in clusters  # a saying about it is news of its own


def test_reports_of_one_day_quoting_one_bodys_unnamed_senior_official_are_one_briefing(gazetteer):
    """A background briefing ("a senior U.S. defense official told reporters") is told by each outlet on its own
    point, placed where that point is; another body's official, or the next day's briefing, is other news."""
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, "Ukraine") for n in range(300)]

    def briefed(article_id: str, headline: str, lead: str, place: str, day: int = 6) -> Extraction:
        return _headlined(article_id, headline, lead, place, date(2022, 4, day))

    withdrawal = briefed(
        "b1",
        "Russia withdraws from the north, Ukrainians get drone training: Pentagon update",
        "The Pentagon gives daily updates. Here is what a senior U.S. defense official told reporters Wednesday: "
        "all troops left Chernihiv.",
        "Washington",
    )
    bucha = briefed(
        "b2",
        "Killings in Bucha appear deliberate: US official",
        "A senior defense official said Wednesday the killings in Bucha appear premeditated.",
        "Bucha",
    )
    state = briefed("b3", bucha.article.title, bucha.lead.replace("defense", "State Department"), "Bucha")
    next_day = briefed("b4", bucha.article.title, bucha.lead, "Bucha", day=7)
    vocabulary = Vocabulary([*crowd, withdrawal, bucha, state, next_day])
    assert vocabulary.cosine("b1", "b2") < SIMILARITY and vocabulary.cosine("b1", "b3") < SIMILARITY
    for other, joins in ((bucha, True), (state, False), (next_day, False)):
        clusters, _ = cluster_main_events([*crowd, withdrawal, other], gazetteer)
        assert ({"b1", other.article.id} in clusters) is joins, other.article.id


@pytest.mark.parametrize(
    ("lead", "body"),
    [
        ("A senior U.S. defense official told reporters Wednesday that the troops had left.", "defense"),
        ("The U.S. has intelligence of a plot, according to senior administration officials.", "administration"),
        ("Daily updates follow. Here is what a senior Pentagon official said on Day 42.", "defense"),
        ("Officials said Wednesday the troops had left.", None),  # no one body's senior official
        ("A senior defence official's visit to Kyiv was cut short.", None),  # no saying
        ("Troops left. The town is quiet. A senior defense official said so.", None),  # below the lede
    ],
)
def test_a_briefing_is_known_by_the_body_whose_unnamed_senior_official_the_lede_quotes(lead, body):
    x = _made("b", lead, "Kyiv")
    assert unnamed_briefer(x) == body


def test_an_outlets_sentence_opening_its_articles_of_three_days_is_furniture_not_news(gazetteer):
    """A newsletter's standing intro, a disclaimer, a video caption run again and again: its words tell no
    happening, and two reports that share only it are two happenings. Re-grouping as it becomes furniture
    gives what grouping everything again gives."""
    common = "Russian forces said Ukraine officials reported the war news"
    crowd = [_made(f"c{n:03d}", common, None) for n in range(300)]
    intro = "This is your weeknight desk briefing on the conflict."

    def issue(article_id: str, news: str, day: int) -> Extraction:
        x = _made(article_id, f"{intro} {news}", None, day=date(2022, 4, day))
        return replace(x, article=replace(x.article, outlet="Desk"))

    port = issue("d1", "Rockets hit the port of Odesa overnight.", 6)
    grain = issue("d2", "Envoys resumed grain talks in Istanbul.", 7)
    later = issue("d3", "Food prices rose again across Europe.", 10)
    clusters, state = cluster_main_events([*crowd, port, grain], gazetteer)
    assert {"d1", "d2"} in clusters  # on two days only, the sentence is still the articles' own
    vocabulary = Vocabulary([*crowd, port, grain, later])
    assert "desk" not in vocabulary.words["d1"] and "odesa" in vocabulary.words["d1"]
    again, again_state = cluster_main_events([*crowd, port, grain, later], gazetteer, state)
    fresh, fresh_state = cluster_main_events([*crowd, port, grain, later], gazetteer)
    assert {"d1"} in fresh and {"d2"} in fresh
    assert sorted(map(sorted, again)) == sorted(map(sorted, fresh)) and again_state.root == fresh_state.root
