"""Fonts and text: which file a font-family means, how wide a text is, where lines break.

This is the one place that measures text.  Layouts wrap and size symbols with
:func:`measure`; the painters draw with the same font file (Pillow for PNG,
the PDF embeds it) and the SVG names it first in its font-family, so what
was measured is what is drawn.  Widths are the font's own advances (shaped
by Pillow at 1000 pixels and scaled), so 8.1 pt text is measured as 8.1 pt,
the same way ``svgcheck`` measures it.

Families are resolved like CSS: the first family of the list that is
installed wins.  Common office names map to metric-compatible free fonts
(Arial → Liberation Sans, Times New Roman → Liberation Serif, Bookman Old
Style → URW Bookman), which the install script brings.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from flowgen.balance import balance
from flowgen.hyphenate import MIN_LETTERS, VOWELS, Break, breaks, tie

FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    os.path.expanduser("~/.fonts"),
    os.path.expanduser("~/.local/share/fonts"),
)

FONT_MAX_BYTES = 32 * 1024 * 1024  # a sheet's own font file (large CJK fonts are about 20 MB)
IMAGE_MAX_BYTES = 8 * 1024 * 1024  # a sheet's logo
IMAGE_MAX_PIXELS = 16_000_000  # a logo is printed 26 mm wide; more pixels is a decompression bomb


def check_font_file(path: Path) -> tuple[str, str] | None:
    """Why a sheet's font file cannot be used (reason, size limit), or None when it can.

    Checked when the sheet is read, so a junk, empty or PNG-as-TTF file is a positioned
    error there rather than a crash in Pillow or the PDF writer while drawing.
    """
    limit = f"{FONT_MAX_BYTES // (1024 * 1024)} MB"
    try:
        if path.stat().st_size > FONT_MAX_BYTES:
            return "the file is too large", limit
        ImageFont.truetype(str(path), 10)
        from reportlab.pdfbase.ttfonts import TTFont

        TTFont("flowgen-check", str(path))
    except Exception as exc:  # Pillow and reportlab raise many kinds for a bad file
        reason = getattr(exc, "strerror", None) or "not a TrueType font flowgen can embed"
        return str(reason), limit
    return None


def check_image_file(path: Path) -> str | None:
    """Why a sheet's logo cannot be used, or None when it can (a PNG or JPEG of sane size)."""
    from PIL import Image

    try:
        if path.stat().st_size > IMAGE_MAX_BYTES:
            return f"the file is larger than {IMAGE_MAX_BYTES // (1024 * 1024)} MB"
        with Image.open(path) as image:
            if image.format not in ("PNG", "JPEG"):
                return "not a PNG or JPEG image"
            width, height = image.size
            if width < 1 or height < 1 or width * height > IMAGE_MAX_PIXELS:
                return f"{width}×{height} pixels (at most {IMAGE_MAX_PIXELS:,} pixels)"
            image.verify()
    except Image.DecompressionBombError:
        return f"too many pixels (at most {IMAGE_MAX_PIXELS:,})"
    except Exception as exc:  # Pillow raises many kinds for a bad file
        return str(getattr(exc, "strerror", None) or "not an image Pillow can read")
    return None


# ascent and descent of a line box as fractions of the font size
ASCENT = 0.8
DESCENT = 0.2


@dataclass(frozen=True)
class KnownFamily:
    """A family flowgen knows by name: file stems for regular, bold, italic, bold italic."""

    name: str
    stems: tuple[str, str, str, str]
    svg: str  # the font-family list written into SVG, resolved family first


_LIBERATION_SANS = KnownFamily(
    "Liberation Sans",
    ("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationSans-BoldItalic"),
    "'Liberation Sans', Arial, Helvetica, sans-serif",
)
_LIBERATION_SERIF = KnownFamily(
    "Liberation Serif",
    ("LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"),
    "'Liberation Serif', 'Times New Roman', Times, serif",
)
_LIBERATION_MONO = KnownFamily(
    "Liberation Mono",
    ("LiberationMono-Regular", "LiberationMono-Bold", "LiberationMono-Italic", "LiberationMono-BoldItalic"),
    "'Liberation Mono', 'Courier New', monospace",
)
_BOOKMAN = KnownFamily(
    "URW Bookman",
    ("URWBookman-Light", "URWBookman-Demi", "URWBookman-LightItalic", "URWBookman-DemiItalic"),
    "Bookman, 'URW Bookman', 'Bookman Old Style', serif",
)
_DEJAVU_SANS = KnownFamily(
    "DejaVu Sans",
    ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "'DejaVu Sans', sans-serif",
)
_DEJAVU_SERIF = KnownFamily(
    "DejaVu Serif",
    ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
    "'DejaVu Serif', serif",
)

KNOWN_FAMILIES: dict[str, KnownFamily] = {
    "liberation sans": _LIBERATION_SANS,
    "arial": _LIBERATION_SANS,
    "helvetica": _LIBERATION_SANS,
    "arimo": _LIBERATION_SANS,
    "sans-serif": _LIBERATION_SANS,
    "liberation serif": _LIBERATION_SERIF,
    "times new roman": _LIBERATION_SERIF,
    "times": _LIBERATION_SERIF,
    "tinos": _LIBERATION_SERIF,
    "serif": _LIBERATION_SERIF,
    "liberation mono": _LIBERATION_MONO,
    "courier new": _LIBERATION_MONO,
    "monospace": _LIBERATION_MONO,
    "bookman old style": _BOOKMAN,
    "bookman": _BOOKMAN,
    "urw bookman": _BOOKMAN,
    "dejavu sans": _DEJAVU_SANS,
    "dejavu serif": _DEJAVU_SERIF,
}


@dataclass(frozen=True)
class FontFace:
    """A concrete font file and how each output names it."""

    family: str  # the family's own name
    path: str  # TrueType/OpenType file: measuring, PNG and PDF (CFF outlines converted for it)
    bold: bool
    italic: bool
    svg_family: str  # font-family written into SVG

    @property
    def key(self) -> str:
        """A short, stable name for the face (used by the PDF painter)."""
        stem = Path(self.path).stem
        return re.sub(r"[^A-Za-z0-9-]", "", stem) or "Font"


@dataclass(frozen=True)
class FontFile:
    """A font file declared by a style sheet (``@font-face``)."""

    family: str
    path: str
    bold: bool = False
    italic: bool = False


class FontNotFound(LookupError):
    """None of the families of a font-family list is installed."""

    def __init__(self, families: Sequence[str]):
        super().__init__(", ".join(families))
        self.families = tuple(families)


@functools.lru_cache(maxsize=1)
def _font_index() -> dict[str, str]:
    """Lower-case file stem → path of every .ttf/.otf under the usual font folders."""
    index: dict[str, str] = {}
    for folder in FONT_DIRS:
        for root, _dirs, files in sorted(os.walk(folder)):
            for name in sorted(files):
                stem, ext = os.path.splitext(name)
                if ext.lower() in (".ttf", ".otf"):
                    index.setdefault(stem.lower(), os.path.join(root, name))
    return index


def _variant(bold: bool, italic: bool) -> int:
    return (1 if bold else 0) + (2 if italic else 0)


class FontResolver:
    """Resolves CSS font-family lists to font files, with a sheet's own ``@font-face`` files first."""

    def __init__(self, declared: Iterable[FontFile] = ()):
        self.declared = {(f.family.lower(), f.bold, f.italic): f for f in declared}

    def resolve(self, families: Sequence[str], bold: bool = False, italic: bool = False) -> FontFace:
        for family in families:
            face = self._one(family, bold, italic)
            if face is not None:
                return face
        raise FontNotFound(families)

    def _one(self, family: str, bold: bool, italic: bool) -> FontFace | None:
        name = family.strip().strip("'\"").lower()
        for want_bold, want_italic in ((bold, italic), (bold, False), (False, italic), (False, False)):
            declared = self.declared.get((name, want_bold, want_italic))
            if declared is not None:
                return FontFace(declared.family, declared.path, bold, italic, f"'{declared.family}'")
        known = KNOWN_FAMILIES.get(name)
        index = _font_index()
        if known is not None:
            stem = known.stems[_variant(bold, italic)]
            path = index.get(stem.lower()) or index.get(known.stems[_variant(bold, False)].lower())
            if path is None:
                return None
            return FontFace(known.name, path, bold, italic, known.svg)
        return self._installed(family.strip().strip("'\""), bold, italic)

    @staticmethod
    def _installed(family: str, bold: bool, italic: bool) -> FontFace | None:
        """Any other installed family, found by its file name (``Family-Bold.ttf`` and the like)."""
        index = _font_index()
        stem = family.replace(" ", "").lower()
        suffixes = {
            (False, False): ("-regular", "", "-book", "-roman"),
            (True, False): ("-bold", "bd", "-demi"),
            (False, True): ("-italic", "-oblique", "i"),
            (True, True): ("-bolditalic", "-boldoblique", "bi"),
        }[(bold, italic)]
        for suffix in suffixes:
            path = index.get(stem + suffix)
            if path is not None:
                return FontFace(family, path, bold, italic, f"'{family}'")
        return None


@functools.lru_cache(maxsize=64)
def pillow_font(path: str, pixels: float) -> ImageFont.FreeTypeFont:
    """A font at a pixel size (fractional sizes draw text exactly as wide as it was measured)."""
    try:
        return ImageFont.truetype(path, max(1.0, pixels))
    except TypeError:  # a Pillow older than 10.1 takes whole pixels only
        return ImageFont.truetype(path, max(1, round(pixels)))


# text is shaped at this pixel size and its width scaled to the size asked: every size, whole or
# fractional, is measured by the same unhinted advances (what the PDF, the SVG and svgcheck use)
MEASURE_PIXELS = 1000


@functools.lru_cache(maxsize=65536)
def _advance(path: str, text: str) -> float:
    """Width of ``text`` shaped (kerning included) at :data:`MEASURE_PIXELS` pixels."""
    return float(pillow_font(path, MEASURE_PIXELS).getlength(text))


def measure(face: FontFace, size: float, text: str) -> float:
    """Advance width of ``text`` in points at ``size`` points, fractional sizes exactly (as svgcheck measures)."""
    if not text:
        return 0.0
    return _advance(face.path, text) * size / MEASURE_PIXELS


@functools.lru_cache(maxsize=16384)
def _runs(path: str, text: str) -> tuple[tuple[float, str], ...]:
    """Runs of ``text`` with no kerning inside, each with where it starts (at MEASURE_PIXELS)."""

    def place(i: int) -> float:  # where glyph i starts: the line up to it, its kerning with the one before included
        return _advance(path, text[: i + 1]) - _advance(path, text[i]) if i else 0.0

    runs: list[tuple[float, str]] = []
    start = 0
    for i in range(1, len(text)):
        kern = _advance(path, text[i - 1 : i + 1]) - _advance(path, text[i - 1]) - _advance(path, text[i])
        if abs(kern) > 0.5:  # half a thousandth of an em: a kerning pair (or a ligature) starts a new run
            runs.append((place(start), text[start:i]))
            start = i
    runs.append((place(start), text[start:]))
    return tuple(runs)


def kerned_runs(face: FontFace, size: float, text: str) -> tuple[float, list[tuple[float, str]]]:
    """A line's measured width and its runs, each with its offset from the line's start, in points.

    A painter that sets glyphs by their plain advances (the PDF) draws each run at
    its offset and so draws the line exactly as :func:`measure` measured it.
    """
    scale = size / MEASURE_PIXELS
    if not text:
        return 0.0, []
    return measure(face, size, text), [(offset * scale, run) for offset, run in _runs(face.path, text)]


def wrap(text: str, face: FontFace, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width`` points, the way a typesetter does.

    Lines break at spaces, never inside a number and its unit ("15 menit",
    "Rp 10.000": :func:`flowgen.hyphenate.tie`) unless the two are wider than
    a line together.  Only a word too long for a line of its own is
    broken: after a '/' or '-' it has, else hyphenated (a visible hyphen,
    between syllables, at least three letters each side; see
    :mod:`flowgen.hyphenate`), its first piece filling the line it starts on.
    A word with no such place left is cut where it must, still with a hyphen.
    A line break in the text (``\\n``, a continuation line of the source)
    always starts a new line; blank lines are left out.
    """
    if "\n" in text:
        return [line for paragraph in text.split("\n") for line in wrap(paragraph, face, size, width)]
    words = tie(text.split())[::-1]  # a stack: the next word last
    if not words:
        return []
    width += 1e-6  # a box sized to a text's measured width holds it, whatever the rounding of the sum
    lines: list[str] = []
    current = ""
    while words:
        word = words.pop()
        if " " in word and measure(face, size, word) > width:  # a tie wider than a line: its last word let go
            head, _, last = word.rpartition(" ")
            words += [last, head]
            continue
        candidate = f"{current} {word}" if current else word
        if measure(face, size, candidate) <= width:
            current = candidate
            continue
        if measure(face, size, word) <= width:
            lines.append(current)
            current = word
            continue
        current = _break_long(word, current, face, size, width, lines)
    if current:
        lines.append(current)
    return _no_widow(lines, face, size, width)


def wrap_balanced(text: str, face: FontFace, size: float, width: float) -> list[str]:
    """:func:`wrap`, then each paragraph's lines made as even as they go (:func:`flowgen.balance.balance`).

    For headers: the same number of lines as :func:`wrap` gives, no word left
    alone on a line that another could share.  A paragraph whose words were
    broken (no whole-word breaking fits) is left as :func:`wrap` set it.
    """
    out: list[str] = []
    for paragraph in text.split("\n"):
        greedy = wrap(paragraph, face, size, width)
        words = paragraph.split()
        if len(greedy) < 2 or " ".join(greedy) != " ".join(words):
            out += greedy
            continue
        even = balance(tie(words), len(greedy), functools.partial(measure, face, size), width + 1e-6)
        out += greedy if even is None else _no_widow(even, face, size, width + 1e-6)
    return out


def _no_widow(lines: list[str], face: FontFace, size: float, width: float) -> list[str]:
    """A last line of only punctuation (a lone '?') takes the previous line's last word with it."""
    if len(lines) >= 2 and lines[-1].strip() and all(not ch.isalnum() for ch in lines[-1]):
        head, _, word = lines[-2].rpartition(" ")
        if head and measure(face, size, f"{word} {lines[-1]}") <= width:
            return [*lines[:-2], head, f"{word} {lines[-1]}"]
        if measure(face, size, f"{lines[-2]} {lines[-1]}") <= width:
            return [*lines[:-2], f"{lines[-2]} {lines[-1]}"]
    return lines


def _best_break(word: str, room: float, face: FontFace, size: float) -> Break | None:
    """The break whose head fits ``room``: the last explicit one ('/', '-'), else the last syllable.

    Only the part of the word a line can hold is looked at (with the letters its last syllable
    needs), so a word of thousands of letters costs a line's worth per line, not all of it each time.
    """
    limit = _head_limit(word, room, face, size)
    vowel = next((i for i in range(limit, len(word)) if word[i] in VOWELS), None)
    end = limit + MIN_LETTERS if vowel is None else max(limit + MIN_LETTERS, vowel + 1)
    window = word[: min(len(word), end)]
    fitting = [b for b in breaks(window) if b.at < limit and measure(face, size, b.head(word)) <= room]
    explicit = [b for b in fitting if not b.hyphen]
    if explicit:
        return max(explicit, key=lambda b: b.at)
    return max(fitting, key=lambda b: b.at) if fitting else None


def _head_limit(word: str, room: float, face: FontFace, size: float) -> int:
    """The length of the shortest head of ``word`` wider than ``room`` (one more than its length if none is)."""
    if measure(face, size, word) <= room:
        return len(word) + 1
    fits, wide = 0, min(16, len(word))
    while measure(face, size, word[:wide]) <= room:
        fits, wide = wide, min(2 * wide, len(word))
    while wide - fits > 1:
        middle = (fits + wide) // 2
        if measure(face, size, word[:middle]) <= room:
            fits = middle
        else:
            wide = middle
    return wide


def _forced_break(word: str, width: float, face: FontFace, size: float) -> Break:
    """A cut where no syllable fits: as many characters as the line holds, and a hyphen."""
    last = len(word) - MIN_LETTERS if len(word) >= 2 * MIN_LETTERS else len(word) - 1  # no scrap of 1-2 left
    cut = 1
    while cut < last and measure(face, size, word[: cut + 1] + "-") <= width:
        cut += 1
    return Break(cut, word[cut - 1] not in "/-")


def _break_long(word: str, current: str, face: FontFace, size: float, width: float, lines: list[str]) -> str:
    """Lay a word wider than a line: its pieces onto ``lines``; what is left starts the next line."""
    if current:  # a first piece of the word may fill the line it starts on
        room = width - measure(face, size, current + " ")
        first = _best_break(word, room, face, size)
        if first is not None:
            lines.append(f"{current} {first.head(word)}")
            word = word[first.at :]
        else:
            lines.append(current)
    while measure(face, size, word) > width:
        piece = _best_break(word, width, face, size) or _forced_break(word, width, face, size)
        lines.append(piece.head(word))
        word = word[piece.at :]
    return word


def line_pitch(size: float, line_height: float) -> float:
    return size * line_height


def block_height(lines: int, size: float, line_height: float) -> float:
    """Height of a block of lines from the top of the first to the bottom of the last."""
    if lines <= 0:
        return 0.0
    return (lines - 1) * line_pitch(size, line_height) + size * (ASCENT + DESCENT)


def baselines(lines: int, top: float, size: float, line_height: float) -> list[float]:
    """Baseline of each line of a block whose top is ``top``."""
    pitch = line_pitch(size, line_height)
    return [top + size * ASCENT + i * pitch for i in range(lines)]


def widest(lines: Iterable[str], face: FontFace, size: float) -> float:
    return max((measure(face, size, line) for line in lines), default=0.0)


def clean(text: str) -> str:
    """Text as it may be drawn: control characters (tabs, escapes) become visible-safe spaces.

    A line break stays: the language joins a value's continuation lines
    with ``\\n`` (an agency over two lines, "Ketua/ Wakil Ketua/ Panitera"
    stacked, a kelengkapan list), and :func:`wrap` starts a new line there,
    as the signed sheet does.
    """
    if text.isprintable():  # nearly every text: nothing to replace, and no walk character by character
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)
