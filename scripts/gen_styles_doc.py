#!/usr/bin/env python3
"""Write docs/styles.md, the style sheet reference for designers, from flowgen's schema.

    python3 scripts/gen_styles_doc.py             docs/styles.md only
    python3 scripts/gen_styles_doc.py --gallery   also (re)make docs/gallery/*.png with flowgen
    python3 scripts/gen_styles_doc.py --check     exit 1 if docs/styles.md is out of date

Every element, class, property and default comes from flowgen/style/schema.py, and the
list of shipped sheets from styles/ (their first comment line), so the reference cannot
drift from the code: tests/test_styles_shipped.py compares :func:`styles_markdown` with the
file.  The gallery renders examples/surat-masuk.pos with every shipped sheet at 80 dpi.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from flowgen.errors import StyleError  # noqa: E402
from flowgen.style import messages as _messages  # noqa: E402,F401  (registers the style messages)
from flowgen.style import schema  # noqa: E402
from flowgen.style.sheet import read_css, shipped_description, shipped_names  # noqa: E402

DOC = ROOT / "docs" / "styles.md"
GALLERY = ROOT / "docs" / "gallery"
GALLERY_SOURCE = ROOT / "examples" / "surat-masuk.pos"
GALLERY_DPI = 80
GALLERY_MAX_BYTES = 250_000

# Sections of the element reference: (title, lead, element names).  An element the schema
# gains later and that is not named here still gets documented, under "Other elements".
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "The whole document",
        "The typeface, the paper, the printed words and the logo.",
        (":root", "@page", "labels", "logo"),
    ),
    (
        "The flowchart",
        "The swimlane drawing (`--form flowchart`).",
        ("flowchart", "title", "lane", "lane-header", "step", "step-number", "mutu-baku", "edge", "edge-label"),
    ),
    (
        "The lampiran table",
        "The flowchart table of the official form (`--form lampiran`).",
        ("table", "header", "cell", "symbol", "footer"),
    ),
    (
        "The identity sheet",
        "The first page of the lampiran (lembar identitas).",
        ("identity", "identity-header", "identity-label", "identity-value", "identity-title", "identity-box"),
    ),
    (
        "The book of SOPs",
        "The book's own pages (`flowgen book DIR`): cover, decree written as text, Daftar Isi, Penjelasan "
        "Singkat Penggunaan. Their texts come from the `[book]` table of the folder's `flowgen.toml`; "
        "the elements are defined in `flowgen/style/schema_book.py`; the folder and its settings are in "
        "[book.md](book.md).\n\n"
        "![The cover of the demo book](images/book-cover.png) ![Its Daftar Isi](images/book-contents.png)",
        (
            "book-page",
            "book-labels",
            "book-footer",
            "book-heading",
            "cover",
            "cover-logo",
            "contents",
            "contents-header",
            "contents-group",
            "contents-cell",
            "notes-heading",
            "notes-text",
        ),
    ),
)

KINDS = {  # what each kind of value looks like, for the "Values" section and the tables
    "length": ("length", "`12pt`, `4mm`, `0.5cm`, `1in`, `16px`, or `0`"),
    "font-size": (
        "size",
        "a length from `1pt` to `200pt` such as `9pt`, or relative to the parent's size: `0.9em` "
        "(0.05 to 20; the size it comes to must still lie between 1pt and 200pt)",
    ),
    "box": (
        "1–4 lengths",
        "as CSS `padding`/`margin`: `4pt` (all sides), `4pt 8pt` (top/bottom, "
        "left/right), `4pt 8pt 2pt` (top, sides, bottom) or `4pt 8pt 2pt 6pt` (top, right, bottom, left)",
    ),
    "number": ("number", "a plain number such as `1.2`"),
    "color": (
        "colour",
        "`#1f4e79`, `#fff`, a name such as `navy`, `rgb(31, 78, 121)`, or `none`; transparency is not supported",
    ),
    "string": ("text", 'a quoted text: `"Ya"`'),
    "strings": ("texts", 'quoted texts separated by spaces: `"menit"` or `"minute" "minutes"`'),
    "boolean": ("true/false", "`true` or `false`"),
    "families": (
        "font list",
        'font names separated by commas, first installed wins: `Arial, "Liberation Sans", sans-serif`',
    ),
    "weight": ("weight", "`normal` or `bold` (or 100–900: 600 and more is bold)"),
    "keyword": ("keyword", "one of the words listed in the property's description"),
    "keywords": ("keywords", "some of the words listed, separated by spaces, each once"),
    "url": ("file", '`url("logo.png")`: a file in the sheet\'s folder or below, or `none`'),
    "dash": ("dashes", "`none`, or 1 to 8 lengths of dash and gap up to 200pt each, not all zero: `4pt 2pt`"),
    "page-size": (
        "paper",
        "`A4`, `A3`, `A5`, `F4`, `folio`, `Letter` or `Legal`, with `landscape` "
        "(the default) or `portrait`; or two lengths from 72pt to 2835pt, width then height: `330mm 215mm`",
    ),
    "language": ("language", 'a language tag such as `"id"` or `"en"`'),
}

ERROR_EXAMPLE = "step.decison {\n  fill: #fff3c4;\n}\nstep {\n  fil: #ffffff;\n}\nlane header {\n  fill: #eef4fb;\n}\n"


# -- helpers ---------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str | None) -> str:
    if text is None or text == "":
        return "—"
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _anchor(title: str) -> str:
    """GitHub's anchor for a heading."""
    out = []
    for ch in title.lower().strip():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def _selector(name: str) -> str:
    """How a sheet names the element, as Markdown."""
    if name == "@page":
        return "`@page { ... }` (an at-rule)"
    if name == ":root":
        return "`:root` or `*`"
    return f"`{name}`"


def _heading(name: str) -> str:
    return f"`{name}`"


def _ordered_elements() -> list[tuple[str, str, list[str]]]:
    seen: set[str] = set()
    groups: list[tuple[str, str, list[str]]] = []
    for title, lead, names in GROUPS:
        present = [n for n in names if n in schema.ELEMENTS]
        seen.update(present)
        if present:
            groups.append((title, lead, present))
    rest = [n for n in schema.ELEMENTS if n not in seen]
    if rest:
        groups.append(("Other elements", "Elements not yet sorted into a group above.", rest))
    return groups


def _ancestors(name: str) -> list[str]:
    chain = []
    current = schema.ELEMENTS[name].parent
    while current is not None:
        chain.append(current)
        current = schema.ELEMENTS[current].parent
    return chain


def _inherited_from(name: str, prop: str) -> str | None:
    """The ancestor whose default an inherited property takes, if the element has none itself."""
    for ancestor in _ancestors(name):
        if prop in schema.ELEMENTS[ancestor].defaults:
            return ancestor
    return None


def _default_cell(name: str, prop: str) -> str:
    spec = schema.ELEMENTS[name]
    text = schema.default_text(name, prop)
    if prop in spec.defaults or text is None:
        return _code(text)
    source = _inherited_from(name, prop)
    return f"{_code(text)} (from `{source}`)" if source else _code(text)


def _property_order(spec: schema.Element) -> list[str]:
    """Properties in the schema's own order (typography first, as in PROPERTIES)."""
    return [p for p in schema.PROPERTIES if p in spec.allowed]


def _error_example() -> str:
    try:
        read_css(ERROR_EXAMPLE, name="dinas.css", folder=Path(""))
    except StyleError as exc:
        return exc.format("en")
    return "(no error)"


def _sheet_description(name: str) -> str:
    try:
        return shipped_description(name)
    except OSError:
        return ""


# -- the document ---------------------------------------------------------------------------------


def _intro(out: io.StringIO) -> None:
    w = out.write
    w(
        "<!-- Generated by scripts/gen_styles_doc.py from flowgen/style/schema.py and styles/*.css.\n"
        "     Do not edit by hand: change the schema or a sheet, then run\n"
        "     python3 scripts/gen_styles_doc.py [--gallery] -->\n\n"
    )
    w("# Style sheets — reference for designers\n\n")
    w(
        "**ID:** Tampilan bagan alir dan lampiran POS diatur oleh *lembar gaya* (style sheet) berformat "
        "CSS. Dokumen ini menjelaskan cara memilih dan menulis lembar gaya, lalu mencantumkan setiap "
        "elemen, kelas dan properti beserta nilai bawaannya.\n\n"
    )
    w(
        "**EN:** The look of the flowchart and of the SOP form (lampiran) comes from a *style sheet* "
        "written in CSS. flowgen reads a small, closed part of CSS: a fixed list of elements, classes and "
        "properties, all listed below with their defaults. Whatever a sheet does not set keeps the plain "
        "Permenpan RB 35/2012 look (black on white, A4 landscape, Arial).\n\n"
    )
    w("Contents:\n\n")
    for title in ("Choosing a sheet", "Writing a sheet", "Values", "Checking a sheet"):
        w(f"- [{title}](#{_anchor(title)})\n")
    w(f"- [Element reference](#{_anchor('Element reference')})\n")
    for title, _lead, _names in _ordered_elements():
        w(f"  - [{title}](#{_anchor(title)})\n")
    w(f"- [Shipped sheets](#{_anchor('Shipped sheets')})\n")
    w(f"- [Gallery](#{_anchor('Gallery')})\n\n")

    w("## Choosing a sheet\n\n")
    w("A document's sheet is the first of these that is given:\n\n")
    w("1. the command line: `flowgen build --style NAME|PATH`;\n")
    w(
        "2. a `gaya:` (`style:`) line in the `.pos` file, for example `gaya: kemendikbud` "
        "(see [the .pos language](language.md));\n"
    )
    w(
        "3. a `flowgen.toml` in the `.pos` file's folder or in one of its parent folders, so that a unit "
        "sets one look for all its procedures:\n\n"
    )
    w('   ```toml\n   style = "kemendikbud"\n   ```\n\n')
    w("4. otherwise the shipped `default` sheet.\n\n")
    w(
        "A **name** without `/` and not ending in `.css` (`kemendikbud`) is a sheet shipped with flowgen; "
        "`flowgen styles` lists them. Anything else is a **path** to a `.css` file, relative to where it is "
        "written: the current folder for `--style`, the `.pos` file's folder for `gaya:`, the folder of "
        "`flowgen.toml` for `style =`.\n\n"
    )

    _writing(out)
    _values(out)


def _writing(out: io.StringIO) -> None:
    w = out.write
    w("## Writing a sheet\n\n")
    w("Start from a shipped sheet and change only what you need:\n\n")
    w(
        "```css\n"
        "/* Dinas Pendidikan: the ministry look with our own logo. */\n"
        '@import "kemendikbud";\n\n'
        ":root {\n  --accent: #1f4e79;\n}\n\n"
        "header, lane-header {\n  fill: #e2ebf3;\n}\n\n"
        "step.decision {\n  fill: #ffffff;\n  stroke: var(--accent);\n}\n\n"
        'logo {\n  src: url("logo-dinas.png");\n}\n'
        "```\n\n"
    )
    w("The first comment of a sheet is its one-line description: `flowgen styles` prints it.\n\n")
    w(
        "**Selectors.** A selector names one element (the list is below), optionally with classes: "
        "`step`, `step.decision`, `edge.loop`, `header.group`. Several selectors may share a rule: "
        "`header, lane-header { ... }`. `:root` (or `*`) is the whole document. Combinators such as "
        "`lane header` or `lane > step` are refused: each element is styled directly, and inheritance "
        "(below) does the rest.\n\n"
    )
    w(
        "**Lanes by position.** `lane` and `lane-header` accept `:nth-child()`, counting lanes from 1 in "
        "the order the actors are declared: `lane:nth-child(odd)`, `lane:nth-child(even)`, "
        "`lane:nth-child(2)`, or a pattern `An+B` such as `lane-header:nth-child(3n+1)` (lanes 1, 4, 7, ...).\n\n"
    )
    _cascade(out)


def _cascade(out: io.StringIO) -> None:
    w = out.write
    w("**The cascade** is CSS's:\n\n")
    w(
        '- `@import "default";` (a shipped name) or `@import "common.css";` (a file next to the sheet) '
        "reads another sheet first; imports must come before any rule, and the importing sheet's rules "
        "come after the imported ones.\n"
    )
    w(
        "- Among the declarations that match an element, an `!important` one beats a normal one; then the "
        "more specific selector wins (each class or `:nth-child` counts one: `step.decision` beats `step`, "
        "`step.decision.joint` beats `step.decision`; `:root` is weakest); then the later one wins.\n"
    )
    w(
        "- **Inheritance.** The typography properties (`font-family`, `font-size`, `font-weight`, "
        "`font-style`, `color`, `line-height`) pass from an element to the elements inside it, along this "
        "tree:\n\n"
    )
    w("  ```\n")
    for line in _tree_lines():
        w("  " + line + "\n")
    w("  ```\n\n")
    w(
        "  So `:root { font-family: ... }` sets the typeface of everything, and `step.decision { color: ... }` "
        "also colours the decision's step number.\n"
    )
    w(
        "- **Custom properties.** A declaration whose name starts with `--` defines a value for the whole "
        "cascade (usually written in `:root`): `--brand: #1f4e79;`. `var(--brand)` uses it anywhere in a "
        "value; `var(--brand, navy)` gives a fallback for when `--brand` is not defined. A later definition "
        "of the same name wins, so a sheet can change a colour of the sheet it imports just by redefining "
        "its custom property.\n\n"
    )
    w(
        "**Fonts.** `font-family` is a list; the first family that is installed wins. Office names map to "
        "metric-compatible free fonts: Arial and Helvetica → Liberation Sans, Times New Roman → Liberation "
        "Serif, Courier New → Liberation Mono, Bookman Old Style and Bookman → URW Bookman; `sans-serif`, "
        "`serif` and `monospace` are Liberation Sans, Serif and Mono. Any other installed family is found "
        "by its file name. A font of your own is declared with `@font-face`, its file next to the sheet:\n\n"
    )
    w(
        "```css\n"
        '@font-face {\n  font-family: "Dinas Sans";\n  src: url("fonts/DinasSans-Regular.ttf");\n}\n'
        '@font-face {\n  font-family: "Dinas Sans";\n  src: url("fonts/DinasSans-Bold.ttf");\n'
        "  font-weight: bold;\n}\n"
        ':root {\n  font-family: "Dinas Sans", Arial, sans-serif;\n}\n'
        "```\n\n"
    )
    w("`@font-face` accepts `font-family`, `src` (a `.ttf` or `.otf` file), `font-weight` and `font-style`.\n\n")
    w(
        "**Files.** `url()` (a logo, a font) and `@import` of a file may only name files in the sheet's own "
        'folder or below it: `url("logo.png")`, `url("img/logo.png")`. Absolute paths, `..` that leaves '
        "the folder and web addresses (`https://...`) are refused, so a sheet and its files can be copied "
        "as one folder. Images are PNG or JPEG.\n\n"
    )
    w(
        "**Paper.** `@page { size: F4 landscape; margin: 15mm; }` sets the lampiran's paper; `margin` "
        "takes 1 to 4 lengths like CSS.\n\n"
    )
    w(
        "**Language.** Every word flowgen prints by itself (Ya/Tidak, column headings, identity labels, "
        "month names, units of time) is a property of `labels`; the shipped `english` sheet switches them "
        "all to English.\n\n"
    )


def _values(out: io.StringIO) -> None:
    w = out.write
    w("## Values\n\n")
    w("| Kind | Written as |\n| --- | --- |\n")
    used = {p.kind for p in schema.PROPERTIES.values()}
    for kind in [k for k in KINDS if k in used] + sorted(used - set(KINDS)):
        short, long = KINDS.get(kind, (kind, kind))
        w(f"| {short} | {long} |\n")
    w(
        "\nLengths are in `pt` (points, 1/72 in), `mm`, `cm`, `in`, `px` (0.75 pt) or `pc`; `0` needs no unit; "
        "lengths are never negative. Only `font-size` also takes `em`, a multiple of the parent element's "
        "size: `title { font-size: 1.35em; }` is 1.35 times the flowchart's size.\n\n"
    )

    w("## Checking a sheet\n\n")
    w(
        "`flowgen check --style NAME|PATH` reads the sheet and prints every problem, with the file, line and "
        "column and a hint; `flowgen build` refuses to draw with a faulty sheet. Every unknown selector, "
        "class or property is an error, with a suggestion when a known name is close:\n\n"
    )
    w("```css\n" + ERROR_EXAMPLE + "```\n\n")
    w("```\n" + _error_example().rstrip("\n") + "\n```\n\n")
    w(
        "A property on an element that does not use it (`text-transform` on `step`) is an error too, and "
        "the hint names the elements that do. A value that does not fit says what it expected.\n\n"
    )


def _tree_lines() -> list[str]:
    children: dict[str | None, list[str]] = {}
    for name, spec in schema.ELEMENTS.items():
        children.setdefault(spec.parent, []).append(name)
    lines: list[str] = []

    def walk(name: str, prefix: str, last: bool, top: bool) -> None:
        lines.append(name if top else prefix + ("└─ " if last else "├─ ") + name)
        kids = children.get(name, [])
        for i, kid in enumerate(kids):
            walk(kid, prefix if top else prefix + ("   " if last else "│  "), i == len(kids) - 1, False)

    for name in children.get(None, []):
        if schema.ELEMENTS[name].text or children.get(name):
            walk(name, "", True, True)
    return lines


def _element_section(out: io.StringIO, name: str) -> None:
    spec = schema.ELEMENTS[name]
    w = out.write
    w(f"#### {_heading(name)}\n\n")
    w(f"{spec.doc}\n\n")
    facts = [f"Selector: {_selector(name)}"]
    if spec.classes:
        facts.append("classes: " + ", ".join(f"`{name}.{c}`" for c in spec.classes))
    if spec.nth_child:
        facts.append(f"by position: `{name}:nth-child(odd|even|N|An+B)`")
    if spec.parent is not None:
        facts.append(f"inherits typography from `{spec.parent}`")
    w(" · ".join(facts) + ".\n\n")
    w("| Property | Value | Default | What it does |\n| --- | --- | --- | --- |\n")
    for prop in _property_order(spec):
        p = schema.PROPERTIES[prop]
        kind = KINDS.get(p.kind, (p.kind, ""))[0]
        inherited = " Inherited." if p.inherited else ""
        w(f"| `{prop}` | {kind} | {_default_cell(name, prop)} | {_cell(p.doc)}{inherited} |\n")
    w("\n")
    if spec.class_defaults:
        w("Defaults of its classes (they win over the element's own defaults):\n\n")
        w("| Selector | Property | Default |\n| --- | --- | --- |\n")
        for cls, props in spec.class_defaults.items():
            for prop, text in props.items():
                w(f"| `{name}.{cls}` | `{prop}` | {_code(text)} |\n")
        w("\n")


def _shipped(out: io.StringIO, names: Iterable[str]) -> None:
    w = out.write
    w("## Shipped sheets\n\n")
    w(
        "Name them in `--style`, `gaya:`, `flowgen.toml` or `@import`; their files are in "
        "[styles/](../styles/) to read and copy.\n\n"
    )
    w("| Name | Description |\n| --- | --- |\n")
    for name in names:
        w(f"| [`{name}`](../styles/{name}.css) | {_cell(_sheet_description(name))} |\n")
    w("\n")


def _gallery(out: io.StringIO, names: Iterable[str], gallery: Path) -> None:
    w = out.write
    w("## Gallery\n\n")
    w(
        f"`examples/{GALLERY_SOURCE.name}` drawn with each shipped sheet at {GALLERY_DPI} dpi "
        "(`python3 scripts/gen_styles_doc.py --gallery` makes these pictures again).\n\n"
    )
    for name in names:
        w(f"### {name}\n\n")
        desc = _sheet_description(name)
        if desc:
            w(f"{desc}\n\n")
        for form in ("flowchart", "lampiran"):
            image = gallery / f"{name}-{form}.png"
            if image.is_file():
                w(f"![{name}: {form}](gallery/{image.name})\n\n")
            else:
                w(f"*The {form} picture (gallery/{image.name}) has not been made yet.*\n\n")


def styles_markdown(gallery: Path = GALLERY) -> str:
    """The text of docs/styles.md (a gallery picture is linked when its file exists)."""
    out = io.StringIO()
    _intro(out)
    out.write("## Element reference\n\n")
    out.write(
        "Every element a selector can name, with every property it accepts and its default. "
        'A default marked *from* an element is inherited from it. "—" means no default: the '
        "property does nothing until a sheet sets it.\n\n"
    )
    for title, lead, names in _ordered_elements():
        out.write(f"### {title}\n\n{lead}\n\n")
        for name in names:
            _element_section(out, name)
    names = shipped_names()
    _shipped(out, names)
    _gallery(out, names, gallery)
    return out.getvalue()


# -- the gallery pictures ----------------------------------------------------------------------------


def _flowgen(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flowgen", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def _save_small(image: Image.Image, target: Path) -> None:
    """Save a PNG, shrinking it until it is under GALLERY_MAX_BYTES."""
    current = image.convert("RGB")
    while True:
        buffer = io.BytesIO()
        current.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            buffer, "PNG", optimize=True
        )
        if buffer.tell() <= GALLERY_MAX_BYTES or current.width < 400:
            target.write_bytes(buffer.getvalue())
            return
        current = current.resize((int(current.width * 0.85), int(current.height * 0.85)), Image.Resampling.LANCZOS)


def _stack(paths: list[Path]) -> Image.Image:
    """Pages one under the other on a light grey ground."""
    pages = [Image.open(p).convert("RGB") for p in paths]
    gap = 16
    width = max(p.width for p in pages) + 2 * gap
    height = sum(p.height for p in pages) + gap * (len(pages) + 1)
    sheet = Image.new("RGB", (width, height), (226, 229, 233))
    y = gap
    for page in pages:
        sheet.paste(page, ((width - page.width) // 2, y))
        y += page.height + gap
    return sheet


def make_gallery(names: Iterable[str], gallery: Path = GALLERY) -> list[str]:
    """Render the gallery pictures; the notes say what was made or skipped."""
    notes: list[str] = []
    gallery.mkdir(parents=True, exist_ok=True)
    for name in names:
        for form in ("flowchart", "lampiran"):
            target = gallery / f"{name}-{form}.png"
            with tempfile.TemporaryDirectory() as tmp:
                result = _flowgen(
                    [
                        "build",
                        str(GALLERY_SOURCE),
                        "--form",
                        form,
                        "--format",
                        "png",
                        "--style",
                        name,
                        "--dpi",
                        str(GALLERY_DPI),
                        "-o",
                        tmp,
                    ]
                )
                stem = GALLERY_SOURCE.stem
                if form == "flowchart":
                    made = sorted(Path(tmp).glob(f"{stem}.flowchart.png"))
                else:
                    made = sorted(Path(tmp).glob(f"{stem}.lampiran*.png"), key=lambda p: (len(p.name), p.name))[:3]
                if result.returncode != 0 or not made:
                    reason = (result.stderr.strip().splitlines() or ["no picture made"])[0]
                    notes.append(f"{name} {form}: skipped ({reason})")
                    if target.exists():
                        target.unlink()
                    continue
                image = Image.open(made[0]) if len(made) == 1 else _stack(made)
                _save_small(image, target)
                notes.append(f"{name} {form}: {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")
    for stale in gallery.glob("*.png"):
        if not any(stale.name == f"{n}-{f}.png" for n in names for f in ("flowchart", "lampiran")):
            stale.unlink()
            notes.append(f"removed {stale.relative_to(ROOT)} (no such sheet)")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gallery", action="store_true", help="also render docs/gallery/*.png with flowgen")
    parser.add_argument("--check", action="store_true", help="only check that docs/styles.md is up to date")
    args = parser.parse_args(argv)
    if args.check:
        if DOC.is_file() and DOC.read_text(encoding="utf-8") == styles_markdown():
            print(f"{DOC.relative_to(ROOT)} is up to date")
            return 0
        print(f"{DOC.relative_to(ROOT)} is out of date: run python3 scripts/gen_styles_doc.py", file=sys.stderr)
        return 1
    if args.gallery:
        for note in make_gallery(shipped_names()):
            print(note)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(styles_markdown(), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
