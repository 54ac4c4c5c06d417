"""Page bodies: HTML from autoescaped templates, never parsed by Markdown; headings for the TOC."""

import markdown

from generator.build import render_html, render_page
from generator.pages.specs import all_pages
from generator.pages.render import front_matter, make_env, page_body

BODY = """<nav>crumbs</nav>
<h1>A &amp; B (x) #1</h1>

<p>first</p>
<h2 id="noi-dung">Nội
dung</h2>
<div><p>second</p></div>
"""


def test_the_body_stays_as_rendered_and_its_headings_make_the_table_of_contents():
    body = page_body("---\n---\n", BODY)
    assert body.markdown == "---\n---\n"
    assert [(h.level, h.id, h.name) for h in body.headings] == [
        (1, "a-b-x-1", "A &amp; B (x) #1"),
        (2, "noi-dung", "Nội dung"),
    ]
    html = body.body
    assert '<h1 id="a-b-x-1">A &amp; B (x) #1</h1>' in html
    assert '<h2 id="noi-dung">Nội dung</h2>' in html
    assert "<nav>crumbs</nav>" in html and "<div><p>second</p></div>" in html


def test_heading_ids_are_those_markdown_would_give():
    """A heading without an id gets the slug Python-Markdown's toc extension makes, unique on
    the page: anchors stay the same whoever renders the page."""
    html = (
        '<h1>Sơn La &amp; Thanh Hóa</h1>\n<h2 id="son-la-thanh-hoa">x</h2>\n<h1>Sơn La &amp; Thanh Hóa</h1>\n'
    )
    expected = markdown.Markdown(extensions=["toc", "attr_list"]).convert(
        "# Sơn La &amp; Thanh Hóa\n\n## x {#son-la-thanh-hoa}\n\n# Sơn La &amp; Thanh Hóa\n"
    )
    ids = [h.id for h in page_body("", html).headings]
    assert ids == ["son-la-thanh-hoa_1", "son-la-thanh-hoa", "son-la-thanh-hoa_2"]
    assert all(f'id="{i}"' in expected for i in ids)


def test_front_matter_is_yaml_with_html_escaped_values():
    assert front_matter('Kế hoạch "A" <b>', "x\n y") == (
        '---\ntitle: "Kế hoạch &#34;A&#34; &lt;b&gt;"\ndescription: "x y"\n---\n'
    )


def test_every_generated_page_has_one_h1_and_headings_with_ids(catalog):
    env = make_env()
    specs = all_pages(catalog, __import__("datetime").date(2026, 7, 1))
    for spec in specs[:: max(1, len(specs) // 40)]:
        body = render_page(env, spec)
        assert [h.level for h in body.headings].count(1) == 1, spec.url
        assert all(h.id for h in body.headings), spec.url
        assert body.markdown.startswith("---\n") and body.markdown.endswith("---\n"), spec.url


def test_text_is_escaped_once(catalog):
    """Autoescape is the only escaper: a quote in data shows as &#34;, never escaped twice."""
    env = make_env()
    htmls = [render_html(env, s) for s in all_pages(catalog, __import__("datetime").date(2026, 7, 1))]
    assert not any("&amp;amp;" in h or "&amp;#" in h for h in htmls)
    assert any("&#34;" in h for h in htmls)


def test_a_large_body_waits_compressed_and_comes_back_whole():
    rows = "".join(f"<tr><td>Nhiệm vụ {i}: Sở Công Thương phối hợp</td></tr>\n" for i in range(2000))
    html = f'<h1 id="lich">Lịch</h1>\n<table>\n{rows}</table>\n'
    body = page_body("---\n---\n", html)
    assert body.compressed and len(body.packed) < len(html.encode("utf-8")) / 5
    assert body.body == html
    small = page_body("", '<h1 id="a">Một nhiệm vụ</h1>\n<p>ngắn</p>\n')
    assert not small.compressed and small.body == '<h1 id="a">Một nhiệm vụ</h1>\n<p>ngắn</p>\n'
