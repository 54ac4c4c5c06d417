"""The Atom feed and the iCalendar files parse with independent libraries."""
from pathlib import Path

import feedparser
import icalendar


def test_atom_feed_of_plans_newest_first(built_site: Path):
    feed = feedparser.parse((built_site / "feeds/ke-hoach.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert len(titles) == 5
    assert titles[0] == "Kế hoạch thực hiện Biên bản ghi nhớ về hợp tác đầu tư, thương mại và du lịch tỉnh Sơn La và tỉnh Thanh Hóa năm 2026"
    assert titles.index("Công văn số 8177/UBND-CN") < titles.index("Kế hoạch số 4778/KH-UBND")
    # no site URL in the tests' build: links relative to the feed (tests/site/test_citable.py)
    assert all(e.link.startswith("../ke-hoach/") and e.link.endswith("/index.html")
               for e in feed.entries)


def test_plan_calendar(built_site: Path):
    cal = icalendar.Calendar.from_ical((built_site / "ke-hoach/son-la-thanh-hoa-2026/lich.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == 12  # 14 tasks, two without a timeframe
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) and "son-la-thanh-hoa-2026/10@cong-ke-hoach-hop-tac" in uids
    e10 = next(e for e in events if str(e["UID"]).startswith("son-la-thanh-hoa-2026/10@"))
    assert str(e10["DTSTART"].dt) == "2026-04-01" and str(e10["DTEND"].dt) == "2026-07-01"
    assert "Nhiệm vụ 10" in str(e10["SUMMARY"])


def test_portal_calendar_leaves_out_ongoing_tasks(built_site: Path, catalog):
    cal = icalendar.Calendar.from_ical((built_site / "lich/nhiem-vu.ics").read_bytes())
    uids = {str(e["UID"]).split("@")[0] for e in cal.walk("VEVENT")}
    with_span = {t.key for t in catalog.tasks if t.timeframe.start}
    assert uids == with_span
    assert not any(t.key in uids for t in catalog.tasks if t.timeframe.ongoing)


def test_slices_of_open_data(built_site: Path):
    import json
    tasks = json.loads((built_site / "opendata/co-quan/son-la-so-cong-thuong.json").read_text("utf-8"))
    assert {t["plan"] for t in tasks} == {"son-la-thanh-hoa-2026", "son-la-hung-yen-2022-2025"}
    assert (built_site / "opendata/hop-tac/son-la-hung-yen.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(json.loads((built_site / "opendata/ke-hoach/son-la-hung-yen-2022-2025.json")
                          .read_text("utf-8"))) == 42
