"""The procedure model: types, compilation from the syntax tree, analysis, JSON."""

from flowgen.model.types import Actor, Answer, Approval, Edge, Identity, Procedure, Revision, Step, StepKind
from flowgen.model.values import DateValue, Duration, TimeValue

__all__ = [
    "Actor",
    "Answer",
    "Approval",
    "DateValue",
    "Duration",
    "Edge",
    "Identity",
    "Procedure",
    "Revision",
    "Step",
    "StepKind",
    "TimeValue",
]
