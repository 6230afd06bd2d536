"""Figures compared like with like: what a figure counts (scope, population), read from text, and what that
does to an event's disputes, its summary and its comparison table."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from test_render import PARTIES, Tags, article, claim, pages_of

from generator.compare import LEAD_SENTENCES, compare_sources, discrepancies_in
from generator.extract.figures import figures_in_text
from generator.extract.language import language_for
from generator.model import Event, Timeline
from generator.render.summary import event_summary


def read(text: str, language: str = "en") -> list[tuple]:
    found = figures_in_text(text, 0, language_for(language), [])
    return [(f.kind, f.value, f.scope, f.population) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 were killed, of whom 5 children died in the basement.", [(21, "event", ""), (5, "part", "children")]),
        ("Five children were among those killed.", [(5, "part", "children")]),
        # the figure after "among" is the whole a sub-count is drawn from
        ("The dead included two children among the 25 killed.", [(2, "part", "children"), (25, "event", "")]),
        ("Officials said 12 civilians were killed in the shelling.", [(12, "event", "civilians")]),
        ("Russia's Defence Ministry said 63 of its servicemen were killed.", [(63, "event", "soldiers")]),
        ("Kyiv says 40,000 Russian troops have been killed since the invasion began.", [(40000, "total", "soldiers")]),
        ("Since the start of the war, the UN has recorded 5,000 civilian deaths.", [(5000, "total", "civilians")]),
        ("The army said it killed 300 Russian soldiers in the past 24 hours.", [(300, "total", "soldiers")]),
        ("Local officials have tallied more than 2,500 deaths in the siege.", [(2500, "total", "")]),
        # a total named in another clause leaves this happening's count alone
        ("The strike, the deadliest since the invasion began, killed 20 people.", [(20, "event", "")]),
        ("С начала войны погибли 300 мирных жителей.", [(300, "total", "civilians")]),
    ],
)
def test_a_figure_says_what_it_counts(text, expected):
    language = "ru" if re.search("[а-я]", text) else "en"
    assert [(value, scope, population) for _, value, scope, population in read(text, language)] == expected


def _event(*claims) -> Event:
    ids = tuple(sorted({c.article for c in claims}))
    return Event("e", "A strike", "2023-01-01", "day", {}, None, ids, ids, tuple(claims))


def _with(made, **changes):
    """The claim with its one figure changed (scope, population)."""
    return replace(made, figures=(replace(made.figures[0], **changes),))


def test_only_this_happenings_counts_of_one_population_from_two_sides_are_disputed():
    a1 = article("a1", "Kyiv said 23 died. Kyiv said 25 died. Kyiv said 30 died. Moscow said 30 died.")
    first, second, third, russia = (
        claim(f"c{n}", a1, f"{who} said {value} died.", who, party, ("killed", value, "exact"))
        for n, (who, party, value) in enumerate(
            [("Kyiv", "ukraine", 23), ("Kyiv", "ukraine", 25), ("Kyiv", "ukraine", 30), ("Moscow", "russia", 30)]
        )
    )
    assert discrepancies_in(_event(first, second, third).claims) == []  # one side's updates: no dispute
    assert discrepancies_in(_event(first, second, third, russia).claims) == []  # both say 30 now
    fewer = claim("c9", a1, "Moscow said 30 died.", "Moscow", "russia", ("killed", 3, "exact"))
    (found,) = discrepancies_in(_event(first, third, fewer).claims)
    assert found.values == {"russia": [3], "ukraine": [23, 30]}
    soldiers = _with(fewer, population="soldiers")  # 3 soldiers is no rival to 30 people
    assert discrepancies_in(_event(first, third, soldiers).claims) == []
    war_wide = _with(fewer, scope="total")
    assert discrepancies_in(_event(first, third, war_wide).claims) == []
    further_down = replace(fewer, sentence=LEAD_SENTENCES)  # a background toll, far below the lede
    assert discrepancies_in(_event(first, third, further_down).claims) == []
    the_outlets_own = replace(fewer, claimant=None)  # relays someone's figure: no side of its own
    assert discrepancies_in(_event(first, third, the_outlets_own).claims) == []


def test_a_figure_within_another_sides_rising_toll_is_that_toll_at_another_hour():
    a1 = article("a1", "Kyiv said 6 died. Kyiv said 23 died. The UN said 20 died.")
    kyiv = [claim(f"k{v}", a1, f"Kyiv said {v} died.", "Kyiv", "ukraine", ("killed", v, "exact")) for v in (6, 23)]
    agency = claim("u1", a1, "The UN said 20 died.", "The UN", "un", ("killed", 20, "exact"))
    assert discrepancies_in(_event(*kyiv, agency).claims) == []  # 20 lies within Kyiv's 6 -> 23
    apart = _with(agency, value=40)
    (found,) = discrepancies_in(_event(*kyiv, apart).claims)  # 40 is beyond anything Kyiv gave
    assert found.values == {"ukraine": [6, 23], "un": [40]}


def _toll_timeline() -> Timeline:
    first = article("a1", "Kyiv said 23 died. Among them were 4 children.", "First report", "2023-01-01")
    later = article("a2", "Kyiv said 30 died. Since the war began 9000 died.", "Later report", "2023-01-03")
    claims = (
        claim("c1", first, "Kyiv said 23 died.", "Kyiv", "ukraine", ("killed", 23, "exact")),
        _with(
            claim("c2", first, "Among them were 4 children.", "Kyiv", "ukraine", ("killed", 4, "exact")), scope="part"
        ),
        claim("c3", later, "Kyiv said 30 died.", "Kyiv", "ukraine", ("killed", 30, "exact")),
        _with(
            claim("c4", later, "Since the war began 9000 died.", "Kyiv", "ukraine", ("killed", 9000, "exact")),
            scope="total",
        ),
        claim("c5", first, "Kyiv said 23 died.", "Moscow", "russia", ("killed", 30, "exact")),
    )
    event = Event("2023-01-01-toll", "A strike", "2023-01-01", "day", {}, None, ("a1", "a2"), ("a1", "a2"), claims)
    (event,) = compare_sources([event])
    return Timeline((first, later), (event,), {"a1": event.id, "a2": event.id}, parties=PARTIES)


def test_updates_sub_counts_and_totals_are_shown_apart_and_not_as_a_dispute():
    timeline = _toll_timeline()
    assert timeline.events[0].discrepancies == ()  # Ukraine's toll rose to 30, which Russia gives too
    page = pages_of(timeline)["events/2023-01-01-toll.md"]
    assert "tl-row-disputed" not in page
    groups = [" ".join(Tags(g).text) for g in re.findall(r"<tbody[^>]*>(.*?)</tbody>", page)]
    assert [g.split(" Russia")[0].split(" Ukraine")[0] for g in groups] == [
        "Killed",
        "Killed · sub-counts (part of a count above)",
        "Killed · war-wide or cumulative totals (not this happening's count)",
    ]
    ukraine = groups[0][groups[0].index("Ukraine") :]
    assert ukraine.index("23") < ukraine.index("1 January 2023") < ukraine.index("30") < ukraine.index("3 January")
    assert "9,000" not in groups[0] and "9,000" in groups[2] and "4" in groups[1]


def test_the_summary_gives_each_sides_newest_count_of_this_happening():
    summary = event_summary(_toll_timeline().events[0], PARTIES)
    assert "Kyiv (Ukraine) said 30" in summary and "23" not in summary and "9,000" not in summary


def test_the_summary_reads_the_counts_the_dispute_mark_compares():
    a1 = article("a1", "Kyiv said 12 civilians died. Moscow said 40 soldiers died. Moscow said 90 died.")
    civilians = _with(
        claim("c1", a1, "Kyiv said 12 civilians died.", "Kyiv", "ukraine", ("killed", 12, "exact")),
        population="civilians",
    )
    soldiers = _with(
        claim("c2", a1, "Moscow said 40 soldiers died.", "Moscow", "russia", ("killed", 40, "exact")),
        population="soldiers",
    )
    far_down = replace(
        claim("c3", a1, "Moscow said 90 died.", "Moscow", "russia", ("killed", 90, "exact")), sentence=LEAD_SENTENCES
    )
    event = _event(civilians, soldiers, far_down)
    summary = event_summary(event, PARTIES)
    # one sentence per population, no ratio across them, and no background toll from far down the report
    assert "Kyiv (Ukraine) said 12 civilians killed." in summary
    assert "Moscow (Russia) said 40 soldiers killed." in summary
    assert "90" not in summary and "times as many" not in summary
    assert discrepancies_in(event.claims) == []


def test_the_outlets_own_count_is_given_only_where_no_one_is_quoted():
    a1 = article("a1", "At least 20 died. Kyiv said 25 died.")
    own = claim("c1", a1, "At least 20 died.", None, "other", ("killed", 20, "at_least"))
    quoted = claim("c2", a1, "Kyiv said 25 died.", "Kyiv", "ukraine", ("killed", 25, "exact"))
    assert "outlet" not in event_summary(_event(own, quoted), PARTIES)
    assert "The outlet itself said at least 20 killed." in event_summary(_event(own), PARTIES)


def test_an_article_that_only_mentions_the_happening_is_no_source_of_its_count():
    report = article("a1", "Kyiv said 25 died.")
    mention = article("a2", "Moscow said 400 died.")
    said = claim("c1", report, "Kyiv said 25 died.", "Kyiv", "ukraine", ("killed", 25, "exact"))
    recalled = claim("c2", mention, "Moscow said 400 died.", "Moscow", "russia", ("killed", 400, "exact"))
    event = Event("e", "A strike", "2023-01-01", "day", {}, None, ("a1", "a2"), ("a1",), (said, recalled))
    (event,) = compare_sources([event])
    assert event.discrepancies == ()
    summary = event_summary(event, PARTIES)
    assert "25" in summary and "400" not in summary
    both = replace(event, main_articles=("a1", "a2"))
    (both,) = compare_sources([both])
    assert [d.values for d in both.discrepancies] == [{"russia": [400], "ukraine": [25]}]


def test_a_claimant_named_mid_sentence_keeps_a_lower_case_article():
    a1 = article("a1", "Kyiv said 25 died. The ministry said 30 died.")
    kyiv = claim("c1", a1, "Kyiv said 25 died.", "Kyiv", "ukraine", ("killed", 25, "exact"))
    ministry = claim("c2", a1, "The ministry said 30 died.", "The ministry", "russia", ("killed", 30, "exact"))
    summary = event_summary(_event(kyiv, ministry), PARTIES)
    assert "; the ministry (Russia) said 30 killed." in summary


def test_only_sides_the_text_names_mark_a_dispute(registry):
    """'Authorities said 40' in a report from Siberia is read as some side's by context, and often wrongly; a
    side the claimant names ("Ukraine's military", "Russia's Defence Ministry") may dispute, no known party may
    not. The figures stay in the table either way."""
    a1 = article("a1", "Russia's Defence Ministry said 400 died. Ukraine's military said 40 died. Authorities said 40.")
    russia = claim(
        "c1",
        a1,
        "Russia's Defence Ministry said 400 died.",
        "Russia's Defence Ministry",
        "russia",
        ("killed", 400, "exact"),
    )
    ukraine = claim(
        "c2", a1, "Ukraine's military said 40 died.", "Ukraine's military", "ukraine", ("killed", 40, "exact")
    )
    read_from_context = claim("c3", a1, "Authorities said 40.", "Authorities", "ukraine", ("killed", 40, "exact"))
    witness = replace(read_from_context, id="c4", claimant="A witness", party="other")
    named = registry.names_side
    (found,) = discrepancies_in(_event(russia, ukraine).claims, None, named)
    assert found.values == {"russia": [400], "ukraine": [40]}
    assert discrepancies_in(_event(russia, read_from_context).claims, None, named) == []
    assert discrepancies_in(_event(russia, witness).claims, None, named) == []
    checked = _with(read_from_context, checked=True)  # a maintainer looked at it: the side stands
    assert discrepancies_in(_event(russia, checked).claims, None, named) != []


@pytest.mark.parametrize(
    "text",
    [
        "At least 3,380 civilians have been killed since Putin launched the invasion, he said.",
        "Over 3.5 million people have fled since Russia invaded.",
        "The UN said 364 civilians were confirmed killed nationwide.",
        "The UN says that, nationally, 364 civilians have been confirmed killed.",
    ],
)
def test_a_count_since_the_war_began_in_any_words_is_a_total(text):
    assert {scope for _, _, scope, _ in read(text)} == {"total"}


def test_a_time_span_since_the_war_dates_a_day_and_its_count_is_the_happenings():
    for text in (
        "At least 22 people were killed in the strike, marking six months since Russia's invasion began.",
        "At least 22 people were killed in the strike six months to the day since the invasion.",
    ):
        assert {scope for _, _, scope, _ in read(text)} == {"event"}
    text = "The UN said 1,430 civilians were killed in the 41 days since the invasion."
    assert {scope for _, _, scope, _ in read(text)} == {"total"}  # a span counted, not a day marked
