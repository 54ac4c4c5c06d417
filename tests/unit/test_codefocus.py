"""generator/codefocus.py: every code block of a Markdown page is reachable by keyboard."""

from generator.codefocus import focusable_code


def test_every_pre_gets_tabindex_once():
    html = (
        '<pre><code>a</code></pre><p>x</p><pre class="l"><code>b</code></pre>'
        '<pre tabindex="-1">c</pre><prefix>'
    )
    assert focusable_code(html) == (
        '<pre tabindex="0"><code>a</code></pre><p>x</p><pre tabindex="0" class="l"><code>b</code>'
        '</pre><pre tabindex="-1">c</pre><prefix>'
    )
    assert focusable_code(focusable_code(html)) == focusable_code(html)
