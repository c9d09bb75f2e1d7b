"""Bounded fuzzing of style sheets and flowgen.toml: whatever the text, only a FlowgenError comes out.

Derandomized (see conftest.py), so a failure reproduces.  Sheets are built from the
schema's own vocabulary mixed with hostile values (huge, zero, negative, non-finite
numbers, braces, var() and @import tricks), then read and resolved as ``build`` does.
Each example must finish within hypothesis' deadline: a sheet that makes flowgen work
for seconds is a finding, like a crash.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.style.choose import load_style, read_config
from flowgen.style.schema import ELEMENTS, PROPERTIES
from tests.helpers import examples

FUZZ = settings(
    max_examples=examples(150),
    deadline=2000,  # ms per example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

NUMBERS = ["0", "-1", "1", "0.5", "2.2", "1e9", "1e308", "1e-9", "nan", "inf", "12", "400", "99999999999999999999"]
UNITS = ["", "pt", "mm", "em", "px", "%", "in", "cm", "zz"]
WORDS = [
    "none", "bold", "red", "#fff", "#1f4e79", "rgb(1,2,3)", "A4", "landscape", "tb", "lr", "true", "auto",
    '"{page}"', '"{"', '"{x}"', '"{page.__class__}"', '"{page:>99999}"', '"Ya"', 'url("x.png")', 'url("/etc/passwd")',
    "var(--a)", "var(--a, 1pt)", "var(--b)", "var()", "\\0", "'", "}", "{", ";", "!important",
]  # fmt: skip

value = st.one_of(
    st.builds(lambda n, u: n + u, st.sampled_from(NUMBERS), st.sampled_from(UNITS)),
    st.sampled_from(WORDS),
    st.text(max_size=12),
)
values = st.lists(value, min_size=0, max_size=4).map(" ".join)
declaration = st.builds(
    lambda p, v: f"{p}: {v};",
    st.one_of(st.sampled_from(sorted(PROPERTIES)), st.sampled_from(["--a", "--b", "fil", "x"])),
    values,
)
selector = st.one_of(
    st.sampled_from(sorted(ELEMENTS)),
    st.builds(
        lambda e, c: f"{e}.{c}",
        st.sampled_from(["step", "cell", "symbol", "edge"]),
        st.sampled_from(["decision", "no", "x"]),
    ),
    st.sampled_from(["lane:nth-child(odd)", "lane:nth-child(0n+0)", "lane header", "*", ":root", "@page"]),
)
rule = st.builds(lambda s, ds: s + " { " + " ".join(ds) + " }", selector, st.lists(declaration, max_size=6))
head = st.sampled_from(["", '@import "default";', '@import "self.css";', '@import "nope";', "@font-face { src: x }"])
sheets = st.builds(lambda h, rs: h + "\n" + "\n".join(rs), head, st.lists(rule, max_size=6))


@FUZZ
@given(sheets)
def test_any_sheet_gives_a_style_or_a_flowgen_error(tmp_path_factory: pytest.TempPathFactory, css: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "self.css"
    path.write_text(css, encoding="utf-8")
    with contextlib.suppress(flowgen.FlowgenError):
        load_style(path)


@FUZZ
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_any_css_text_gives_a_style_or_a_flowgen_error(tmp_path_factory: pytest.TempPathFactory, css: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "raw.css"
    path.write_text(css, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(flowgen.FlowgenError):
        load_style(path)


toml_values = st.sampled_from(['"default"', '"kemendikbud"', "1", "[1, [2]]", "{a = 1}", '"/etc/passwd"', '"x.css"'])
tomls = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}\n", st.sampled_from(["style", "styel", "[style]", "a.b"]), toml_values),
    st.text(max_size=120),
)


@FUZZ
@given(tomls, st.booleans())
def test_any_flowgen_toml_gives_a_setting_or_a_flowgen_error(
    tmp_path_factory: pytest.TempPathFactory, text: str, raw: bool
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "flowgen.toml"
    if raw:
        path.write_bytes(text.encode("utf-8", errors="surrogatepass")[::-1])
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        style, _ = read_config(path)
    except flowgen.FlowgenError:
        return
    assert style is None or isinstance(style, str)
