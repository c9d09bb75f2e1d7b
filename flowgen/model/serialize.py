"""Lossless JSON for procedures: what ``flowgen build --format json`` writes.

The document carries a schema name and version so pipelines can tell what
they read.  Every field of the model is kept, source positions included,
so ``Procedure.from_dict(p.to_dict()) == p`` and spans survive too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flowgen.errors import Span
from flowgen.model.types import NO_SPAN, Actor, Approval, Edge, Identity, Procedure, Step, StepKind
from flowgen.model.values import DateValue, TimeValue

SCHEMA = "flowgen/procedure"
VERSION = 1

_LISTS = ("legal_basis", "qualifications", "related", "equipment", "warnings", "records")


class SchemaError(ValueError):
    """The JSON is not a flowgen procedure of a version this flowgen reads."""


def _date(value: DateValue | None) -> dict[str, str] | None:
    return value.to_dict() if value else None


def _read_date(data: Any) -> DateValue | None:
    if not data:
        return None
    return DateValue(dt.date.fromisoformat(data["date"]), data["written"])


def procedure_to_dict(p: Procedure) -> dict[str, Any]:
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
            },
            **{name: list(getattr(ident, name)) for name in _LISTS},
            "style": ident.style,
            "style_span": ident.style_span.to_dict(),
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
            }
            for s in p.steps
        ],
        "edges": [{"from": e.source, "to": e.target, "label": e.label, "span": e.span.to_dict()} for e in p.edges],
    }


def procedure_from_dict(data: dict[str, Any]) -> Procedure:
    if data.get("schema") != SCHEMA:
        raise SchemaError(f"not a flowgen procedure (schema {data.get('schema')!r})")
    if data.get("version") != VERSION:
        raise SchemaError(f"procedure schema version {data.get('version')!r} is not {VERSION}")
    ident = data["identity"]
    approval = ident.get("approved_by")
    identity = Identity(
        title=ident["title"],
        number=ident.get("number", ""),
        agency=ident.get("agency", ""),
        unit=ident.get("unit", ""),
        created=_read_date(ident.get("created")),
        revised=_read_date(ident.get("revised")),
        effective=_read_date(ident.get("effective")),
        approved_by=Approval(**approval) if approval else None,
        **{name: tuple(ident.get(name, ())) for name in _LISTS},
        style=ident.get("style"),
        style_span=Span.from_dict(ident["style_span"]) if ident.get("style_span") else NO_SPAN,
    )
    actors = tuple(Actor(a["key"], a["name"], a["index"], Span.from_dict(a["span"])) for a in data["actors"])
    steps = tuple(
        Step(
            number=s["number"],
            kind=StepKind(s["kind"]),
            actors=tuple(s["actors"]),
            text=s["text"],
            label=s.get("label"),
            requires=s.get("requires", ""),
            time=TimeValue.from_dict(s["time"]) if s.get("time") else None,
            output=s.get("output", ""),
            note=s.get("note", ""),
            symbol=s.get("symbol", ""),
            span=Span.from_dict(s["span"]),
            time_span=Span.from_dict(s["time_span"]) if s.get("time_span") else NO_SPAN,
        )
        for s in data["steps"]
    )
    edges = tuple(Edge(e["from"], e["to"], e.get("label"), Span.from_dict(e["span"])) for e in data["edges"])
    return Procedure(identity, actors, steps, edges, source_name=data.get("source", "<model>"))


def dumps(procedure: Procedure) -> str:
    """The JSON text, stable: same procedure, same bytes."""
    return json.dumps(procedure_to_dict(procedure), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> Procedure:
    return procedure_from_dict(json.loads(text))
