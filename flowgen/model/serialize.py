"""Lossless JSON for procedures: what ``flowgen build --format json`` writes.

The document carries a schema name and version so pipelines can tell what
they read.  Every field of the model is kept, source positions included,
so ``from_dict(to_dict(p)) == p`` and spans survive too.  These are free
functions (exported as ``flowgen.to_dict/from_dict/dumps/loads``) rather than
methods of :class:`Procedure`, so the model knows nothing of its formats.

Reading checks the document as it goes: a missing field or a value of the
wrong type is a :class:`~flowgen.errors.SchemaError` naming the JSON path
(``$.steps[2].kind``), never a ``KeyError``; the procedure read is then held
to the model's rules (:mod:`flowgen.model.validate`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

from flowgen.errors import SchemaError, Span
from flowgen.model.types import NO_SPAN, Actor, Approval, Edge, Identity, Procedure, Revision, Step, StepKind
from flowgen.model.validate import require_valid
from flowgen.model.values import DateValue, Duration, TimeValue

SCHEMA = "flowgen/procedure"
VERSION = 3
# the versions this reader still reads: version 1 has no revision number, rank, month-year dates,
# printed step numbers or implicit ends; version 2 no revision history; their documents read as if
# those were left out
READS = (1, 2, 3)

_LISTS = ("legal_basis", "qualifications", "related", "equipment", "warnings", "records")

T = TypeVar("T")


def _date(value: DateValue | None) -> dict[str, object] | None:
    return value.to_dict() if value else None


def to_dict(p: Procedure) -> dict[str, Any]:
    """The procedure as a JSON-ready dict (schema ``flowgen/procedure``, version 3)."""
    require_valid(p)
    ident = p.identity
    approval = ident.approved_by
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "source": p.source_name,
        "identity": {
            "title": ident.title,
            "number": ident.number,
            "agency": ident.agency,
            "unit": ident.unit,
            "revision": ident.revision,
            "created": _date(ident.created),
            "revised": _date(ident.revised),
            "effective": _date(ident.effective),
            "approved_by": None
            if approval is None
            else {
                "position": approval.position,
                "name": approval.name,
                "nip": approval.nip,
                "written": approval.written,
                "rank": approval.rank,
                "nip_written": approval.nip_written,
            },
            **{name: list(getattr(ident, name)) for name in _LISTS},
            "style": ident.style,
            "style_span": ident.style_span.to_dict(),
            "history": [
                {
                    "number": r.number,
                    "date": r.date.to_dict(),
                    "changes": r.changes,
                    "approved_by": r.approved_by,
                    "span": r.span.to_dict(),
                }
                for r in ident.history
            ],
        },
        "actors": [{"key": a.key, "name": a.name, "index": a.index, "span": a.span.to_dict()} for a in p.actors],
        "steps": [
            {
                "number": s.number,
                "kind": s.kind.value,
                "actors": list(s.actors),
                "text": s.text,
                "label": s.label,
                "requires": s.requires,
                "time": s.time.to_dict() if s.time else None,
                "output": s.output,
                "note": s.note,
                "symbol": s.symbol,
                "span": s.span.to_dict(),
                "time_span": s.time_span.to_dict(),
                "printed": s.printed,
                "implicit": s.implicit,
            }
            for s in p.steps
        ],
        "edges": [{"from": e.source, "to": e.target, "label": e.label, "span": e.span.to_dict()} for e in p.edges],
    }


# what a value should have been, in English and Indonesian (the messages take both)
_TYPE_NAMES: dict[type, tuple[str, str]] = {
    str: ("text", "teks"),
    bool: ("true or false", "true atau false"),
    int: ("a whole number", "bilangan bulat"),
    float: ("a number", "bilangan"),
    list: ("a list", "daftar"),
    dict: ("an object", "objek"),
}


def _shown(value: Any) -> str:
    """A value as JSON, shortened: words of neither language, so both messages can show it."""
    if isinstance(value, list):
        return "[...]"
    if isinstance(value, dict):
        return "{...}"
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= 40 else text[:37] + "..."


class _Reader:
    """Reads one document, knowing the JSON path of every value, so every problem says where it is."""

    def __init__(self, source_name: str):
        self.span = Span(source_name, 0, 1, 0)

    def fail(self, code: str, path: str, **args: Any) -> NoReturn:
        raise SchemaError.single(code, self.span, path=path, **args)

    def get(self, data: dict[str, Any], key: str, path: str, kind: type[T], default: Any = ...) -> T:
        """``data[key]`` of the given JSON type; a missing key is the default, or an error without one."""
        where = f"{path}.{key}"
        if key not in data or (data[key] is None and default is not ...):
            if default is ...:
                self.fail("schema-missing", where)
            return default  # type: ignore[no-any-return]
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.wrong_type(where, kind, value)
        return value

    def wrong_type(self, path: str, kind: type, value: Any) -> NoReturn:
        expected, expected_id = _TYPE_NAMES[kind]
        self.fail("schema-type", path, expected=expected, expected_id=expected_id, found=_shown(value))

    def items(self, data: dict[str, Any], key: str, path: str, read: Callable[[Any, str], T]) -> tuple[T, ...]:
        values = self.get(data, key, path, list)
        return tuple(read(value, f"{path}.{key}[{i}]") for i, value in enumerate(values))

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.wrong_type(path, dict, value)
        return value

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self.wrong_type(path, str, value)
        return value

    def span_of(self, data: dict[str, Any], key: str, path: str, required: bool = True) -> Span:
        raw = self.get(data, key, path, dict, ... if required else None)
        if raw is None:
            return NO_SPAN
        where = f"{path}.{key}"
        return Span(
            self.get(raw, "file", where, str),
            self.get(raw, "line", where, int),
            self.get(raw, "column", where, int),
            self.get(raw, "length", where, int),
        )

    def date(self, data: dict[str, Any], key: str, path: str) -> DateValue | None:
        raw = self.get(data, key, path, dict, None)
        if not raw:
            return None
        where = f"{path}.{key}"
        iso = self.get(raw, "date", where, str)
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            self.fail("schema-bad-date", f"{where}.date", found=_shown(iso))
        return DateValue(day, self.get(raw, "written", where, str), self.get(raw, "has_day", where, bool, True))

    def duration(self, data: dict[str, Any], key: str, path: str) -> Duration | None:
        raw = self.get(data, key, path, dict, None)
        if raw is None:
            return None
        where = f"{path}.{key}"
        return Duration(*(self.get(raw, name, where, float) for name in ("minutes", "days", "work_days")))

    def time(self, data: dict[str, Any], key: str, path: str) -> TimeValue | None:
        raw = self.get(data, key, path, dict, None)
        if raw is None:
            return None
        where = f"{path}.{key}"
        return TimeValue(
            self.get(raw, "text", where, str), self.duration(raw, "low", where), self.duration(raw, "high", where)
        )

    def approval(self, data: dict[str, Any], path: str) -> Approval | None:
        raw = self.get(data, "approved_by", path, dict, None)
        if not raw:
            return None
        where = f"{path}.approved_by"
        fields = {name: self.get(raw, name, where, str, "") for name in ("name", "nip", "written", "rank")}
        nip_written = self.get(raw, "nip_written", where, bool, bool(fields["nip"]))
        return Approval(self.get(raw, "position", where, str), nip_written=nip_written, **fields)

    def identity(self, data: dict[str, Any], path: str) -> Identity:
        ident = self.get(data, "identity", path, dict)
        path = f"{path}.identity"
        return Identity(
            title=self.get(ident, "title", path, str),
            number=self.get(ident, "number", path, str, ""),
            agency=self.get(ident, "agency", path, str, ""),
            unit=self.get(ident, "unit", path, str, ""),
            revision=self.get(ident, "revision", path, str, ""),
            created=self.date(ident, "created", path),
            revised=self.date(ident, "revised", path),
            effective=self.date(ident, "effective", path),
            approved_by=self.approval(ident, path),
            **{name: self.items_or_empty(ident, name, path) for name in _LISTS},
            style=self.get(ident, "style", path, str, None),
            style_span=self.span_of(ident, "style_span", path, required=False),
            history=self.items(ident, "history", path, self.revision) if ident.get("history") is not None else (),
        )

    def revision(self, value: Any, path: str) -> Revision:
        r = self.obj(value, path)
        date = self.date(r, "date", path)
        if date is None:
            self.fail("schema-missing", f"{path}.date")
        return Revision(
            self.get(r, "number", path, str),
            date,
            self.get(r, "changes", path, str, ""),
            self.get(r, "approved_by", path, str, ""),
            self.span_of(r, "span", path, required=False),
        )

    def items_or_empty(self, data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        return self.items(data, key, path, self.text) if data.get(key) is not None else ()

    def actor(self, value: Any, path: str) -> Actor:
        a = self.obj(value, path)
        return Actor(
            self.get(a, "key", path, str),
            self.get(a, "name", path, str),
            self.get(a, "index", path, int),
            self.span_of(a, "span", path),
        )

    def kind(self, s: dict[str, Any], path: str) -> StepKind:
        word = self.get(s, "kind", path, str)
        try:
            return StepKind(word)
        except ValueError:
            known = ", ".join(k.value for k in StepKind)
            self.fail("schema-bad-kind", f"{path}.kind", found=_shown(word), known=known)

    def step(self, value: Any, path: str) -> Step:
        s = self.obj(value, path)
        return Step(
            number=self.get(s, "number", path, int),
            kind=self.kind(s, path),
            actors=self.items(s, "actors", path, self.text),
            text=self.get(s, "text", path, str),
            label=self.get(s, "label", path, str, None),
            requires=self.get(s, "requires", path, str, ""),
            time=self.time(s, "time", path),
            output=self.get(s, "output", path, str, ""),
            note=self.get(s, "note", path, str, ""),
            symbol=self.get(s, "symbol", path, str, ""),
            span=self.span_of(s, "span", path),
            time_span=self.span_of(s, "time_span", path, required=False),
            printed=self.get(s, "printed", path, str, None),
            implicit=self.get(s, "implicit", path, bool, False),
        )

    def edge(self, value: Any, path: str) -> Edge:
        e = self.obj(value, path)
        return Edge(
            self.get(e, "from", path, int),
            self.get(e, "to", path, int),
            self.get(e, "label", path, str, None),
            self.span_of(e, "span", path),
        )

    def procedure(self, value: Any) -> Procedure:
        data = self.obj(value, "$")
        if data.get("schema") != SCHEMA:
            self.fail("schema-not-procedure", "$.schema", found=_shown(data.get("schema")), schema=SCHEMA)
        if data.get("version") not in READS:
            self.fail("schema-version", "$.version", found=_shown(data.get("version")), version=VERSION)
        return Procedure(
            self.identity(data, "$"),
            self.items(data, "actors", "$", self.actor),
            self.items(data, "steps", "$", self.step),
            self.items(data, "edges", "$", self.edge),
            source_name=self.get(data, "source", "$", str, "<model>"),
        )


def from_dict(data: Any, source_name: str = "<dict>") -> Procedure:
    """A procedure from :func:`to_dict`'s dict; a wrong document raises :class:`SchemaError`.

    ``source_name`` is where the dict came from, for the messages.  The
    procedure is checked as a hand-built one would be (a ``ModelError`` if an
    arrow leads to a missing step, say).
    """
    procedure = _Reader(source_name).procedure(data)
    require_valid(procedure)
    return procedure


def dumps(procedure: Procedure) -> str:
    """The JSON text, stable: same procedure, same bytes."""
    return json.dumps(to_dict(procedure), ensure_ascii=False, indent=2) + "\n"


def loads(text: str | bytes, source_name: str = "<json>") -> Procedure:
    """A procedure from :func:`dumps`'s text; bad JSON or a wrong document raises :class:`SchemaError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        line = exc.doc.splitlines()[exc.lineno - 1] if exc.lineno <= len(exc.doc.splitlines()) else None
        raise SchemaError.single(
            "schema-not-json", Span(source_name, exc.lineno, exc.colno, 1), line, reason=exc.msg
        ) from None
    except UnicodeDecodeError as exc:
        raise SchemaError.single("schema-not-json", Span(source_name, 0, 1, 0), reason=str(exc.reason)) from None
    return from_dict(data, source_name)
