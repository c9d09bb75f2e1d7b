"""A PDF's bytes depend on what it shows, never on where its files lie."""

from __future__ import annotations

import shutil
from pathlib import Path

from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Image, Page
from tests.helpers import ROOT


def _page_with(logo: Path) -> Document:
    page = Page(200.0, 100.0, Group((Image(10.0, 10.0, 40.0, 40.0, str(logo)),)), "logo")
    return Document((page,), "logo")


def test_an_image_is_named_by_its_pixels_not_its_path(tmp_path: Path) -> None:
    shipped = ROOT / "styles" / "logo-kemendikbud.png"
    first, second = tmp_path / "a" / "logo.png", tmp_path / "b" / "c" / "logo.png"
    for copy in (first, second):
        copy.parent.mkdir(parents=True)
        shutil.copy(shipped, copy)
    assert render_pdf(_page_with(first)) == render_pdf(_page_with(second))
