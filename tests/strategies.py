"""Hypothesis strategies: random, valid procedures built as models.

Shared by the round-trip tests of the language and the geometry tests of
the layouts.  Every procedure drawn here passes ``flowgen.parse`` once
printed: one start first, an end last, every step reached by an arrow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from hypothesis import strategies as st

import flowgen
from flowgen.model.types import Actor, Approval, Edge, Identity, Procedure, Revision, Step, StepKind
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
# what signed sheets write in the Waktu column (issue 10)
SHEET_TIMES = ["Segera", "-", "1 x 24 jam", "1 (satu) hari", "10'", "7 hari dengan bupati; 2 hari dengan Kadin"]
DAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BRANCH_LABELS = [("ya", "tidak"), ("yes", "no"), ("Setuju", "Tolak"), ("A", "B"), ("lengkap", "kurang")]


@st.composite
def phrase(draw: st.DrawFn, tricky: bool = True, max_words: int = 8) -> str:
    pool = WORDS + (TRICKY if tricky else [])
    words = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=max_words))
    return " ".join(words)


@st.composite
def dates(draw: st.DrawFn, sheet: bool = False) -> DateValue:
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)))
    form = draw(st.integers(0, 4 if sheet else 1))
    month = MONTHS_ID[day.month - 1]
    if form == 0:
        return DateValue(day, day.isoformat())
    if form == 2:  # a month and a year, as "APRIL 2015"
        return DateValue(day.replace(day=1), f"{month.upper()} {day.year}", has_day=False)
    if form == 3:  # with the day name and a leading zero
        return DateValue(day, f"{DAY_NAMES[day.weekday()]}, {day.day:02d} {month} {day.year}")
    if form == 4:
        return DateValue(day, f"{day.day:02d} {month} {day.year}")
    return DateValue(day, f"{day.day} {month} {day.year}")


@st.composite
def lines_of(draw: st.DrawFn, sheet: bool, max_words: int = 5) -> str:
    """A plain value; on a signed sheet, maybe broken over two or three lines."""
    parts = draw(st.lists(phrase(tricky=False, max_words=max_words), min_size=1, max_size=3 if sheet else 1))
    return "\n".join(parts)


@st.composite
def approvals(draw: st.DrawFn, sheet: bool) -> Approval | None:
    text = phrase(tricky=False, max_words=5)
    if not sheet:
        nips = st.from_regex(r"[0-9]{18}", fullmatch=True)
        return draw(st.one_of(st.none(), st.builds(Approval, text, text, nips)))
    if draw(st.integers(0, 3)) == 0:
        return None
    nip = draw(st.sampled_from(["", "19611122 198903 1 005", "196111221989031005"]))
    rank = draw(st.sampled_from(["", "Pembina Utama Madya", "Penata Tk. I (III/d)"]))
    return Approval(draw(text), draw(text), nip, rank=rank, nip_written=bool(nip) or draw(st.booleans()))


REVISION_NUMBERS = ["0", "1", "2", "3", "01", "02", "Revisi ke-1", "1;a"]
APPROVERS = ["", "Direktur SMP", "Kepala Dinas; Dr. Budi Santoso, M.Pd.", "Sekretaris Daerah; -"]


@st.composite
def histories(draw: st.DrawFn, sheet: bool = False) -> tuple[Revision, ...]:
    """A riwayat-revisi: distinct numbers, any dates (even out of order), ';' inside what changed."""
    numbers = draw(st.lists(st.sampled_from(REVISION_NUMBERS), unique=True, max_size=4))
    changes = st.one_of(st.just(""), lines_of(sheet), st.just("Langkah 3; langkah 5\\; waktu"))
    return tuple(
        Revision(number, draw(dates(sheet)), draw(changes), draw(st.sampled_from(APPROVERS))) for number in numbers
    )


@st.composite
def identities(draw: st.DrawFn, sheet: bool = False) -> Identity:
    text = lines_of(sheet)
    optional = st.one_of(st.just(""), text)
    items = st.lists(text, max_size=3).map(tuple)
    return Identity(
        title=draw(phrase(tricky=False, max_words=5)),
        number=draw(optional),
        agency=draw(optional),
        unit=draw(optional),
        revision=draw(st.sampled_from(["", "0", "02", "Revisi ke-1"])) if sheet else "",
        created=draw(st.one_of(st.none(), dates(sheet))),
        revised=draw(st.one_of(st.none(), dates(sheet))),
        effective=draw(st.one_of(st.none(), dates(sheet))),
        approved_by=draw(approvals(sheet)),
        legal_basis=draw(items),
        qualifications=draw(items),
        related=draw(items),
        equipment=draw(items),
        warnings=draw(items),
        records=draw(items),
        history=draw(histories(sheet)),
    )


def _other_than(n: int) -> Callable[[int], bool]:
    """A filter for step numbers that are not ``n`` (a jump or branch never targets its own step)."""
    return lambda target: target != n


@st.composite
def procedures(
    draw: st.DrawFn,
    max_steps: int = 30,
    max_actors: int = 6,
    tricky: bool = True,
    details: bool = True,
    sheet: bool = False,
) -> Procedure:
    """A random valid procedure with decisions, loops back, forks and joint steps.

    ``sheet`` adds what signed sheets have (issue 10): printed step numbers
    (repeated, skipped, none), values over several lines, the times offices
    write, and branches that end the procedure by themselves.
    """
    n_actors = draw(st.integers(1, max_actors))
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=n_actors, max_size=n_actors, unique=True))
    actors = tuple(Actor(k, draw(lines_of(sheet, max_words=4)), i) for i, k in enumerate(keys))
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

        def detail() -> str:
            return draw(st.one_of(st.just(""), phrase(tricky=tricky, max_words=4))) if details else ""

        time_text = (
            draw(st.one_of(st.none(), st.sampled_from(TIMES + (SHEET_TIMES if sheet else [])))) if details else None
        )
        if sheet and text and draw(st.integers(0, 3)) == 0:
            text += "\n" + draw(phrase(tricky=False, max_words=3))  # the text (or the question) goes on a line
        requires = detail()
        if sheet and requires and draw(st.booleans()):
            requires += "\n" + draw(phrase(tricky=False, max_words=3))  # a list of papers, one a line
        steps.append(
            Step(
                number=number,
                kind=kind,
                actors=who,
                text=text,
                label=f"L{number}" if use_labels and draw(st.booleans()) else None,
                requires=requires,
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
        anywhere = st.integers(1, count).filter(_other_than(n))
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
            assert following is not None  # ``jump`` is forced when there is no following step
            edges.append(Edge(n, following))  # falls through (printed implicitly)
        else:
            targets: list[int] = [following] if following is not None else []
            targets += draw(st.lists(anywhere, min_size=1 if not targets else 0, max_size=1))
            for target in targets:
                edges.append(Edge(n, target))
    if sheet:
        steps, edges = _as_signed(draw, steps, edges)
    return Procedure(draw(identities(sheet)), actors, tuple(steps), tuple(edges))


def _as_signed(draw: st.DrawFn, steps: list[Step], edges: list[Edge]) -> tuple[list[Step], list[Edge]]:
    """Printed numbers and branches that end by themselves, as signed sheets have them."""
    ended = [s.number for s in steps if s.kind is StepKind.DECISION and draw(st.integers(0, 2)) == 0]
    for decision in reversed(ended):  # an end right after the decision, for its second answer
        second = [e.label for e in edges if e.source == decision][-1]
        shift = {s.number: s.number + (s.number > decision) for s in steps}
        moved: list[Edge] = []
        for e in edges:
            if e.source != decision or e.label != second:
                moved.append(Edge(shift[e.source], shift[e.target], e.label))
            elif all(m.source != decision or m.label != second for m in moved):
                moved.append(Edge(decision, decision + 1, second))  # the branch now ends by itself
        edges = moved
        steps = [replace(s, number=shift[s.number], label=f"L{shift[s.number]}" if s.label else None) for s in steps]
        who = steps[decision - 1].actors
        text = draw(st.sampled_from(["Selesai", "Tamu ditolak", "Berkas dikembalikan"]))
        steps.insert(decision, Step(decision + 1, StepKind.END, who, text, printed="", implicit=True))
    numbered = [
        replace(s, printed=draw(st.sampled_from([None, None, "", "1", "3", "3a", str(s.number)])))
        if not s.implicit
        else s
        for s in steps
    ]
    probe = Procedure(Identity("x"), (), tuple(numbered), ())
    counts: dict[str, int] = {}
    for s in numbered:
        counts[probe.shown_number(s.number)] = counts.get(probe.shown_number(s.number), 0) + 1
    out: dict[int, int] = {}
    for e in edges:
        out[e.source] = out.get(e.source, 0) + 1
    falls = {e for e in edges if e.target == e.source + 1 and out[e.source] == 1}
    jumped = {e.target for e in edges if e not in falls or probe.step(e.source).kind is StepKind.DECISION}

    def needs_label(s: Step) -> bool:
        shown = probe.shown_number(s.number)
        return s.label is None and s.number in jumped and not s.implicit and (not shown or counts[shown] != 1)

    named = [replace(s, label=f"L{s.number}") if needs_label(s) else s for s in numbered]
    return named, edges


def printed(procedure: Procedure) -> str:
    return flowgen.to_pos(procedure)
