"""The map and timeline data, from the real catalog."""

from generator.pages.visuals import LABEL_W, Q_W, map_data, plan_timeline


def test_map_draws_each_bilateral_partnership_once_between_current_provinces(catalog):
    data = map_data(catalog)
    bilateral = [p for p in catalog.partnerships.values() if len(p.provinces) == 2]
    assert sorted(l.url for l in data.lines) == sorted(p.url for p in bilateral)
    current = {p.id for p in catalog.provinces.values() if not p.is_former and p.position}
    assert {p.id for p in data.points} == current
    xs = {(p.x, p.y) for p in data.points}
    for line in data.lines:  # a line ends at drawn points
        assert (line.x1, line.y1) in xs and (line.x2, line.y2) in xs


def test_a_successor_carries_its_former_provinces_in_its_label(catalog):
    data = map_data(catalog)
    points = {p.id: p for p in data.points}
    former_active = [
        p
        for p in catalog.provinces.values()
        if p.merged_into and any(p.id in ps.provinces for ps in catalog.partnerships.values())
    ]
    assert former_active
    for f in former_active:
        succ = points[f.merged_into]
        assert succ.active and f"{f.name} cũ" in succ.label and f"gồm cả {f.name} cũ" in succ.title


def test_timeline_rows_span_their_quarters(catalog):
    for plan in catalog.sorted_plans():
        tl = plan_timeline(plan)
        drawn = [t for t in plan.tasks if t.timeframe.start or t.timeframe.ongoing]
        assert len(tl.rows) == len(drawn)
        assert {t.url for t in tl.unscheduled} | {r.url for r in tl.rows} == {t.url for t in plan.tasks}
        for row, task in zip(tl.rows, drawn):
            quarters = len(task.timeframe.quarters()) if task.timeframe.start else len(tl.columns)
            assert row.x1 - row.x0 == quarters * Q_W, task.key
            assert LABEL_W <= row.x0 < row.x1 <= LABEL_W + len(tl.columns) * Q_W
        if tl.columns:
            assert tl.columns[0].year is not None


# ---- on the test dataset (tests/fixtures/data-small): positions and spans worked out by hand --


def test_map_of_the_test_dataset(small_catalog):
    data = map_data(small_catalog)
    assert (data.width, data.height) == (418, 554)  # (113.4-101.8)*36, (23.6-8.2)*36
    # bilateral partnerships only; Bắc Kạn is drawn at Thái Nguyên, which it merged into
    assert [(l.url, (l.x1, l.y1), (l.x2, l.y2)) for l in data.lines] == [
        ("hop-tac/son-la-thanh-hoa/", (76.3, 81.9), (142.8, 136.8)),
        ("hop-tac/ho-chi-minh-bac-kan/", (173.9, 460.0), (145.7, 72.2)),
    ]
    # current provinces with a position (not Điện Biên, which has none), in Vietnamese order
    assert [(p.id, p.active, p.label) for p in data.points] == [
        ("son-la", True, "Sơn La"),
        ("thai-nguyen", True, "Thái Nguyên (Bắc Kạn cũ)"),
        ("thanh-hoa", True, "Thanh Hóa"),
        ("ho-chi-minh", True, "Hồ Chí Minh"),
    ]
    assert data.points[1].title == "Thái Nguyên (gồm cả Bắc Kạn cũ)"


def test_timeline_of_the_test_plan(small_catalog):
    tl = plan_timeline(small_catalog.plans["son-la-kiem-thu-2026"])
    assert (tl.first, tl.last, tl.width, tl.height) == ("1/2026", "4/2027", 96 + 8 * 34 + 8, 34 + 10 * 24 + 8)
    assert [(c.name, c.year) for c in tl.columns] == [
        ("Q1", 2026),
        ("Q2", None),
        ("Q3", None),
        ("Q4", None),
        ("Q1", 2027),
        ("Q2", None),
        ("Q3", None),
        ("Q4", None),
    ]
    q = lambda n: LABEL_W + n * Q_W  # noqa: E731  (x of the start of the n-th quarter drawn)
    assert [(r.label, r.x0, r.x1, r.ongoing) for r in tl.rows] == [
        ("1", q(0), q(4), False),  # Cả năm (from its section)
        ("2", q(1), q(2), False),  # Quý II/2026
        ("I – ý 3", q(0), q(4), False),
        ("1.1", q(2), q(4), False),  # Quý III, Quý IV/2026
        ("1.2", q(2), q(4), False),  # Quý III, IV
        ("5.5", q(3), q(4), False),  # Tháng 12
        ("1 – ý 4", q(0), q(1), False),  # Tháng 3/2026
        ("2.1", q(0), q(8), True),  # Thường xuyên: the whole width
        ("2.4", q(4), q(8), False),  # Năm 2027
        ("2 – ý 5", q(2), q(3), False),
    ]  # Quý III/2026)
    assert [r.y for r in tl.rows] == [34 + 24 * i for i in range(10)]  # rows of 24 px: links
    assert tl.rows[7].title == "Nhiệm vụ 2.1: Thường xuyên"
    assert [t.id for t in tl.unscheduled] == ["ii-2-2", "ii-2-3"]  # as needed, not stated


def test_a_plan_with_nothing_to_draw(small_catalog):
    from dataclasses import replace

    plan = small_catalog.plans["thanh-hoa-chuyen-tiep"]
    undated = replace(plan, tasks=(plan.tasks[0],))
    tl = plan_timeline(undated)
    assert (tl.width, tl.rows, tl.columns) == (0, (), ()) and [t.id for t in tl.unscheduled] == ["y1"]
    tl = plan_timeline(plan)  # Năm 2025 in a 2025-2026 period
    assert len(tl.columns) == 8 and [(r.x0, r.x1) for r in tl.rows] == [(LABEL_W, LABEL_W + 4 * Q_W)]
