"""Page bodies: HTML from autoescaped templates; Markdown gets headings and token paragraphs."""
import markdown
from markdown import htmlparser

from generator.build import render_html, render_page
from generator.pages import all_pages
from generator.render import front_matter, make_env, split_body

BODY = """<nav>crumbs</nav>
<h1 data-pagefind-weight="10">A &amp; B (x) #1</h1>

<p>first</p>
<h2 id="noi-dung">Nội
dung</h2>
<div><p>second</p></div>
"""


def _markdown_tags(text: str) -> int:
    seen = [0]
    original = htmlparser.HTMLExtractor.handle_starttag

    def counting(self, tag, attrs):
        seen[0] += 1
        return original(self, tag, attrs)
    htmlparser.HTMLExtractor.handle_starttag = counting
    try:
        html = markdown.Markdown(extensions=["attr_list", "toc"]).convert(text)
    finally:
        htmlparser.HTMLExtractor.handle_starttag = original
    return seen[0], html


def test_headings_become_markdown_and_the_rest_token_paragraphs():
    body = split_body("", BODY)
    assert body.blocks == ("<nav>crumbs</nav>", "<p>first</p>", "<div><p>second</p></div>")
    assert body.markdown.split("\n\n") == [
        "", "PORTALBLOCK0", '# A &amp; B \\(x\\) \\#1 {data-pagefind-weight="10"}', "PORTALBLOCK1",
        "## Nội dung {#noi-dung}", "PORTALBLOCK2\n"]


def test_markdown_sees_no_html_and_the_blocks_come_back_unparsed():
    body = split_body("", BODY)
    tags, html = _markdown_tags(body.markdown)
    assert tags == 0
    out = body.html(html)
    assert '<h1 data-pagefind-weight="10" id="a-b-x-1">A &amp; B (x) #1</h1>' in out
    assert '<h2 id="noi-dung">Nội dung</h2>' in out
    assert "<div><p>second</p></div>" in out and "PORTALBLOCK" not in out


def test_front_matter_is_yaml_with_html_escaped_values():
    assert front_matter('Kế hoạch "A" <b>', "x\n y") == (
        '---\ntitle: "Kế hoạch &#34;A&#34; &lt;b&gt;"\ndescription: "x y"\n---\n')


def test_every_generated_page_gives_markdown_no_html(catalog):
    env = make_env()
    specs = all_pages(catalog, __import__("datetime").date(2026, 7, 1))
    for spec in specs[:: max(1, len(specs) // 40)]:
        body = render_page(env, spec)
        tags, _ = _markdown_tags(body.markdown.split("\n---\n", 1)[1])
        assert tags == 0, spec.url


def test_text_is_escaped_once(catalog):
    """Autoescape is the only escaper: a quote in data shows as &#34;, never escaped twice."""
    env = make_env()
    htmls = [render_html(env, s) for s in all_pages(catalog, __import__("datetime").date(2026, 7, 1))]
    assert not any("&amp;amp;" in h or "&amp;#" in h for h in htmls)
    assert any("&#34;" in h for h in htmls)
