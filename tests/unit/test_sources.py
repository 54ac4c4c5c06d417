from pathlib import Path

from generator.model.datafiles import MAX_BYTES, load_file, load_text


def messages(problems):
    return [str(p) for p in problems]


def test_locations_on_every_mapping_and_item():
    data, problems = load_text("a:\n  b: 2024-12-20\n  c: [x, y]\n", "f.yml")
    assert problems == []
    assert data["a"].loc.line == 2
    assert data["a"].key_locs["c"].line == 3
    assert [loc.column for loc in data["a"]["c"].item_locs] == [7, 10]
    assert str(data["a"]["b"]) == "2024-12-20"


def test_duplicate_keys_are_refused():
    _, problems = load_text("id: a\nname: X\nid: b\n", "f.yml")
    assert messages(problems) == [
        "f.yml:3:1: khóa 'id' lặp lại (đã có ở dòng 1) (mỗi khóa chỉ một lần trong một khối)"
    ]


def test_aliases_are_refused_before_expansion():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    data, problems = load_text(laughs, "laughs.yml")
    assert data is None
    assert messages(problems) == [
        "laughs.yml:1:4: có anchor/alias YAML (&, *) (viết đầy đủ từng giá trị, không dùng & và *)"
    ]


def test_tab_indentation():
    _, problems = load_text("tasks:\n\t- id: x\n", "f.yml")
    assert str(problems[0]).startswith("f.yml:2:1: YAML không đọc được")
    assert "không dùng tab" in str(problems[0])


def test_unclosed_quote_points_at_the_opening_quote():
    _, problems = load_text('id: a\ntitle: "Kế hoạch\nnumber: null\n', "f.yml")
    assert str(problems[0]).startswith("f.yml:2:8: YAML không đọc được: dấu nháy mở ở đây chưa được đóng")


def test_bad_indentation():
    _, problems = load_text("id: a\n  name: b\n", "f.yml")
    assert str(problems[0]).startswith("f.yml:2:")


def test_empty_file(tmp_path: Path):
    (tmp_path / "e.yml").write_text("# only a comment\n", encoding="utf-8")
    _, problems = load_file(tmp_path / "e.yml", tmp_path)
    assert messages(problems) == ["e.yml:1: tệp rỗng (một khối dữ liệu YAML)"]


def test_not_utf8(tmp_path: Path):
    (tmp_path / "l.yml").write_bytes(
        "id: a\nname: Sơn La\n".encode("cp1258", errors="replace").replace(b"S", b"S\xff")
    )
    _, problems = load_file(tmp_path / "l.yml", tmp_path)
    assert messages(problems) == ["l.yml:2: tệp không phải UTF-8 (lưu tệp với mã hóa UTF-8)"]


def test_too_large(tmp_path: Path):
    (tmp_path / "big.yml").write_bytes(b"a: " + b"x" * (MAX_BYTES + 1))
    _, problems = load_file(tmp_path / "big.yml", tmp_path)
    assert "tệp quá lớn" in str(problems[0])


def test_bom_is_accepted(tmp_path: Path):
    (tmp_path / "b.yml").write_bytes("\ufeffid: a\n".encode("utf-8"))
    data, problems = load_file(tmp_path / "b.yml", tmp_path)
    assert problems == [] and data == {"id": "a"}
