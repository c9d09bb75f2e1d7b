"""The ``[esign]`` table of a folder's flowgen.toml: what the e-signature-ready PDF carries.

::

    [esign]
    field = true                      # an empty PDF signature field over the signing space
    field-name = "Pengesahan"         # the field's name (default "Pengesahan")
    qr = "https://sop.example.go.id/" # a QR code in the box linking to this address

Every mistake is a :class:`~flowgen.errors.StyleError` at its line and column.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flowgen.errors import Span, StyleError, error
from flowgen.messages import Message, register
from flowgen.suggest import suggest

KEYS = ("field", "field-name", "qr")

register(
    {
        "esign-unknown-key": Message(
            "unknown setting '{key}' in the [esign] table of flowgen.toml",
            "pengaturan '{key}' tidak dikenal di tabel [esign] flowgen.toml",
            "{did_you_mean}[esign] knows: {known}",
            "{did_you_mean}[esign] mengenal: {known}",
        ),
        "esign-bad-value": Message(
            "'{key}' in the [esign] table of flowgen.toml must be {expected}",
            "'{key}' di tabel [esign] flowgen.toml harus {expected_id}",
            "see docs/esign.md",
            "lihat docs/esign.md",
        ),
    }
)


@dataclass(frozen=True)
class EsignConfig:
    field: bool = False
    field_name: str = "Pengesahan"
    qr: str | None = None


def _where(lines: list[str], key: str, path: Path) -> tuple[Span, str | None]:
    in_table = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.replace(" ", "") == "[esign]"
            if in_table and key == "esign":
                return Span(str(path), number, 1, len(stripped)), line
            continue
        match = re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line)
        if in_table and match:
            return Span(str(path), number, line.index(key) + 1, len(key)), line
    return Span(str(path), 1, 1, 1), None


def esign_config(path: Path | None) -> EsignConfig:
    """The ``[esign]`` settings of a flowgen.toml (defaults when there is none, or no such table).

    The file itself was already checked as TOML by the style's chooser.
    """
    if path is None:
        return EsignConfig()
    text = path.read_text(encoding="utf-8")
    table = tomllib.loads(text).get("esign")
    if table is None:
        return EsignConfig()
    lines = text.splitlines()
    problems = []
    if not isinstance(table, dict):
        span, shown = _where(lines, "esign", path)
        raise StyleError([error("esign-bad-value", span, shown, key="esign", expected="a table", expected_id="tabel")])
    for key in table:
        if key not in KEYS:
            span, shown = _where(lines, key, path)
            problems.append(
                error("esign-unknown-key", span, shown, key=key, suggestion=suggest(key, KEYS), known=", ".join(KEYS))
            )
    checks: dict[str, tuple[Callable[[object], bool], str, str]] = {
        "field": (lambda v: isinstance(v, bool), "true or false", "true atau false"),
        "field-name": (lambda v: isinstance(v, str) and 0 < len(v) <= 64 and "." not in v,
                       "a name of 1 to 64 characters without a dot", "nama 1 sampai 64 karakter tanpa titik"),
        "qr": (lambda v: isinstance(v, str) and re.fullmatch(r"https?://[^\s]{1,500}", v) is not None,
               "an http:// or https:// address", "alamat http:// atau https://"),
    }  # fmt: skip
    for key, (ok, expected, expected_id) in checks.items():
        if key in table and not ok(table[key]):
            span, shown = _where(lines, key, path)
            problems.append(error("esign-bad-value", span, shown, key=key, expected=expected, expected_id=expected_id))
    if problems:
        raise StyleError(problems)
    return EsignConfig(bool(table.get("field", False)), str(table.get("field-name", "Pengesahan")), table.get("qr"))
