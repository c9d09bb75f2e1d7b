"""WordprocessingML that python-docx has no API for: page geometry, borders, cell margins, lists, anchored pictures.

Kept apart from :mod:`flowgen.export.docx` so that module reads as the
form's structure; everything here builds raw ``w:``/``wp:`` elements with
python-docx's own ``OxmlElement`` (so namespaces and the element classes
python-docx expects are right).  Lengths: ``tw`` is twentieths of a point
(twips), ``emu`` English Metric Units (12700 a point), as the format wants.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

EMU = 12700
SVG_BLIP = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # the extension Word reads an SVG picture from


def tw(points: float) -> str:
    return str(max(0, round(points * 20)))


def sub(parent: Any, tag: str, **attrs: str) -> Any:
    """A child element ``w:tag`` with ``w:`` attributes (python-docx's element classes)."""
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    parent.append(element)
    return element


def set_page(sect_pr: Any, width: float, height: float, margin: tuple[float, float, float, float]) -> None:
    """A section's paper size and margins (top, right, bottom, left in points); no header or footer room."""
    for tag in ("w:pgSz", "w:pgMar"):
        for old in sect_pr.findall(qn(tag)):
            sect_pr.remove(old)
    size = OxmlElement("w:pgSz")
    size.set(qn("w:w"), tw(width))
    size.set(qn("w:h"), tw(height))
    if width > height:
        size.set(qn("w:orient"), "landscape")
    mar = OxmlElement("w:pgMar")
    top, right, bottom, left = margin
    for key, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left)):
        mar.set(qn(f"w:{key}"), tw(value))
    for key in ("header", "footer", "gutter"):
        mar.set(qn(f"w:{key}"), "0")
    # schema order: ... pgSz, pgMar ... after the header/footer references and footnote/endnote settings
    anchor = next((c for c in sect_pr if c.tag not in {qn("w:headerReference"), qn("w:footerReference")}), None)
    if anchor is None:
        sect_pr.append(size)
        sect_pr.append(mar)
    else:
        anchor.addprevious(size)
        anchor.addprevious(mar)


def table_look(tbl: Any, widths: list[float], stroke: str, inner: float, outer: float) -> None:
    """Fixed layout, no indent, the column grid, and the form's lines (outer border heavier)."""
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:jc"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    sub(tbl_pr, "w:tblW", w=tw(sum(widths)), type="dxa")
    sub(tbl_pr, "w:tblInd", w="0", type="dxa")
    borders = sub(tbl_pr, "w:tblBorders")
    color = stroke.lstrip("#") if stroke else "auto"
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        width = outer if side in ("top", "left", "bottom", "right") else inner
        sub(borders, f"w:{side}", val="single" if stroke else "nil", sz=str(max(2, round(width * 8))), space="0",
            color=color)  # fmt: skip
    sub(tbl_pr, "w:tblLayout", type="fixed")
    margins = sub(tbl_pr, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        sub(margins, f"w:{side}", w="0", type="dxa")
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), tw(width))


def cell_margins(tc: Any, padding: tuple[float, float, float, float]) -> None:
    tc_pr = tc.get_or_add_tcPr()
    mar = sub(tc_pr, "w:tcMar")
    top, right, bottom, left = padding
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        sub(mar, f"w:{side}", w=tw(value), type="dxa")


def row_look(tr: Any, height: float, header: bool) -> None:
    """An exact row height (so the drawing behind lines up), never split, repeated on every page if a header."""
    tr_pr = tr.get_or_add_trPr()
    sub(tr_pr, "w:cantSplit")
    sub(tr_pr, "w:trHeight", val=tw(height), hRule="exact")
    if header:
        sub(tr_pr, "w:tblHeader")


def add_numbering(document: Any, starts: list[int], family: str = "", size: float = 0.0) -> list[int]:
    """Numbered lists ("1.", "2.", ...), each starting at its number in ``starts``; their ``w:numId`` values.

    The numbers are set in ``family`` at ``size`` (the items' own font), not in the Normal style's.
    """
    numbering = document.part.numbering_part.element
    abstract_id = "7301"
    fonts = f'<w:rFonts w:ascii="{family}" w:hAnsi="{family}" w:cs="{family}"/>' if family else ""
    sized = f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr>'
        f"<w:rPr>{fonts}{sized}</w:rPr></w:lvl>"
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    ids: list[int] = []
    for k, start in enumerate(starts):
        num_id = 7301 + k
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
            )
        )
        ids.append(num_id)
    return ids


def number_paragraph(paragraph: Any, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    sub(num_pr, "w:ilvl", val="0")
    sub(num_pr, "w:numId", val=str(num_id))
    p_pr.insert(0, num_pr) if p_pr.find(qn("w:pStyle")) is None else p_pr.find(qn("w:pStyle")).addnext(num_pr)


def anchored_picture(
    document: Any, paragraph: Any, png: bytes, svg: bytes, size: tuple[float, float], ident: int
) -> None:
    """A page-sized picture behind the text at the page's top left: SVG for Word 2016+, PNG for the rest."""
    import io

    png_rid, _ = document.part.get_or_add_image(io.BytesIO(png))
    svg_part = Part(PackURI(f"/word/media/flowgen-drawing-{ident}.svg"), "image/svg+xml", svg, document.part.package)
    svg_rid = document.part.relate_to(svg_part, RT.IMAGE)
    cx, cy = round(size[0] * EMU), round(size[1] * EMU)
    xml = (
        f"<w:r {nsdecls('w', 'wp', 'a', 'pic', 'r')}><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{ident}" behindDoc="1"'
        ' locked="1" layoutInCell="0" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{ident}" name="Pelaksana {ident}" descr="flowgen: the Pelaksana columns of this page"/>'
        "<wp:cNvGraphicFramePr/>"
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="{ident}" name="drawing-{ident}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{png_rid}"><a:extLst><a:ext uri="{SVG_BLIP}">'
        '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"'
        f' r:embed="{svg_rid}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    paragraph._p.append(parse_xml(xml))
