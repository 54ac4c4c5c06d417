"""Pagefind writes its filter index in hash-map order, which changes from run to run (upstream:
Pagefind issue #638 — fragments became stable in 1.3, "filter/metadata indexes will still
change"). So that the same data gives a byte-identical site, the filter files are rewritten
with their maps in sorted order, renamed after their new content, and the names that point at
them (the language's .pf_meta, then pagefind-entry.json) follow. Nothing else changes: the
maps hold the same keys and values, and Pagefind's JS reads files by the names it is given.

A Pagefind index file is gzip("pagefind_dcd" + CBOR); a filter file is the array
[filter name, [[value, [page numbers]], …]], the values in hash-map order. Only the CBOR this
needs is read and written.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

MAGIC = b"pagefind_dcd"


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, offset after the head)."""
    first = data[at]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def decode(data: bytes, at: int = 0):
    """One CBOR item (unsigned ints, text, arrays, maps) and the offset after it."""
    major, arg, at = _head(data, at)
    if major == 0:
        return arg, at
    if major == 3:
        return data[at:at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, at = decode(data, at)
            value, at = decode(data, at)
            pairs.append((key, value))
        return dict(pairs), at
    raise ValueError(f"unexpected CBOR major type {major}")


def _encode_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if arg < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, arg)
    raise ValueError("integer too large")


def encode(value) -> bytes:
    """CBOR with the shortest heads (as Pagefind writes it) and map keys in sorted order."""
    if isinstance(value, int):
        return _encode_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _encode_head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-8"))
        return _encode_head(5, len(keys)) + b"".join(encode(k) + encode(value[k]) for k in keys)
    raise TypeError(type(value).__name__)


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path}: not a Pagefind index file")
    return data[len(MAGIC):]


def _write(path: Path, body: bytes) -> None:
    path.write_bytes(gzip.compress(MAGIC + body, mtime=0))


def _renamed(path: Path, body: bytes) -> Path:
    """The same name with its hash part (after the language and '_') made from the content."""
    stem, _, suffix = path.name.partition(".")
    lang, _, old_hash = stem.rpartition("_")
    new_hash = hashlib.sha256(body).hexdigest()[:len(old_hash)]
    return path.with_name(f"{lang}_{new_hash}.{suffix}")


def sort_filter_index(bundle: Path) -> int:
    """Rewrite `bundle` (a site's pagefind/ folder) so its filter index is in sorted order.
    Returns the number of filter files rewritten."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    count = 0
    for lang in entry["languages"].values():
        meta_path = bundle / f"pagefind.{lang['hash']}.pf_meta"
        meta = _read(meta_path)
        for filter_path in sorted((bundle / "filter").glob(f"{lang['hash'].rsplit('_', 1)[0]}_*.pf_filter")):
            (name, values), _ = decode(_read(filter_path))
            body = encode([name, sorted(values, key=lambda pair: pair[0].encode("utf-8"))])
            target = _renamed(filter_path, body)
            old, new = filter_path.name.removesuffix(".pf_filter"), target.name.removesuffix(".pf_filter")
            if old.encode() not in meta:
                raise ValueError(f"{meta_path.name} does not name {filter_path.name}")
            meta = meta.replace(old.encode(), new.encode())  # same length: CBOR heads unchanged
            filter_path.unlink()
            _write(target, body)
            count += 1
        meta_path.unlink()
        new_meta = _renamed(meta_path.with_name(meta_path.name.replace("pagefind.", "", 1)), meta)
        lang["hash"] = new_meta.name.removesuffix(".pf_meta")
        _write(bundle / f"pagefind.{new_meta.name}", meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return count
