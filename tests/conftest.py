"""Shared helpers: build through the real command line and read the PDFs back."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartprint.cli import app

LOCATION = re.compile(r"^(?P<file>[^:\n]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): .+", re.M)


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """pyproject.toml's addopts ask pytest-xdist for workers (`-n auto --dist loadgroup`).
    Without xdist (`-p no:xdist`, or pytest installed without it) pytest would refuse
    those options; here they are then accepted and ignored, and the suite runs in one
    process. (`_addoption`: pytest keeps one-letter lowercase options for itself and
    lets plugins in only this way, as xdist does.)"""
    if pluginmanager.has_plugin("xdist"):
        return
    group = parser.getgroup("xdist", "without pytest-xdist: accepted and ignored")
    group._addoption("-n", "--numprocesses", dest="numprocesses", default=None, help="ignored without pytest-xdist")
    group.addoption("--dist", dest="dist", default="no", help="ignored without pytest-xdist")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args))


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in order, as PDFium (Chrome's PDF engine) reads it: much
    faster than pypdf, which roughly doubled the time of the PDF tests."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_bounded() for i in range(len(doc))]
    finally:
        doc.close()  # closes its pages and text pages too


def render(pdf: Path, page: int, dpi: int = 50):
    """A page as a PIL image (pypdfium2), for checks on what a printer would put on paper."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
