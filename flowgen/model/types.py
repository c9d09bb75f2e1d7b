"""The procedure model: the public, immutable result of reading a .pos file.

Everything downstream (checks, layouts, renderers, JSON) works from these
types and never from the text.  They carry no geometry and no style.  Source
positions are kept for messages but left out of equality, so a procedure
printed back to text and read again compares equal to the original.
Conversions are free functions of the modules that own the formats
(``flowgen.to_dict``/``dumps`` for JSON, ``flowgen.to_pos`` for .pos text), so
the model imports nothing from the stages above it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from flowgen.errors import Span
from flowgen.model.values import DateValue, TimeValue

NO_SPAN = Span("<model>", 0, 1, 0)


class StepKind(enum.Enum):
    """The symbol a step is drawn with (Permenpan RB 35/2012)."""

    START = "start"  # terminator
    END = "end"  # terminator
    ACTIVITY = "activity"  # rectangle
    DECISION = "decision"  # diamond
    CONNECTOR = "connector"  # off-page connector (pentagon), made by pagination

    @property
    def is_terminator(self) -> bool:
        return self in (StepKind.START, StepKind.END)

    def __str__(self) -> str:
        return self.value


class Answer(enum.Enum):
    """What a branch label means, so styles can print it in the document's language."""

    YES = "yes"
    NO = "no"


YES_WORDS = frozenset({"ya", "yes", "y", "iya", "setuju", "benar", "true"})
NO_WORDS = frozenset({"tidak", "no", "n", "t", "tdk", "tidak setuju", "salah", "false"})


def answer_of(label: str | None) -> Answer | None:
    """``ya``/``yes`` mean YES, ``tidak``/``no`` mean NO; any other word is printed as written."""
    if label is None:
        return None
    word = label.strip().lower()
    if word in YES_WORDS:
        return Answer.YES
    if word in NO_WORDS:
        return Answer.NO
    return None


@dataclass(frozen=True)
class Approval:
    """``disahkan``: the approving official's position, name, rank (pangkat) and NIP (employee number).

    ``nip`` keeps its spacing as written (``19611122 198903 1 005``);
    ``nip_written`` says the sheet has a NIP line, even an empty one
    (``NIP.`` with the number left for the pen).
    """

    position: str
    name: str = ""
    nip: str = ""
    written: str = field(default="", compare=False)  # the line as written, for lossless JSON
    rank: str = ""  # pangkat/golongan: "Pembina Utama Madya", "IV/c"
    nip_written: bool = False

    def __post_init__(self) -> None:
        if self.nip and not self.nip_written:  # a NIP given is a NIP line, however the Approval was made
            object.__setattr__(self, "nip_written", True)

    def lines(self, nip_word: str = "NIP.") -> tuple[str, ...]:
        """The lines the sheet prints under "Disahkan oleh", signature room after the first.

        The NIP line is ``nip_word`` and the number, to be drawn on one line
        (never wrapped inside the number).
        """
        out = [self.position]
        out += [text for text in (self.name, self.rank) if text]
        if self.nip or self.nip_written:
            out.append(f"{nip_word} {self.nip}".rstrip())
        return tuple(out)


@dataclass(frozen=True)
class Revision:
    """One entry of the revision history (``riwayat-revisi``): number, date, what changed, who approved.

    The history is the record the Daftar Isi and the identity sheet's
    Tanggal Revisi are printed from, and the date a review is counted from;
    ``approved_by`` is kept as written (a position, or ``Jabatan; Nama``).
    """

    number: str
    date: DateValue
    changes: str = ""
    approved_by: str = ""
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True)
class Identity:
    """The identity sheet (lembar identitas) of a procedure."""

    title: str
    number: str = ""
    agency: str = ""
    unit: str = ""
    revision: str = ""  # nomor revisi ("No. Revisi", "Revisi ke"): a number, not a date
    created: DateValue | None = None
    revised: DateValue | None = None
    effective: DateValue | None = None
    approved_by: Approval | None = None
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    style: str | None = None  # "gaya": the style sheet this procedure asks for
    style_span: Span = field(default=NO_SPAN, compare=False, repr=False)
    history: tuple[Revision, ...] = ()  # riwayat-revisi, in the order written (oldest first)

    @property
    def last_revision(self) -> Revision | None:
        """The newest entry of the history (the last written), if there is a history."""
        return self.history[-1] if self.history else None

    @property
    def revised_date(self) -> DateValue | None:
        """The Tanggal Revisi: the last revision's date when a history is given, else ``revisi:``."""
        last = self.last_revision
        return last.date if last is not None else self.revised


@dataclass(frozen=True)
class Actor:
    """A pelaksana: one lane of the flowchart, one column of the table."""

    key: str
    name: str
    index: int  # declaration order, from 0
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    """One row of the SOP table: a kegiatan with its symbol and its Mutu Baku."""

    number: int  # 1..n in reading order: the step's identity (see Procedure.shown_number for the No column)
    kind: StepKind
    actors: tuple[str, ...]  # actor keys; more than one is a joint step
    text: str
    label: str | None = None
    requires: str = ""  # kelengkapan
    time: TimeValue | None = None  # waktu
    output: str = ""
    note: str = ""  # keterangan
    symbol: str = ""  # short text written inside the symbol (simbol)
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    time_span: Span = field(default=NO_SPAN, compare=False, repr=False)  # the waktu value, if written
    printed: str | None = None  # the No column as written ("3", "5a"); "" for a row with no number
    implicit: bool = False  # an end made by a branch "tidak -> selesai", not a line of its own

    @property
    def is_joint(self) -> bool:
        return len(self.actors) > 1


@dataclass(frozen=True)
class Edge:
    """An arrow from one step to another; a decision's arrows carry their branch label."""

    source: int
    target: int
    label: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    @property
    def answer(self) -> Answer | None:
        return answer_of(self.label)


@dataclass(frozen=True)
class Procedure:
    """A whole SOP: identity, actors in lane order, steps in reading order, arrows."""

    identity: Identity
    actors: tuple[Actor, ...]
    steps: tuple[Step, ...]
    edges: tuple[Edge, ...]
    source_name: str = field(default="<model>", compare=False)
    source_lines: tuple[str, ...] = field(default=(), compare=False, repr=False)

    # -- lookups --------------------------------------------------------------

    @cached_property
    def _step_index(self) -> dict[int, Step]:
        return {s.number: s for s in self.steps}

    @cached_property
    def _actor_index(self) -> dict[str, Actor]:
        return {a.key: a for a in self.actors}

    @cached_property
    def _outgoing(self) -> dict[int, tuple[Edge, ...]]:
        out: dict[int, list[Edge]] = {s.number: [] for s in self.steps}
        for e in self.edges:
            out.setdefault(e.source, []).append(e)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def _incoming(self) -> dict[int, tuple[Edge, ...]]:
        inc: dict[int, list[Edge]] = {s.number: [] for s in self.steps}
        for e in self.edges:
            inc.setdefault(e.target, []).append(e)
        return {k: tuple(v) for k, v in inc.items()}

    @cached_property
    def _shown(self) -> dict[int, str]:
        shown: dict[int, str] = {}
        last = 0
        for s in self.steps:
            if s.printed is None:
                last += 1
                shown[s.number] = str(last)
                continue
            shown[s.number] = s.printed
            digits = s.printed.rstrip("abcdefghijklmnopqrstuvwxyz")
            if digits.isdigit():
                last = int(digits)
        return shown

    def shown_number(self, number: int) -> str:
        """What the No column (and the flowchart's number tag) prints for a step: "" for none.

        A step written with a number prints it; one written without counts
        on from the number above it, so an ordinary file prints 1..n.
        """
        return self._shown[number]

    def step(self, number: int) -> Step:
        return self._step_index[number]

    def actor(self, key: str) -> Actor:
        return self._actor_index[key]

    def has_actor(self, key: str) -> bool:
        return key in self._actor_index

    def outgoing(self, number: int) -> tuple[Edge, ...]:
        return self._outgoing.get(number, ())

    def incoming(self, number: int) -> tuple[Edge, ...]:
        return self._incoming.get(number, ())

    def successors(self, number: int) -> Iterator[int]:
        return (e.target for e in self.outgoing(number))

    @property
    def starts(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind is StepKind.START)

    @property
    def ends(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind is StepKind.END)

    def line_text(self, span: Span) -> str | None:
        if span.file == self.source_name and 1 <= span.line <= len(self.source_lines):
            return self.source_lines[span.line - 1]
        return None
