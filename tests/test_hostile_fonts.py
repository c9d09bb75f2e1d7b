"""Fonts and logos from a sheet (issue 11): registered by content, never by bare file name; bad files refused.

A sheet may bring its own ``LiberationSans-Regular.ttf`` that is another font
under that name.  The PDF writer keeps fonts for the whole process, so a
batch must not embed the sheet's font in the next document, whose bytes
would then depend on the order of the build.
"""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.style.choose import load_style
from flowgen.text import FontResolver
from tests.helpers import ROOT

SURAT = ROOT / "examples" / "surat-masuk.pos"


def base_fonts(pdf: bytes) -> set[str]:
    return {m.decode() for m in re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z0-9-]+)", pdf)}


def test_a_sheets_font_under_another_fonts_name_does_not_leak_into_the_next_document(tmp_path: Path) -> None:
    dejavu = FontResolver().resolve(["DejaVu Sans"])
    shutil.copy(dejavu.path, tmp_path / "LiberationSans-Regular.ttf")  # another font under Liberation's name
    sheet = tmp_path / "own.css"
    sheet.write_text(
        '@font-face { font-family: "Mine"; src: url("LiberationSans-Regular.ttf"); }\n:root { font-family: Mine; }\n',
        encoding="utf-8",
    )
    procedure = flowgen.load(SURAT)
    plain = resolve_style(None, procedure)
    assert Path(plain.step().text.face.path).name == "LiberationSans-Regular.ttf"  # the system's own
    before = flowgen.render_lampiran(procedure, plain, "pdf")
    own = flowgen.render_lampiran(procedure, load_style(sheet), "pdf")
    after = flowgen.render_lampiran(procedure, plain, "pdf")
    assert "DejaVuSans" in base_fonts(own) and "DejaVuSans" not in base_fonts(before)
    assert after == before  # the same bytes whatever was built before it
    assert "LiberationSans" in base_fonts(after)


def test_the_sheets_font_first_then_the_system_one(tmp_path: Path) -> None:
    """The other order: the first registration does not decide what a later document embeds."""
    dejavu = FontResolver().resolve(["DejaVu Sans"])
    shutil.copy(dejavu.path, tmp_path / "LiberationSans-Bold.ttf")
    sheet = tmp_path / "own.css"
    sheet.write_text(
        '@font-face { font-family: "Mine"; src: url("LiberationSans-Bold.ttf"); font-weight: bold; }\n'
        ":root { font-family: Mine, Arial; }\n",
        encoding="utf-8",
    )
    procedure = flowgen.load(SURAT)
    own = flowgen.render_lampiran(procedure, load_style(sheet), "pdf")
    plain = flowgen.render_lampiran(procedure, resolve_style(None, procedure), "pdf")
    assert "DejaVuSans-Bold" not in base_fonts(plain)
    assert "LiberationSans-Bold" in base_fonts(plain)
    assert own != plain


def png(width: int, height: int) -> bytes:
    """A small file that claims a huge picture (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (png(60_000, 60_000), "too many pixels (at most 16,000,000)"),
        (png(0, 10), "not an image Pillow can read"),
        (b"GIF89a" + b"\0" * 20, "not an image Pillow can read"),
    ],
)
def test_a_bomb_or_junk_logo_is_a_positioned_error(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "logo.png").write_bytes(content)
    sheet = tmp_path / "s.css"
    sheet.write_text('logo { src: url("logo.png") }', encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        load_style(sheet)
    ((d),) = caught.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("style-unreadable-image", 1, 13)
    assert d.message == f"cannot read the image 'logo.png': {reason}"
