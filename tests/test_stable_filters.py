"""Pagefind's filter index rewritten in a stable order: the same filters in any order give the same files."""

from __future__ import annotations

import gzip
import json

import pytest

from generator.stable_filters import MARK, UnexpectedIndex, decode, encode, make_filters_stable


def test_cbor_round_trips_with_the_shortest_headers():
    for value in (0, 23, 24, 255, 256, 65_536, 2**32, "", "Київ ⚠", b"\x00\x01", [1, [2, "x"]], {"a": [None, True]}):
        assert decode(encode(value), 0) == (value, len(encode(value)))
    assert len(encode(23)) == 1 and len(encode(24)) == 2 and len(encode(256)) == 3 and len(encode(2**32)) == 9
    with pytest.raises(ValueError):
        decode(b"\xfb\x00", 0)  # a float: Pagefind's index files hold none


def write_bundle(folder, filters: dict[str, list]) -> None:
    """A Pagefind bundle as Pagefind writes it, with each filter's values in the order given."""
    (folder / "filter").mkdir(parents=True)
    listed = []
    for number, (name, values) in enumerate(filters.items()):
        data = MARK + encode([name, values])
        (folder / "filter" / f"en_{number:07d}.pf_filter").write_bytes(gzip.compress(data))
        listed.append([name, f"en_{number:07d}"])
    meta = MARK + encode(["1.5.2", [["en_page", 10]], [["0", "z", "en_chunk"]], listed, [], ["date", "type"]])
    (folder / "pagefind.en_0000000000.pf_meta").write_bytes(gzip.compress(meta))
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_0000000000", "wasm": "en", "page_count": 10}}}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")


def files_of(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_filters_in_any_order_give_the_same_bundle(tmp_path):
    party = [["Ukraine", [0, 5]], ["Russia", [1, 5]]]
    year = [["2023", [5]], ["2014", [7]]]
    write_bundle(tmp_path / "one", {"Party": party, "Year": year})
    write_bundle(tmp_path / "two", {"Year": year[::-1], "Party": party[::-1]})
    for folder in (tmp_path / "one", tmp_path / "two"):
        make_filters_stable(folder)
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")
    entry = json.loads((tmp_path / "one" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["en"]["hash"]
    meta = decode(gzip.decompress((tmp_path / "one" / f"pagefind.{meta_hash}.pf_meta").read_bytes()), len(MARK))[0]
    assert [name for name, _ in meta[3]] == ["Party", "Year"] and meta[1] == [["en_page", 10]]
    party_file = tmp_path / "one" / "filter" / f"{meta[3][0][1]}.pf_filter"
    assert decode(gzip.decompress(party_file.read_bytes()), len(MARK))[0] == ["Party", sorted(party)]
    assert len(list((tmp_path / "one" / "filter").iterdir())) == 2  # the old files are gone


def test_a_bundle_in_another_layout_is_named_not_a_traceback(tmp_path):
    write_bundle(tmp_path, {"Party": [["Russia", [1]]]})
    (tmp_path / "pagefind.en_0000000000.pf_meta").write_bytes(gzip.compress(MARK + encode(["1.5.2"])))
    with pytest.raises(UnexpectedIndex, match="IndexError"):
        make_filters_stable(tmp_path)
