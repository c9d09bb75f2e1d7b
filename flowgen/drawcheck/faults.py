"""A fault the checker found, and the shape of a rule: a drawing in, its faults out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flowgen.drawcheck.drawing import Drawing


@dataclass(frozen=True)
class Fault:
    """One broken drawing rule: the rule's name (as ``svgcheck`` names it) and what is wrong where."""

    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


Check = Callable[[Drawing], Iterator[Fault]]
