"""generator/officialdoc.py: the official file's link and format, from its address alone."""

import pytest

from generator.pages.officialdoc import official


@pytest.mark.parametrize(
    "url, fmt, host",
    [
        ("https://vanban.hochiminhcity.gov.vn/files/4778.PDF", "PDF", "vanban.hochiminhcity.gov.vn"),
        ("https://sonla.gov.vn/van-ban/kh-12.docx?tai=1", "Word", "sonla.gov.vn"),
        ("http://x.gov.vn/van-ban/12/", "trang web", "x.gov.vn"),
        ("https://x.gov.vn/chi-tiet.aspx?id=3", "trang web", "x.gov.vn"),
    ],
)
def test_format_from_the_address(url, fmt, host):
    doc = official(url)
    assert (doc.url, doc.format, doc.host) == (url, fmt, host)


@pytest.mark.parametrize("url", [None, "", "javascript:alert(1)", "ftp://x.gov.vn/a.pdf"])
def test_no_link_without_an_http_address(url):
    assert official(url) is None
