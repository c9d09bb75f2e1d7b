"""PDF painter: scene pages to one multi-page vector PDF with embedded fonts (reportlab).

Text stays text (selectable, searchable, copied as written) in the same font
file the layouts measured.  Every font is embedded as a TrueType subset with
a ToUnicode map: reportlab does that for TrueType files, and an OpenType font
with PostScript (CFF) outlines, such as URW Bookman, is first given
TrueType outlines of its own glyphs (:mod:`flowgen.render.truetype`), its
metrics untouched.  Each line is set where the layout measured it, kerning
included: the line is drawn in runs, each starting at its measured place.
The PDF is written in reportlab's invariant mode, without dates or random
ids, so the same scene gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFError, TTFont
from reportlab.pdfgen import canvas as pdfcanvas

from flowgen.errors import RenderError, Span, error
from flowgen.render.scene import Circle, Document, Group, Image, Item, Line, Page, Paint, Polygon, Rect, Text, walk
from flowgen.render.truetype import FontConversionError, truetype_data
from flowgen.text import FontFace, kerned_runs

_REGISTERED: dict[tuple[str, int, int, int], str] = {}  # (path, device+inode, size, mtime) → PDF font name


def _font_name(face: FontFace) -> str:
    """Register a face with reportlab once per content; its PDF font name.

    reportlab keeps fonts for the whole process by name, so the name says what
    the file holds (a digest of its bytes), not what it is called: a sheet's own
    ``LiberationSans-Regular.ttf`` — another font under that name — is never
    embedded in the next document of a batch, and each document's bytes do
    not depend on the order of the build.  (The name is not written into the
    PDF: it shows the font's own, subset-prefixed name.)
    """
    path = Path(face.path)
    where = Span(str(path), 0, 1, 0)
    try:
        info = path.stat()
        seen = (str(path), info.st_dev * (1 << 40) + info.st_ino, info.st_size, info.st_mtime_ns)
        if seen in _REGISTERED:
            return _REGISTERED[seen]
        data = path.read_bytes()
        name = f"{face.key}-{hashlib.sha256(data).hexdigest()[:16]}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(truetype_data(data))))
    except (TTFError, OSError, ValueError, FontConversionError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise RenderError([error("pdf-font", where, family=face.family, reason=reason)]) from None
    _REGISTERED[seen] = name
    return name


@functools.lru_cache(maxsize=256)
def _colour(color: str) -> HexColor:
    """A colour object per colour string (reportlab only reads it: one serves every item)."""
    return HexColor(color)


class _Strings:
    """``canvas.drawString`` in the current font and size, its very code written without a text object.

    reportlab builds a text object per string, most of a lampiran's painting time.
    This writes the same operators for the usual case: a TrueType font on a canvas
    drawn bottom up, a plain, non-empty string; the font's size and leading are
    formatted once per text item.  Anything else goes reportlab's own way.
    """

    def __init__(self, canvas: pdfcanvas.Canvas):
        self.c = canvas
        self.font = pdfmetrics.getFont(canvas._fontname)
        self.fast = bool(getattr(self.font, "_dynamicFont", False) and canvas.bottomup)
        self.style = f"{fp_str(canvas._fontsize)} Tf {fp_str(canvas._leading)} TL"

    def draw(self, x: float, y: float, text: str) -> None:
        if not (self.fast and text) or isinstance(text, ShapedStr):
            self.c.drawString(x, y, text)
            return
        doc = self.c._doc
        parts = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
        current = -1
        for subset, piece in self.font.splitString(text, doc):
            if subset != current:
                parts.append(f"{self.font.getSubsetInternalName(subset, doc)} {self.style}")
                current = subset
            parts.append(f"({self.c._escape(piece)}) Tj")
        parts[-1] += " T*"
        parts.append("ET")
        self.c._code.append(" ".join(parts))


class _Painter:
    def __init__(self, canvas: pdfcanvas.Canvas, page: Page, fonts: dict[FontFace, str]):
        self.c = canvas
        self.height = page.height
        self.fonts = fonts  # the document's faces by PDF font name, looked up once per document

    def y(self, y: float) -> float:
        return self.height - y

    def paint(self, paint: Paint) -> tuple[bool, bool]:
        fill = paint.fill is not None
        stroke = paint.stroke is not None and paint.stroke_width > 0
        if paint.fill is not None:
            self.c.setFillColor(_colour(paint.fill))
        if stroke and paint.stroke is not None:
            self.c.setStrokeColor(_colour(paint.stroke))
            self.c.setLineWidth(paint.stroke_width)
            self.c.setDash(list(paint.dash) if paint.dash else [])
        return fill, stroke

    def item(self, item: Item) -> None:
        if isinstance(item, Group):
            for child in item.children:
                self.item(child)
        elif isinstance(item, Rect):
            fill, stroke = self.paint(item.paint)
            if fill or stroke:
                if item.radius > 0:
                    self.c.roundRect(
                        item.x, self.y(item.y + item.h), item.w, item.h, item.radius, stroke=int(stroke), fill=int(fill)
                    )
                else:
                    self.c.rect(item.x, self.y(item.y + item.h), item.w, item.h, stroke=int(stroke), fill=int(fill))
        elif isinstance(item, Polygon):
            fill, stroke = self.paint(item.paint)
            path = self.c.beginPath()
            path.moveTo(item.points[0][0], self.y(item.points[0][1]))
            for x, y in item.points[1:]:
                path.lineTo(x, self.y(y))
            path.close()
            self.c.drawPath(path, stroke=int(stroke), fill=int(fill))
        elif isinstance(item, Circle):
            fill, stroke = self.paint(item.paint)
            self.c.circle(item.cx, self.y(item.cy), item.r, stroke=int(stroke), fill=int(fill))
        elif isinstance(item, Line):
            _, stroke = self.paint(Paint(None, item.paint.stroke, item.paint.stroke_width, item.paint.dash))
            if not stroke:
                return
            path = self.c.beginPath()
            for command, args in item.commands:
                if command == "M":
                    path.moveTo(args[0], self.y(args[1]))
                elif command == "L":
                    path.lineTo(args[0], self.y(args[1]))
                elif command == "C":
                    path.curveTo(args[0], self.y(args[1]), args[2], self.y(args[3]), args[4], self.y(args[5]))
            self.c.drawPath(path, stroke=1, fill=0)
        elif isinstance(item, Text):
            self.text(item)
        elif isinstance(item, Image):
            self.c.drawImage(
                ImageReader(item.file),  # named by its pixels, not its path: the PDF is the same from any folder
                item.x,
                self.y(item.y + item.h),
                item.w,
                item.h,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )

    def text(self, item: Text) -> None:
        """Each line in runs at their measured places (kerning included), anchored as the layout measured."""
        name = self.fonts.get(item.face)
        if name is None:
            name = self.fonts[item.face] = _font_name(item.face)
        self.c.setFont(name, item.size)
        self.c.setFillColor(_colour(item.color))
        strings = _Strings(self.c)
        for line in item.lines:
            width, runs = kerned_runs(item.face, item.size, line.text)
            x = line.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0.0)
            for offset, run in runs:
                strings.draw(x + offset, self.y(line.y), run)


def render_pdf(document: Document) -> bytes:
    """All pages of a document as one PDF."""
    buffer = io.BytesIO()
    first = document.pages[0]
    # start the page in a font of the document, so no unembedded standard font is referenced
    face = next((item.face for page in document.pages for item in walk(page.root) if isinstance(item, Text)), None)
    canvas = pdfcanvas.Canvas(
        buffer,
        pagesize=(first.width, first.height),
        invariant=1,
        pageCompression=1,
        lang=first.language,
        initialFontName=_font_name(face) if face is not None else None,
    )
    canvas.setTitle(document.title)
    canvas.setSubject(document.subject)
    canvas.setCreator("flowgen")
    canvas.setAuthor("")
    if document.keywords:
        canvas.setKeywords(", ".join(document.keywords))
    canvas.setLineJoin(1)
    fonts: dict[FontFace, str] = {}
    for page in document.pages:
        canvas.setPageSize((page.width, page.height))
        canvas.setLineJoin(1)
        if page.background:
            canvas.setFillColor(HexColor(page.background))
            canvas.rect(0, 0, page.width, page.height, stroke=0, fill=1)
        _Painter(canvas, page, fonts).item(page.root)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
