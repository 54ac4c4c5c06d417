"""The map and timeline data, from the real catalog."""
from generator.visuals import LABEL_W, Q_W, map_data, plan_timeline


def test_map_draws_each_bilateral_partnership_once_between_current_provinces(catalog):
    data = map_data(catalog)
    bilateral = [p for p in catalog.partnerships.values() if len(p.provinces) == 2]
    assert sorted(l.url for l in data.lines) == sorted(p.url for p in bilateral)
    current = {p.id for p in catalog.provinces.values() if not p.is_former and p.position}
    assert {p.id for p in data.points} == current
    xs = {(p.x, p.y) for p in data.points}
    for line in data.lines:                        # a line ends at drawn points
        assert (line.x1, line.y1) in xs and (line.x2, line.y2) in xs


def test_a_successor_carries_its_former_provinces_in_its_label(catalog):
    data = map_data(catalog)
    points = {p.id: p for p in data.points}
    former_active = [p for p in catalog.provinces.values() if p.merged_into
                     and any(p.id in ps.provinces for ps in catalog.partnerships.values())]
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
