"""TrueType outlines for an OpenType font with PostScript (CFF) outlines, for the PDF.

reportlab embeds TrueType fonts as subsets with a ToUnicode map, so copied
text comes out as written; it cannot embed CFF outlines.  Such a font (URW
Bookman, the Bookman of the kemendikbud style) is given quadratic outlines
converted from its own cubic ones (fontTools' cu2qu, within a thousandth of
an em) and every other table kept, so its advances, kerning and names are
the ones the layout measured.  The converted file is kept in the user's
cache folder (named by the source file's content), since converting takes a
quarter of a second per face; where no cache folder can be written, it is
converted in memory on each run.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
from pathlib import Path

CONVERTER = "cu2qu-2"  # bump when the conversion changes, so cached files are made again
MAX_ERROR = 1.0  # font units (a thousandth of an em for a 1000-unit font)


class FontConversionError(ValueError):
    """A CFF font could not be given TrueType outlines."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flowgen" / "fonts"


def convert(data: bytes) -> bytes:
    """The bytes of a TrueType-flavoured copy of an OpenType-CFF font."""
    try:
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen
        from fontTools.ttLib import TTFont, newTable
    except ImportError as exc:  # pragma: no cover - fontTools is an install requirement
        raise FontConversionError(f"fontTools is not installed ({exc})") from None
    try:
        font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # no date in it: the same PDF bytes every run
        if font.sfntVersion != "OTTO":
            return data
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
            glyphs[name] = pen.glyph()
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = glyphs
        del font["CFF "]
        if "VORG" in font:
            del font["VORG"]
        glyf.compile(font)
        hmtx = font["hmtx"]
        for name, glyph in glyf.glyphs.items():  # left side bearings from the new outlines
            hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion = 0x00010000  # TrueType's maxp (point and contour counts are recomputed on saving)
        maxp.maxZones = 1
        for field in (
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
        ):
            setattr(maxp, field, 0)
        post = font["post"]
        post.formatType = 2.0
        post.extraNames = []
        post.mapping = {}
        post.glyphOrder = order
        font.sfntVersion = "\0\1\0\0"
        out = io.BytesIO()
        font.save(out, reorderTables=True)
        return out.getvalue()
    except (KeyError, AttributeError, TypeError, ValueError, AssertionError) as exc:
        raise FontConversionError(f"cannot convert its outlines to TrueType: {exc}") from None


@functools.lru_cache(maxsize=16)
def _converted(key: str, data: bytes) -> bytes:
    """CFF outlines converted, by the digest of the file's bytes (so a changed file is converted again)."""
    cached = _cache_dir() / f"font-{key}.ttf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    converted = convert(data)
    try:  # written under a temporary name and moved: parallel builds never read half a file
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, suffix=".tmp", delete=False) as handle:
            handle.write(converted)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, cached)
    except OSError:
        pass  # no cache folder: converted again next time
    return converted


def truetype_data(data: bytes) -> bytes:
    """The TrueType bytes reportlab's ``TTFont`` should read for a font file's bytes."""
    if data[:4] != b"OTTO":
        return data
    return _converted(hashlib.sha256(data + CONVERTER.encode()).hexdigest()[:20], data)
