"""The only place flowgen runs Graphviz: DOT text in, positions and edge routes out.

Graphviz is called through the ``graphviz`` Python package's backend, with a
time limit.  flowgen never puts a procedure's text into DOT (nodes are
named ``n1``, ``n2``, … and have no labels; flowgen draws all text itself),
so nothing a writer types can change the graph Graphviz sees.  A missing or
failing Graphviz becomes one :class:`LayoutError` with a clear sentence.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

import graphviz
from graphviz.backend import dot_command
from graphviz.backend.execute import run_check

from flowgen.errors import LayoutError, Span, error

POINTS_PER_INCH = 72.0
DEFAULT_TIMEOUT = 60.0


def timeout() -> float:
    try:
        return float(os.environ.get("FLOWGEN_GRAPHVIZ_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@dataclass(frozen=True)
class PlainNode:
    name: str
    x: float  # centre, points, Graphviz's y-up coordinates
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlainEdge:
    tail: str
    head: str
    points: tuple[tuple[float, float], ...]  # B-spline control points, points, y-up


@dataclass(frozen=True)
class PlainGraph:
    width: float
    height: float
    nodes: dict[str, PlainNode]
    edges: tuple[PlainEdge, ...]


def run(source: str, engine: str = "dot", no_op: int | None = None, source_name: str = "<graph>") -> str:
    """Run a Graphviz engine on DOT text; its ``-Tplain`` output."""
    cmd = dot_command.command(engine, "plain", neato_no_op=no_op)
    limit = timeout()
    where = Span(source_name, 0, 1, 0)
    try:
        proc = run_check(cmd, input=source.encode("utf-8"), capture_output=True, quiet=True, timeout=limit)
    except graphviz.ExecutableNotFound:
        raise LayoutError([error("graphviz-missing", where)]) from None
    except subprocess.TimeoutExpired:
        raise LayoutError([error("graphviz-timeout", where, seconds=f"{limit:g}")]) from None
    except graphviz.CalledProcessError as exc:
        message = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {exc.returncode}"
        raise LayoutError([error("graphviz-failed", where, reason=reason)]) from None
    except OSError as exc:
        raise LayoutError([error("graphviz-failed", where, reason=str(exc))]) from None
    return bytes(proc.stdout).decode("utf-8", "replace")


def parse_plain(text: str) -> PlainGraph:
    """Read ``-Tplain`` output (inches) into points."""
    nodes: dict[str, PlainNode] = {}
    edges: list[PlainEdge] = []
    width = height = 0.0
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "graph":
            width = float(parts[2]) * POINTS_PER_INCH
            height = float(parts[3]) * POINTS_PER_INCH
        elif parts[0] == "node":
            name = parts[1]
            x, y, w, h = (float(p) * POINTS_PER_INCH for p in parts[2:6])
            nodes[name] = PlainNode(name, x, y, w, h)
        elif parts[0] == "edge":
            count = int(parts[3])
            coords = [float(p) * POINTS_PER_INCH for p in parts[4 : 4 + 2 * count]]
            points = tuple(zip(coords[0::2], coords[1::2]))
            edges.append(PlainEdge(parts[1], parts[2], points))
    return PlainGraph(width, height, nodes, tuple(edges))


def inches(points: float) -> str:
    return f"{points / POINTS_PER_INCH:.4f}"
