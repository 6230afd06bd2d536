"""Pagefind's filter index, rewritten in a stable order, so the same content gives the same site bytes.

Takes the `pagefind/` bundle Pagefind wrote and gives it back with each filter's values sorted, each filter file
named by its content, and the filters listed by name in the language's metadata file. Pagefind 1.5 writes filter
values in its hash maps' random order (a TODO in its source, `index/mod.rs`), so two builds of the same content
differed in those files alone. The files are gzip'd CBOR behind a "pagefind_dcd" mark; the few CBOR types they
use (unsigned integers, text, byte strings, arrays, maps, simple values) are read and written here, with the
shortest headers, as Pagefind's own encoder writes them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

MARK = b"pagefind_dcd"


class UnexpectedIndex(ValueError):
    """The bundle is not laid out as Pagefind 1.5 lays it out: its filter files cannot be rewritten."""


def make_filters_stable(bundle: Path) -> None:
    try:
        _rewrite(bundle)
    except (ValueError, LookupError, TypeError, OSError) as err:  # a truncated file, another layout, ...
        raise UnexpectedIndex(f"{bundle}: {type(err).__name__}: {err}") from err


def _rewrite(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = {}
        for item in meta[3]:  # (filter name, file hash)
            old = item[1]
            name, values = _read(bundle / "filter" / f"{old}.pf_filter")
            renamed[old] = _write_named(bundle / "filter", f"{language}_", ".pf_filter", 7, [name, sorted(values)])
            if renamed[old] != old:
                (bundle / "filter" / f"{old}.pf_filter").unlink()
        meta[3] = sorted([name, renamed[old]] for name, old in meta[3])
        new_hash = _write_named(bundle, f"pagefind.{language}_", ".pf_meta", 10, meta).removeprefix("pagefind.")
        if new_hash != about["hash"]:
            meta_path.unlink()
        about["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARK):
        raise ValueError(f"{path}: not a Pagefind index file")
    value, end = decode(data, len(MARK))
    if end != len(data):
        raise ValueError(f"{path}: {len(data) - end} bytes after the index")
    return value


def _write_named(folder: Path, prefix: str, suffix: str, digits: int, value) -> str:
    """Write `value` under a name made from its bytes; the name without its suffix."""
    data = MARK + encode(value)
    name = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | extra]) + number.to_bytes(size, "big")
    raise ValueError(f"number too large for CBOR: {number}")


def encode(value) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(data: bytes, at: int):
    """(value, position after it) of the CBOR item at `at`."""
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if extra < 24:
        number = extra
    elif extra <= 27:
        size = 1 << (extra - 24)
        number, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"unsupported CBOR item at byte {at - 1}")
    if major in (0, 1):  # an unsigned or a negative integer (the word index's positions)
        return number if major == 0 else -1 - number, at
    if major in (2, 3):
        raw = data[at : at + number]
        return (raw if major == 2 else raw.decode("utf-8")), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(number):
            key, at = decode(data, at)
            mapping[key], at = decode(data, at)
        return mapping, at
    if major == 7 and number in (20, 21, 22):
        return {20: False, 21: True, 22: None}[number], at
    raise ValueError(f"unsupported CBOR item at byte {at - 1}")
