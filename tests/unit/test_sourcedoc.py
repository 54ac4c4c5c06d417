"""Source documents: the transcribed text, its lines, and where each task is printed."""

from pathlib import Path

from generator.pages.source_documents import documents, parse_line, parse_text
from generator.textnorm import fold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"  # beside the clone in CI and here; not in a fork


def test_a_line_as_a_reader_sees_it():
    row = parse_line(7, "1\t<p>Phối hợp tổ chức</p> <p>Nội dung làm việc</p>\t<b>Năm 2026</b>")
    assert row.anchor == "dong-7" and not row.heading
    assert row.cells == (("1",), ("Phối hợp tổ chức", "Nội dung làm việc"), ("Năm 2026",))
    assert parse_line(1, "#### I. MỤC ĐÍCH, YÊU CẦU").heading
    assert parse_line(1, "I. MỤC ĐÍCH, YÊU CẦU ").heading
    assert not parse_line(1, "1. Mục đích").heading
    assert parse_line(1, "**Nơi nhận:**").text == "Nơi nhận:"
    assert parse_line(1, "|") is None and parse_line(1, "   ") is None


def test_one_document_per_source_file_named_after_the_plan_that_opens_it(catalog):
    docs = documents(catalog, ROOT / "data")
    assert sorted(docs) == [
        "nghe-an-8177-ubnd-cn-2023",
        "son-la-hung-yen-2022-2025",
        "son-la-thanh-hoa-2026",
        "son-la-thu-hut-dau-tu-2023",
    ]
    forwarded = docs["nghe-an-8177-ubnd-cn-2023"]
    assert [p.id for p in forwarded.plans] == ["nghe-an-8177-ubnd-cn-2023", "ho-chi-minh-4778-kh-ubnd-2023"]
    start = forwarded.plan_starts["ho-chi-minh-4778-kh-ubnd-2023"]
    assert next(l for l in forwarded.lines if l.number == start).text == "Số: 4778 /KH-UBND"


def test_every_task_is_placed_on_the_line_that_prints_it(catalog):
    docs = documents(catalog, ROOT / "data")
    placed = 0
    for doc in docs.values():
        for plan in doc.plans:
            numbers = [doc.places[t.key] for t in plan.tasks if t.key in doc.places]
            assert numbers == sorted(numbers), plan.id  # printed in the order of the data
            for task in plan.tasks:
                start = doc.places[task.key]  # a cell of the extraction may span lines
                text = " ".join(fold(l.text) for l in doc.lines if start <= l.number < start + 9)
                words = " ".join(fold(task.content).split()[:4]).strip(".,;:")
                assert text.startswith(words) or f" {words}" in text[:200], (task.key, start)
                placed += 1
    assert placed == len(catalog.tasks) == 173


def test_a_short_task_is_not_placed_inside_a_longer_sentence(catalog):
    doc = documents(catalog, ROOT / "data")["nghe-an-8177-ubnd-cn-2023"]
    line = doc.places["ho-chi-minh-4778-kh-ubnd-2023/pl2-i-1"]  # "Hội chợ Du lịch Quốc tế …"
    assert line > doc.places["ho-chi-minh-4778-kh-ubnd-2023/ii-3-2-y4"]
    assert next(l for l in doc.lines if l.number == line).cells[1] == (
        "Hội chợ Du lịch Quốc tế Thành phố Hồ Chí Minh.",
    )


def test_without_the_text_the_document_still_exists(catalog, tmp_path):
    docs = documents(catalog, tmp_path)
    assert all(d.lines == () and d.places == {} for d in docs.values())
    task = catalog.plans["son-la-thanh-hoa-2026"].tasks[0]
    assert docs["son-la-thanh-hoa-2026"].place(task) == "van-ban/son-la-thanh-hoa-2026/"


def test_the_texts_in_the_repository_are_the_seeds_byte_for_byte():
    copies = sorted((ROOT / "data/sources").glob("*.txt"))
    assert len(copies) == 4
    if SEEDS.is_dir():
        for copy in copies:
            assert copy.read_bytes() == (SEEDS / copy.name).read_bytes(), copy.name
    assert parse_text((ROOT / "data/sources" / copies[0].name).read_text("utf-8"))
