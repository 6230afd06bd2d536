import re

import pytest
import yaml

from generator.actors import DEFAULT_REGISTRY, _phrase_pattern, registry_from_data


@pytest.mark.parametrize(
    ("claimant", "party"),
    [
        ("Russia’s Defense Ministry", "russia"),
        ("the Kremlin", "russia"),
        ("Kyiv mayor Oleksiy Kuleba", "ukraine"),
        ("The Donetsk administration", "russia"),
        ("Russian-installed officials", "russia"),
        ("the regional governor", "ukraine"),
        ("The interior ministry in Kyiv", "ukraine"),
        ("US officials", "usa"),
        ("the United Nations", "un"),
        ("Amnesty's researchers", "other"),
        ("witnesses", "other"),
        # officials named with their title, in the spellings articles use
        ("Kharkiv Oblast Governor Oleh Syniehubov", "ukraine"),
        ("Kharkiv governor Oleg Sinegubov", "ukraine"),
        ("Belgorod Governor Vyacheslav Gladkov", "russia"),
        ("в’ячеслав ґладков", "russia"),
        ("the Russian-installed head of Zaporizhzhia Oblast, Yevgeny Balitsky", "russia"),
        ("Kherson's Moscow-appointed governor Vladimir Saldo", "russia"),
        ("Aleksandr Vilkul, the head of the Krivoy Rog defense council", "ukraine"),
        ("Mykolaiv Governor Vitaliy Kim", "ukraine"),
        ("Сотрудники ГСЧС", "ukraine"),
        ("UN human rights monitors", "un"),
        ("the U.N. rights mission", "un"),
        ("IAEA chief Rafael Grossi", "un"),
        ("ICC prosecutor Karim Khan", "other"),
        # an office several countries have is a role: its country, when named, decides
        ("the General Staff", "ukraine"),
        ("Russia's General Staff", "russia"),
        ("the Russian air force", "russia"),
        ("Polish officials", "other"),
        ("the Russian MoD", "russia"),
        ("the UK MoD", "other"),
    ],
)
def test_party_of_claimants(registry, claimant, party):
    assert registry.party_of(claimant)[0] == party


def test_acronyms_match_only_as_written(registry):
    assert registry.party_of("told us on Monday")[0] == "other"
    assert registry.party_of("residents who fled")[0] == "other"  # not the WHO


@pytest.mark.parametrize(
    "words",
    [
        "the city was on the brink",  # not US ambassador Bridget Brink
        "Kim Jong Un",  # not Mykolaiv's governor Vitaliy Kim
        "VTB chief Andrei Kostin",  # not Ukraine's prosecutor general Andriy Kostin
        "the MoD",  # Russia's or Britain's: the registry does not guess
    ],
)
def test_ordinary_words_and_shared_names_are_not_caught(registry, words):
    assert registry.party_of(words) == ("other", None)


def test_no_alias_names_two_sides():
    """An alias beats every marker, so one spelling may belong to one side only."""
    data = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))
    sides: dict[str, set[str]] = {}
    for actor in data["actors"]:
        for alias in [actor["name"], *(actor.get("aliases") or [])]:
            sides.setdefault(" ".join(str(alias).lower().split()), set()).add(actor["party"])
    assert {alias: parties for alias, parties in sides.items() if len(parties) > 1} == {}
    assert len(data["actors"]) >= 250


def _longest_first(phrases: list[str]) -> re.Pattern:
    """The plain alternation the trie replaces: every phrase, longest first."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’´]")
        acronym = sum(c.isupper() for c in phrase) >= 2 and len(phrase.replace(".", "")) <= 5
        parts.append(body if acronym else f"(?i:{body})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-]|['’]\w\w)")


def test_phrase_pattern_matches_like_a_longest_first_alternation():
    phrases = ["Kyiv", "Kyiv regional military administration", "SBU", "SBU chief", "UN", "U.N.", "Russia's"]
    phrases += ["Zelensky", "Zelenskyy", "Ukraine", "Ukrainian", "sbu agent", "the air force"]
    text = (
        "The KYIV  Regional military administration and the SBU chief said; Russia’s UN envoy, the U.N. and "
        "Zelenskyy's office; Ukrainians, Ukraine-born, Sbu agents, an SBU agent, Kyiv's mayor, the Air Force, un"
    )
    found = [(m.start(), m.group(0)) for m in _phrase_pattern(phrases).finditer(text)]
    assert found == [(m.start(), m.group(0)) for m in _longest_first(phrases).finditer(text)]
    assert (4, "KYIV  Regional military administration") in found and (67, "Russia’s") in found


def test_registry_problems_name_the_line_and_fix():
    text = "parties:\n  russia: {label: Russia}\nactors:\n  - name: X\n    party: mars\n"
    data = {"parties": {"russia": {"label": "Russia"}}, "actors": [{"name": "X", "party": "mars"}]}
    _, problems = registry_from_data(data, "content/actors.yml", text)
    assert problems[0].line == 4 and "unknown party 'mars'" in problems[0].message and "russia" in problems[0].fix
    _, problems = registry_from_data({}, "content/actors.yml")
    assert "parties" in problems[0].message


def test_rule_tables_hold_only_words():
    """YAML reads a bare `on` or `no` as a boolean; every listed word must stay a word."""
    import yaml

    from generator.rules import RULES_DIR

    def scalars(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from scalars(value)
        elif isinstance(node, list):
            for value in node:
                yield from scalars(value)
        else:
            yield node

    for path in RULES_DIR.glob("*.yml"):
        assert not [v for v in scalars(yaml.safe_load(path.read_text(encoding="utf-8"))) if isinstance(v, bool)], path
