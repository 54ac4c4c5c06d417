"""Feeds and calendars without and with a site URL, per agency and province."""

import datetime

import feedparser
import icalendar

from generator.publish.feeds import feed_items, followed
from generator.pages.render import make_env

NOW = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)


def _files(catalog, site_url=""):
    return dict(feed_items(make_env(), catalog, site_url, NOW))


def test_without_a_site_url_nothing_absolute(catalog):
    files = _files(catalog)
    for name, content in files.items():
        text = content.decode("utf-8")
        assert "://" not in text.replace("http://www.w3.org/2005/Atom", ""), name
    feed = feedparser.parse(files["co-quan/son-la-ttxt/nhiem-vu.xml"])
    assert not feed.bozo
    first = feed.entries[0]
    assert first.link.startswith("../../ke-hoach/") and first.id.startswith("urn:uuid:")
    cal = icalendar.Calendar.from_ical(files["co-quan/son-la-ttxt/lich.ics"])
    event = cal.walk("VEVENT")[0]
    assert "URL" not in event
    assert "địa chỉ đầy đủ có trên trang đã xuất bản" in str(event["DESCRIPTION"])


def test_with_a_site_url_everything_absolute(catalog):
    files = _files(catalog, "https://tinh.vn/cong/")
    feed = feedparser.parse(files["tinh-thanh/thanh-hoa/nhiem-vu.xml"])
    assert feed.feed.link == "https://tinh.vn/cong/tinh-thanh/thanh-hoa/"
    assert all(e.link.startswith("https://tinh.vn/cong/ke-hoach/") and e.id == e.link for e in feed.entries)
    cal = icalendar.Calendar.from_ical(files["tinh-thanh/thanh-hoa/lich.ics"])
    assert all(str(e["URL"]).startswith("https://tinh.vn/cong/ke-hoach/") for e in cal.walk("VEVENT"))


def test_each_agency_and_province_feed_holds_exactly_its_tasks(catalog):
    files = _files(catalog)
    pages = followed(catalog)
    assert len(pages) == len(catalog.agencies) + len(catalog.provinces)
    for url, _name, tasks in pages:
        feed = feedparser.parse(files[url + "nhiem-vu.xml"])
        depth = "../" * url.count("/")
        assert sorted(e.link.removeprefix(depth) for e in feed.entries) == sorted(
            t.url + "index.html" for t in tasks
        ), url
        cal = icalendar.Calendar.from_ical(files[url + "lich.ics"])
        assert sorted(str(e["UID"]).split("@")[0] for e in cal.walk("VEVENT")) == sorted(
            t.key for t in tasks if t.timeframe.start
        ), url
    ttxt = next(t for u, _, t in pages if u == "co-quan/son-la-ttxt/")
    assert {t.key for t in ttxt} == {
        t.key for t in catalog.tasks_led_by("son-la-ttxt") + catalog.tasks_coordinated_by("son-la-ttxt")
    }
    province = next(t for u, _, t in pages if u == "tinh-thanh/hung-yen/")
    assert {t.key for t in province} == {t.key for t in catalog.tasks_of_province("hung-yen")}
