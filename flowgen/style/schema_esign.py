"""The style vocabulary of e-signing: the marker character printed in the "Disahkan oleh" box.

BSrE's signing service can place the visible signature where a marker
character is printed on the page; the style says which character and in what
colour (white on white is invisible to readers but found by the service).
Off by default.  Merged into :mod:`flowgen.style.schema` with one line, like
:mod:`flowgen.style.schema_book`; it never imports ``schema`` at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# the constructors are flowgen.style.schema's Property and Element, handed in (no import: no cycle)
Property = Any
Element = Any


def esign_properties(make: Callable[..., Property]) -> dict[str, Property]:
    """``marker``: the character(s) to print (a string)."""
    return {"marker": make("marker", "string", 'The marker text the signing service looks for, e.g. "#".')}


def esign_elements(make: Callable[..., Element]) -> dict[str, Element]:
    """``signature-marker``: display, marker, colour and size of the marker in the Disahkan oleh box."""
    element = make(
        "signature-marker",
        ":root",
        "The e-signature marker in the middle of the Disahkan oleh box's signing space (display: block to print it).",
        {"display": "none", "marker": '"#"', "font-size": "9pt", "color": "#000000"},
        text=True,
    )
    return {element.name: element}
