"""Search index: spelling groups from the tables, and what each page tells Pagefind (metadata, filters, spellings)."""

from __future__ import annotations

import gzip
import html
import re
from itertools import accumulate

import pytest
from stage_helpers import ROOT
from test_render import strike_timeline

from generator.actors import registry_from_data
from generator.extract.places_file import gazetteer_from_text
from generator.publish import finish_search_index, start_search_index
from generator.render import render_site
from generator.render.search import SpellingFinder
from generator.search_index import SearchIndexError, index_bodies_early
from generator.site import build_site
from generator.spellings import sound_key, spelling_groups
from generator.stable_filters import MARK, decode, make_filters_stable
from generator.tables import load_tables

PLACES = """
places:
  - {name: Kyiv, kind: city, aliases: [Kiev, Київ]}
  - {name: Kharkiv region, kind: region, aliases: [Kharkov oblast]}
  - {name: Lviv, kind: city}
"""
ACTORS = {
    "parties": {"ukraine": {"label": "Ukraine"}, "russia": {"label": "Russia"}},
    "actors": [
        {"name": "Volodymyr Zelensky", "party": "ukraine", "aliases": ["Zelenskyy", "Zelenskiy", "Зеленський"]},
        {"name": "Donetsk People's Republic", "party": "russia", "aliases": ["DPR", "Eduard Basurin", "Basurin"]},
        {"name": "Ukrainian army", "party": "ukraine", "aliases": ["Ukrainian military"]},
        {"name": "Ukrainian navy", "party": "ukraine", "aliases": ["Ukrainian fleet"]},
        {"name": "Ukrainian police", "party": "ukraine", "aliases": ["Ukrainian national police"]},
    ],
}


def groups() -> tuple[tuple[str, ...], ...]:
    registry, problems = registry_from_data(ACTORS, "actors.yml")
    assert problems == []
    return spelling_groups(registry, gazetteer_from_text(PLACES))


def test_a_place_is_one_group_of_its_spellings_and_a_single_spelling_none():
    found = groups()
    assert ("Kyiv", "Kiev", "Київ") in found and ("Kharkiv region", "Kharkov oblast") in found
    assert not any("Lviv" in g for g in found)


def test_an_actor_gives_one_group_per_name_that_sounds_alike():
    found = groups()
    assert ("Volodymyr Zelensky", "Zelenskyy", "Zelenskiy", "Зеленський") in found
    assert ("Eduard Basurin", "Basurin") in found
    assert not any("DPR" in g and "Basurin" in g for g in found)  # an official is not a spelling of the body
    assert not any("Ukrainian army" in g for g in found)  # 'Ukrainian' is in too many names to join any
    assert sound_key("Kharkov") == sound_key("Харків") and sound_key("Kyiv") == sound_key("Киев")


def test_the_project_tables_join_the_issue_spellings():
    tables = load_tables([ROOT / "content"])
    found = spelling_groups(tables.registry, tables.gazetteer)
    finder = SpellingFinder(found)
    for text, other in (
        ("Kiev", "Kyiv"),
        ("Zelenskiy", "Zelensky"),
        ("Zelenskyy", "Zelenskiy"),
        ("Kharkov", "Kharkiv"),
    ):
        assert any(other in g for g in finder.groups_in(f"A report from {text} today")), text


def test_a_page_gets_the_words_of_the_other_spellings_once_and_never_the_common_ones():
    groups = (("Kyiv region", "Kiev region", "Kiev oblast"), ("Kharkiv region", "Kharkov oblast"), ("Kyiv", "Kiev"))
    groups += tuple((f"Town{n} region", f"Town{n} oblast") for n in range(10))
    finder = SpellingFinder(groups)
    assert finder.spellings_missing("Shelling in the Kyiv region and in Kyiv") == ["Kiev"]
    assert finder.spellings_missing("the Kharkov oblast") == ["Kharkiv"]


def test_finder_matches_whole_words_phrases_and_acronyms_as_written():
    finder = SpellingFinder((("Kyiv", "Kiev"), ("Kharkiv region", "Kharkov oblast"), ("Security Service", "SBU")))
    assert finder.groups_in("Shelling in KIEV's suburbs") == [("Kyiv", "Kiev")]
    assert finder.groups_in("the Kievan Rus") == []
    assert finder.groups_in("in the Kharkov  oblast, on Monday") == [("Kharkiv region", "Kharkov oblast")]
    assert finder.groups_in("Kharkov's oblast governor") == []
    assert finder.groups_in("the SBU said") == [("Security Service", "SBU")]
    assert finder.groups_in("el sbu dijo") == []


def test_pages_carry_their_type_date_filters_and_spellings_for_search():
    timeline = strike_timeline()
    timeline = type(timeline)(**{**timeline.__dict__, "spellings": (("Kyiv", "Kiev"), ("Makiivka", "Makeyevka"))})
    pages = {p.path: p.html for p in render_site(timeline)}
    event = pages["events/2023-01-01-makiivka.md"]
    assert 'data-pagefind-body data-pagefind-weight="8.0"' in event
    meta = dict(re.findall(r'data-pagefind-meta="(\w+)">([^<]*)<', event))
    assert meta == {"type": "Event", "date": "1 January 2023"}
    filters = set(re.findall(r'data-pagefind-filter="(\w+)">([^<]*)<', event))
    assert filters == {
        ("Type", "Event"),
        ("Year", "2023"),
        ("Party", "Russia"),
        ("Party", "Ukraine"),
        ("Place", "Makiivka"),
    }
    spelled = html.unescape(re.search(r"<p hidden class=\"tl-spellings\"[^>]*>([^<]*)</p>", event).group(1))
    assert spelled == "Also spelled: Kiev, Makeyevka."  # it writes Kyiv ('Kyiv said around 400') and Makiivka
    article = pages["articles/a2.md"]
    assert dict(re.findall(r'data-pagefind-meta="(\w+)">([^<]*)<', article)) == {
        "type": "Article",
        "date": "1 January 2023",
    }
    assert ("Place", "Makiivka") in set(re.findall(r'data-pagefind-filter="(\w+)">([^<]*)<', article))
    assert 'data-pagefind-weight="1.0"' in article
    assert re.search(r'data-pagefind-meta="type">Party<', pages["actors/russia.md"])
    assert re.search(r'data-pagefind-meta="type">Place<', pages["places/makiivka.md"])
    assert "data-pagefind-body" not in pages["index.md"]  # the timeline lists events; their own pages are found


def test_the_index_made_from_the_bodies_while_pages_render_is_the_one_the_finished_pages_give(tmp_path):
    """The plugin hands Pagefind bare copies of the generated bodies; indexing the built site instead must give
    the same index: the same files, fragments byte for byte, and the same words, filters and word counts of each
    page. Only the pages' numbers may differ (render order, not the order a folder lists its files)."""
    site = tmp_path / "site"
    assert build_site([ROOT / "content", ROOT / "seeds"], site, ROOT / "mkdocs.yml") == 0
    from_site = tmp_path / "from-site"
    finish_search_index(start_search_index(site, from_site))
    make_filters_stable(from_site)
    early, late = bundle_by_page(site / "pagefind"), bundle_by_page(from_site)
    assert any(name.startswith("fragment/") for name in early["files"])
    assert len(early["pages"]) >= 5 and early["words"]["kyiv"]
    for part in ("files", "pages", "words", "filters", "meta"):
        assert early[part] == late[part], part


def bundle_by_page(bundle):
    """A Pagefind bundle with each page named by its fragment instead of its number: every file but the word
    index, the filters and the metadata (which number the pages) as bytes, and those three decoded."""
    meta_file = next(bundle.glob("pagefind.*.pf_meta"))
    meta = read_index_file(meta_file)
    page = [fragment for fragment, _ in meta[1]]  # page number -> its fragment
    numbered = {meta_file} | set(bundle.glob("index/*")) | set(bundle.glob("filter/*"))
    files = {str(p.relative_to(bundle)): p.read_bytes() for p in bundle.rglob("*") if p.is_file() and p not in numbered}
    del files["pagefind-entry.json"]  # names the metadata file by its hash

    def named(pages):  # each page's number is written as the step from the one before
        return {page[n]: p[1:] for n, p in zip(accumulate(p[0] for p in pages), pages, strict=True)}

    words = {}
    for chunk in bundle.glob("index/*"):
        for word, pages, variants in read_index_file(chunk)[0]:  # a variant: the word with its diacritics
            words[word] = (named(pages), {variant: named(pages) for variant, pages in variants})
    filters = {}
    for name, values in (read_index_file(p) for p in bundle.glob("filter/*")):
        filters[name] = {value: sorted(page[n] for n in numbers) for value, numbers in values}
    return {"files": files, "pages": dict(meta[1]), "words": words, "filters": filters, "meta": meta[4:]}


def read_index_file(path):
    data = gzip.decompress(path.read_bytes())
    return decode(data, len(MARK))[0]


def test_no_temporary_index_is_left_when_nothing_is_indexed():
    assert index_bodies_early([("about/index.html", "<h1>About</h1>")], "en") is None


def test_a_stopped_index_leaves_no_process_and_no_folder():
    early = index_bodies_early([("events/x/index.html", "<div data-pagefind-body><h1>X</h1></div>")], "en")
    early.stop()
    assert early.process.poll() is not None and not early.folder.exists()


def test_a_page_file_outside_the_site_is_refused_with_its_name():
    early = index_bodies_early([("../escape/index.html", "<div data-pagefind-body><h1>X</h1></div>")], "en")
    with pytest.raises(SearchIndexError, match="escape/index.html"):
        early.finish()
    early.stop()
    assert not (early.folder.parent / "escape").exists()


def test_an_absolute_page_file_is_refused_too():
    early = index_bodies_early([("/tmp/elsewhere/index.html", "<div data-pagefind-body><h1>X</h1></div>")], "en")
    with pytest.raises(SearchIndexError, match="elsewhere/index.html"):
        early.finish()
    early.stop()
