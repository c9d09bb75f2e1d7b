"""The flowchart's layout as data: lanes, symbols (parts), ties, arrows and the page.

The contract between the placement (:mod:`flowgen.layout.flowchart.place`),
the routing (:mod:`flowgen.layout.flowchart.routes`, :mod:`~flowgen.layout.flowchart.polish`)
and the scene builder (:mod:`flowgen.render.flowchart`).  Everything is frozen:
a stage that changes a part makes a new one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flowgen.layout.geometry import Box, Command, Point
from flowgen.layout.symbols import FittedText, Shape


@dataclass(frozen=True)
class Badge:
    """The step number in a small circle beside its symbol."""

    x: float
    y: float
    r: float
    text: str


@dataclass(frozen=True)
class Part:
    """One drawn symbol of a step (a joint step has one per actor)."""

    step: int
    part: int
    actor: str
    lane: int
    shape: Shape
    text: FittedText
    detail: FittedText | None
    badge_r: float  # radius of the step-number badge (0: numbers hidden)
    badge: Badge | None = None  # placed after routing, on a corner no arrow touches

    @property
    def node(self) -> str:
        return f"n{self.step}_{self.part}"

    @functools.cached_property
    def box(self) -> Box:
        s = self.shape
        return (s.x0, s.y0, s.x1, s.y1)


@dataclass(frozen=True)
class Lane:
    key: str
    name: str
    index: int
    box: Box  # the whole lane, header included
    header: Box
    text: FittedText


@dataclass(frozen=True)
class Route:
    """An arrow as drawn: its line, its head, its label."""

    source: int
    target: int
    commands: tuple[Command, ...]
    head: tuple[Point, ...]
    label: str | None
    label_box: Box | None
    classes: tuple[str, ...]


@dataclass(frozen=True)
class Tie:
    """The plain line that ties the boxes of a joint step."""

    step: int
    points: tuple[Point, ...]


@dataclass(frozen=True)
class FlowchartLayout:
    width: float
    height: float
    direction: str  # "tb" | "lr"
    title: FittedText | None
    title_box: Box | None
    lanes: tuple[Lane, ...]
    parts: tuple[Part, ...]
    ties: tuple[Tie, ...]
    routes: tuple[Route, ...]
    ranking_dot: str
    routing_dot: str
