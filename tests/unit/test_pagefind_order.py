"""The Pagefind filter index is rewritten in sorted order, with the names that point at it."""
import gzip
import json

from generator.pagefind_order import MAGIC, decode, encode, sort_filter_index


def _file(path, value):
    path.write_bytes(gzip.compress(MAGIC + encode(value), mtime=0))


def _bundle(tmp_path, values, name="vi_aaaaaaa", meta="vi_bbbbbbbbbb"):
    bundle = tmp_path / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    _file(bundle / "filter" / f"{name}.pf_filter", ["loai", values])
    # the language's meta names the filter file (here as one text among others)
    _file(bundle / f"pagefind.{meta}.pf_meta", ["1.5.2", [[name, 12]], ["vi_ccccccc", 3]])
    (bundle / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"vi": {"hash": meta, "wasm": None, "page_count": 3}}}))
    return bundle


def _read(path):
    return decode(gzip.decompress(path.read_bytes())[len(MAGIC):])[0]


def test_cbor_round_trip_uses_the_shortest_heads():
    for value in (0, 23, 24, 255, 256, 65536, 2**32, "", "Cơ quan", [1, [2, "x"]], ["a" * 30]):
        body = encode(value)
        assert decode(body) == (value, len(body))
    assert encode(23) == b"\x17" and encode(24) == b"\x18\x18" and encode(256) == b"\x19\x01\x00"


def test_two_orders_of_the_same_filter_give_the_same_files(tmp_path):
    one = _bundle(tmp_path / "one", [["Nhiệm vụ", [1, 2]], ["Cơ quan", [0]]], "vi_1111111", "vi_2222222222")
    two = _bundle(tmp_path / "two", [["Cơ quan", [0]], ["Nhiệm vụ", [1, 2]]], "vi_3333333", "vi_4444444444")
    assert sort_filter_index(one) == 1 and sort_filter_index(two) == 1
    files = lambda b: {p.relative_to(b).as_posix(): p.read_bytes() for p in b.rglob("*") if p.is_file()}  # noqa: E731
    assert files(one) == files(two)


def test_names_follow_the_new_content(tmp_path):
    bundle = _bundle(tmp_path, [["Nhiệm vụ", [1, 2]], ["Cơ quan", [0]]])
    sort_filter_index(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta_name = entry["languages"]["vi"]["hash"]
    (filter_file,) = (bundle / "filter").glob("*.pf_filter")
    assert _read(filter_file) == ["loai", [["Cơ quan", [0]], ["Nhiệm vụ", [1, 2]]]]
    meta = _read(bundle / f"pagefind.{meta_name}.pf_meta")
    assert meta[1][0][0] == filter_file.name.removesuffix(".pf_filter")
    assert meta[2] == ["vi_ccccccc", 3]  # nothing else in the meta changes
    assert len(list(bundle.glob("*.pf_meta"))) == 1
