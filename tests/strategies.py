"""Hypothesis strategies: random, valid procedures built as models.

Shared by the round-trip tests of the language and the geometry tests of
the layouts.  Every procedure drawn here passes ``flowgen.parse`` once
printed: one start first, an end last, every step reached by an arrow.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import flowgen
from flowgen.model.types import Actor, Approval, Edge, Identity, Procedure, Step, StepKind
from flowgen.model.values import MONTHS_ID, DateValue, parse_time

WORDS = [
    "Menerima",
    "surat",
    "berkas",
    "Memeriksa",
    "kelengkapan",
    "dan",
    "Kepala",
    "Bagian",
    "Umum",
    "disposisi",
    "laporan",
    "permohonan",
    "pegawai",
    "anggaran",
    "Verifikasi",
    "dokumen",
]
TRICKY = [
    "Catat: nomor",
    "a -> b",
    "#1",
    "50%",
    "<script>alert(1)</script>",
    "&amp;",
    '"kutip"',
    "'satu'",
    "{x|y}",
    "\\n",
    "\\l",
    "<b>tebal</b>",
    "é",
    "ñ",
    "Rp 1.000,00",
]
KEYS = ["pu", "ktu", "dir", "ppk", "bend", "sek", "kasubag", "staf", "tim-a", "ka_biro"]
TIMES = ["5 menit", "1 jam", "1,5 jam", "2 hari", "3 hari kerja", "30 menit - 2 jam", "secepatnya"]
BRANCH_LABELS = [("ya", "tidak"), ("yes", "no"), ("Setuju", "Tolak"), ("A", "B"), ("lengkap", "kurang")]


@st.composite
def phrase(draw: st.DrawFn, tricky: bool = True, max_words: int = 8) -> str:
    pool = WORDS + (TRICKY if tricky else [])
    words = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=max_words))
    return " ".join(words)


@st.composite
def dates(draw: st.DrawFn) -> DateValue:
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)))
    if draw(st.booleans()):
        return DateValue(day, day.isoformat())
    return DateValue(day, f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}")


@st.composite
def identities(draw: st.DrawFn) -> Identity:
    text = phrase(tricky=False, max_words=5)
    optional = st.one_of(st.just(""), text)
    items = st.lists(text, max_size=3).map(tuple)
    approval = draw(st.one_of(st.none(), st.builds(Approval, text, text, st.from_regex(r"[0-9]{18}", fullmatch=True))))
    return Identity(
        title=draw(text),
        number=draw(optional),
        agency=draw(optional),
        unit=draw(optional),
        created=draw(st.one_of(st.none(), dates())),
        revised=draw(st.one_of(st.none(), dates())),
        effective=draw(st.one_of(st.none(), dates())),
        approved_by=approval,
        legal_basis=draw(items),
        qualifications=draw(items),
        related=draw(items),
        equipment=draw(items),
        warnings=draw(items),
        records=draw(items),
    )


@st.composite
def procedures(
    draw: st.DrawFn,
    max_steps: int = 30,
    max_actors: int = 6,
    tricky: bool = True,
    details: bool = True,
) -> Procedure:
    """A random valid procedure with decisions, loops back, forks and joint steps."""
    n_actors = draw(st.integers(1, max_actors))
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=n_actors, max_size=n_actors, unique=True))
    actors = tuple(Actor(k, draw(phrase(tricky=False, max_words=4)), i) for i, k in enumerate(keys))
    count = draw(st.integers(2, max_steps))
    kinds: list[StepKind] = [StepKind.START]
    for _ in range(count - 2):
        kinds.append(
            draw(st.sampled_from([StepKind.ACTIVITY] * 5 + [StepKind.DECISION] * 2 + [StepKind.END, StepKind.START]))
        )
    for i in range(1, len(kinds)):
        if kinds[i - 1] is StepKind.END and kinds[i] is not StepKind.START:
            kinds[i] = StepKind.START  # nothing falls through from an end
    if kinds[-1] is StepKind.END:
        kinds[-1] = StepKind.START if len(kinds) > 1 and kinds[-2] is StepKind.END else StepKind.ACTIVITY
    kinds.append(StepKind.END)

    use_labels = draw(st.booleans())
    steps: list[Step] = []
    for number, kind in enumerate(kinds, start=1):
        size = 1 if n_actors == 1 or kind is StepKind.DECISION else draw(st.sampled_from([1, 1, 1, 1, 2]))
        who = tuple(draw(st.lists(st.sampled_from(keys), min_size=size, max_size=size, unique=True)))
        text = draw(phrase(tricky=tricky)) if not kind.is_terminator or draw(st.booleans()) else ""
        detail = (lambda: draw(st.one_of(st.just(""), phrase(tricky=tricky, max_words=4)))) if details else (lambda: "")
        time_text = draw(st.one_of(st.none(), st.sampled_from(TIMES))) if details else None
        steps.append(
            Step(
                number=number,
                kind=kind,
                actors=who,
                text=text,
                label=f"L{number}" if use_labels and draw(st.booleans()) else None,
                requires=detail(),
                time=parse_time(time_text) if time_text else None,
                output=detail(),
                note=detail(),
                symbol=draw(st.sampled_from(["", "", "Setuju?"])) if kind is StepKind.DECISION and details else "",
            )
        )

    edges: list[Edge] = []
    for step in steps:
        n = step.number
        following = n + 1 if n < count else None
        anywhere = st.integers(1, count).filter(lambda t, n=n: t != n)
        if step.kind is StepKind.END:
            continue
        if step.kind is StepKind.DECISION:
            first, second = draw(st.sampled_from(BRANCH_LABELS))
            a = following if following is not None else draw(anywhere)
            b = draw(anywhere)
            edges.append(Edge(n, a, first))
            if draw(st.integers(0, 5)) == 0:
                edges.append(Edge(n, draw(anywhere), first))  # a fork on a branch
            edges.append(Edge(n, b, second))
            continue
        jump = following is None or draw(st.integers(0, 6)) == 0
        if not jump:
            edges.append(Edge(n, following))  # falls through (printed implicitly)
        else:
            targets = [following] if following is not None else []
            targets += draw(st.lists(anywhere, min_size=1 if not targets else 0, max_size=1))
            for target in targets:
                edges.append(Edge(n, target))
    return Procedure(draw(identities()), actors, tuple(steps), tuple(edges))


def printed(procedure: Procedure) -> str:
    return flowgen.to_pos(procedure)
