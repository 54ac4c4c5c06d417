"""The publisher's settings (mkdocs.yml extra.publisher and extra.report: PORTAL_PUBLISHER,
PORTAL_CONTACT, PORTAL_REPORT_EMAIL, PORTAL_REPORT_ISSUES, repository variables an admin sets)
as the theme may print them.

The theme's templates are not autoescaped (MkDocs' environment): they print every value with
`| e`, and put a contact in a link only through these filters, which give an address only for
an email address (written as is or as mailto:…) or an http(s):// address without a quote or
an angle bracket; anything else ("javascript:…", a quote that would close the href) is
no link. `make publish` refuses to build with such a contact (publish_problem)."""

from __future__ import annotations

import re

from ..errors import one_line
from ..model.fields import URL

# An address a mail program takes: ASCII, no space, quote, angle bracket or query in it.
EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
CONTACT_HELP = (
    "một địa chỉ email (ten@co-quan.gov.vn hoặc mailto:ten@co-quan.gov.vn) hoặc một "
    "địa chỉ web http:// hoặc https://"
)


def contact_email(contact) -> str:
    """The email address `contact` is (with or without mailto:), or ""."""
    text = str(contact or "").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    return text if EMAIL.fullmatch(text) else ""


# Characters no address needs that would end an HTML attribute or a tag if printed unescaped.
_BREAKS_OUT = re.compile(r"[\"'<>`\\]")


def http_url(raw) -> str:
    """`raw` if it is an http(s):// address (no space, control character, quote or angle
    bracket: nothing that could leave the href even unescaped), else "". A host in Vietnamese
    (https://tỉnh.vn/) stays as written: the browser converts it."""
    text = str(raw or "").strip()
    return text if URL.fullmatch(text) and not _BREAKS_OUT.search(text) else ""


def contact_href(contact) -> str:
    """Where the contact links to: mailto:<address> or an http(s):// address; "" if neither."""
    email = contact_email(contact)
    return f"mailto:{email}" if email else http_url(contact)


def publish_problem(extra) -> str | None:
    """Why `make publish` must not build with these settings (mkdocs.yml `extra`), or None."""
    extra = extra or {}
    publisher = extra.get("publisher") or {}
    name, contact = (publisher.get("name") or "").strip(), (publisher.get("contact") or "").strip()
    if not name or not contact:
        return (
            "make publish: extra.publisher in mkdocs.yml (name, contact) is not configured: set "
            "PORTAL_PUBLISHER (who runs the portal) and PORTAL_CONTACT (an email or web address "
            "readers write to), or write them in mkdocs.yml."
        )
    if not contact_href(contact):
        return one_line(
            f"make publish: PORTAL_CONTACT / extra.publisher.contact '{contact}' không phải {CONTACT_HELP}."
        )
    report = extra.get("report") or {}
    if report.get("email") and not contact_email(report["email"]):
        return one_line(
            f"make publish: PORTAL_REPORT_EMAIL / extra.report.email '{report['email']}' "
            "không phải một địa chỉ email."
        )
    if report.get("issues") and not http_url(report["issues"]):
        return one_line(
            f"make publish: PORTAL_REPORT_ISSUES / extra.report.issues '{report['issues']}' "
            "không phải địa chỉ http(s)://."
        )
    return None


FILTERS = {"contact_href": contact_href, "contact_email": contact_email, "http_url": http_url}
