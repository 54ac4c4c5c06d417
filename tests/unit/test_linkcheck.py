"""The site link checker itself (tests/site/linkcheck.py), on a three-page site."""

from tests.site import linkcheck


def _site(tmp_path):
    (tmp_path / "a").mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<a href="a/index.html#muc">ok</a> <a href="a/#khong">no anchor</a> <a href="b.html">missing</a>'
        ' <a href="https://x.org/">other host</a> <a href="#top">self</a> <p id="top"></p>'
        ' <a href="../outside.html">outside</a>',
        encoding="utf-8",
    )
    (tmp_path / "a/index.html").write_text(
        '<h2 id="muc">x</h2><a name="cu"></a><a href="../index.html#top">back</a>'
        '<a href="index.html#cu">old anchor</a><img src="../index.html">',
        encoding="utf-8",
    )
    (tmp_path.parent / "outside.html").write_text("", encoding="utf-8")
    return tmp_path


def test_broken_links_and_anchors_are_reported(tmp_path):
    site = _site(tmp_path / "site")
    assert linkcheck.broken_links(site) == [
        "index.html: a/#khong (no #khong)",
        "index.html: b.html",
        "index.html: ../outside.html",
    ]


def test_each_page_is_parsed_once(tmp_path, monkeypatch):
    site = _site(tmp_path / "site")
    seen = []
    original = linkcheck.parse
    monkeypatch.setattr(linkcheck, "parse", lambda page: seen.append(page) or original(page))
    linkcheck.broken_links(site)
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 2


def test_resources_from_another_host_are_reported(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//f.example/a.css">'
        '<a href="https://x.org/">a link loads nothing</a><img src="i.png">',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text("body{background:url('http://x.example/i.png')}", encoding="utf-8")
    assert linkcheck.external_resources(tmp_path) == [
        "index.html: https://cdn.example/x.js",
        "index.html: //f.example/a.css",
        "s.css: url(http…)",
    ]
