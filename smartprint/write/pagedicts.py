"""Page dictionaries formatted from a template: the same bytes reportlab writes, faster.

reportlab formats every page's dictionary generically when it saves: a dictionary of
PDF objects is built, its keys sorted, each value formatted through a chain of calls.
For 10,000 bingo sheets that was about a fifth of the build, and nearly every page
says the same thing: its own content stream, then the same media box, parent,
fonts, forms and transition. Here the first page of each shape is formatted by
reportlab itself and kept as a template; a later page of the same shape gets the
template with its own content-stream number. The shape is everything the dictionary
holds except that number, so the bytes cannot differ (tests/test_pagedicts.py builds
every built-in both ways and compares them). A page with anything unusual (links,
boxes, an object formatted by reference) is left to reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc

_generic: Callable[[Any, Any], bytes] = pdfdoc.PDFCatalog.format
_LEAVES = (int, float, str, bytes, bool, type(None))


def _shape(value: Any) -> Any:
    """A hashable picture of a value as the page dictionary formats it, or a KeyError
    for anything this module does not know to format the same way every time."""
    if type(value) in _LEAVES:
        return (type(value), value)
    if type(value) is pdfdoc.PDFObjectReference:
        return ("ref", value.name)
    if type(value) in (pdfdoc.PDFDictionary, dict):
        items = value.dict if type(value) is pdfdoc.PDFDictionary else value
        return (type(value), tuple((key, _shape(item)) for key, item in items.items()))
    if type(value) is pdfdoc.PDFArray:
        return ("array", tuple(_shape(item) for item in value.sequence))
    if type(value) in (list, tuple):
        return ("list", tuple(_shape(item) for item in value))
    if type(value) is pdfdoc.PDFResourceDictionary:
        names = (*value.dict_attributes, "ProcSet")
        return ("resources", tuple(_shape(getattr(value, name)) for name in names))
    raise KeyError(type(value))


def _page_shape(page: Any) -> Any:
    """What page dictionaries of this shape have in common: every key reportlab
    formats, the content stream left out (it is the one thing that differs)."""
    keys = [name for name in page.__NoDefault__ if name != "Contents"]
    return (
        type(page),
        tuple(page.__Refs__),
        tuple((name, _shape(getattr(page, name, default))) for name, default in page.__Defaults__.items()),
        tuple((name, _shape(getattr(page, name, None))) for name in keys),
    )


def format_page(page: Any, document: Any) -> bytes:
    """`PDFPage.format`: reportlab's own result, from a template when the shape is known."""
    page.check_format(document)
    contents = page.Contents
    if page.Override_default_compilation or type(contents) is not pdfdoc.PDFStream:
        return _generic(page, document)
    try:
        shape = _page_shape(page)
    except KeyError:
        return _generic(page, document)
    # registered now, in the order reportlab's format registers them (Contents, Parent)
    number = document.idToObjectNumberAndVersion[document.Reference(contents).name][0]
    templates: dict[Any, bytes | None] = document.__dict__.setdefault("_page_templates", {})
    template: bytes | None = templates.get(shape, b"")
    if template:
        document.Reference(page.Parent)
        filled: bytes = template % number
        return filled
    data = _generic(page, document)
    marker = b"/Contents %d 0 R" % number
    if template is None:
        return data
    if data.count(marker) != 1:
        templates[shape] = None  # not a shape a number can be put into: reportlab's every time
        return data
    templates[shape] = data.replace(b"%", b"%%").replace(marker, b"/Contents %d 0 R")
    return data


def install() -> None:
    """Format reportlab's pages here (once; only if reportlab's page is as expected)."""
    page = pdfdoc.PDFPage
    if page.format is _generic and hasattr(page, "check_format") and hasattr(pdfdoc, "PDFResourceDictionary"):
        page.format = format_page
