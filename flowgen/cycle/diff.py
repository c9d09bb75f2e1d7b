"""What changed between two revisions of a procedure, by meaning rather than by line.

A reviewer signing a revised SOP asks: which identity fields changed, which actors came and went,
which steps were added, removed, moved or reworded, where the arrows and branches now go, and what
happened to the Mutu Baku.  Comparing lines cannot answer that (an inserted step renumbers every
step below it, and a changed ``-> label`` moves an arrow without touching its step), so the two
procedures are compared as models:

1. actors are matched by key, then by the same name (a new key), then by a similar name (renamed);
2. steps are matched by label (``[periksa]``), then by the same text, then by similar text
   (difflib's ratio of at least :data:`SIMILAR`, the best pairs first), then a lone unmatched start
   (or end) with the other revision's lone unmatched start (or end);
3. a matched step *moved* when it is out of the longest run of matched steps that kept their order
   (so inserting a step does not make every step below it "moved");
4. arrows are compared through the step matching; a decision's branch that keeps its label but
   points elsewhere is one *branch* change, not a removal and an addition.

Field names in :class:`Change` are the ``.pos`` keywords (``nomor``, ``kelengkapan``, ``waktu``…), so
the JSON is stable whatever language the text is printed in.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from flowgen import Approval, DateValue, Procedure, Revision, Step
from flowgen.cycle.history import history_of, history_pairs, summary

SIMILAR = 0.6  # difflib ratio from which two texts are one step reworded (or one actor renamed)

IDENTITY_FIELDS = (
    ("judul", "title"),
    ("nomor", "number"),
    ("instansi", "agency"),
    ("unit", "unit"),
    ("dibuat", "created"),
    ("no-revisi", "revision"),
    ("revisi", "revised_date"),  # the Tanggal Revisi as printed: the last revision's, else revisi:
    ("efektif", "effective"),
    ("disahkan", "approved_by"),
    ("gaya", "style"),
)
LIST_FIELDS = (
    ("dasar-hukum", "legal_basis"),
    ("kualifikasi", "qualifications"),
    ("keterkaitan", "related"),
    ("peralatan", "equipment"),
    ("peringatan", "warnings"),
    ("pencatatan", "records"),
)
MUTU_BAKU = (("kelengkapan", "requires"), ("waktu", "time"), ("output", "output"))
STEP_DETAILS = (("keterangan", "note"), ("simbol", "symbol"))


@dataclass(frozen=True)
class Change:
    """One change.  ``section`` is identity, actors, steps, arrows or history.

    Steps are named by their number in the old (``old_step``) and the new (``new_step``) revision,
    whichever exist; an arrow by its source (``*_step``) and its target (``*_target``) in both.
    """

    section: str
    kind: str
    field: str = ""
    old: str | None = None
    new: str | None = None
    old_step: int | None = None
    new_step: int | None = None
    old_target: int | None = None
    new_target: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


@dataclass(frozen=True)
class Comparison:
    """Two revisions and every change between them, in reading order of each section."""

    old_name: str
    new_name: str
    changes: tuple[Change, ...]
    old_title: str = ""
    new_title: str = ""

    def section(self, name: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.section == name)

    @property
    def same(self) -> bool:
        return not self.changes


def _value(value: Any) -> str:
    """A field's value as the reviewer reads it: dates and approvals as written."""
    if value is None:
        return ""
    if isinstance(value, DateValue):
        return value.written
    if isinstance(value, Approval):
        parts = [value.position, value.name, f"NIP {value.nip}" if value.nip else ""]
        return "; ".join(p for p in parts if p)
    return str(value)


def _key(value: Any) -> Any:
    """What is compared: a date by its day (``4 Jan 2021`` equals ``2021-01-04``), text as is."""
    if isinstance(value, DateValue):
        return value.date
    if isinstance(value, Approval):
        return (value.position, value.name, value.nip)
    return value


def identity_changes(old: Procedure, new: Procedure) -> list[Change]:
    changes: list[Change] = []
    for name, attr in IDENTITY_FIELDS:
        a, b = getattr(old.identity, attr), getattr(new.identity, attr)
        if _key(a) != _key(b):
            changes.append(Change("identity", "changed", name, _value(a) or None, _value(b) or None))
    for name, attr in LIST_FIELDS:
        a_items, b_items = getattr(old.identity, attr), getattr(new.identity, attr)
        changes += [Change("identity", "item-removed", name, old=i) for i in a_items if i not in b_items]
        changes += [Change("identity", "item-added", name, new=i) for i in b_items if i not in a_items]
    return changes


def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two texts, 0 when its cheap upper bounds already rule them out.

    The bounds keep a comparison of two large, much rewritten procedures (every unmatched step
    against every other) from computing the full ratio of pairs that cannot be similar.
    """
    matcher = difflib.SequenceMatcher(None, a.casefold(), b.casefold(), autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def match_actors(old: Procedure, new: Procedure) -> dict[str, str]:
    """Old actor key → new actor key: same key, else same name, else the most similar name."""
    pairs = {a.key: a.key for a in old.actors if new.has_actor(a.key)}
    free_old = [a for a in old.actors if a.key not in pairs]
    free_new = [a for a in new.actors if a.key not in pairs.values()]
    for a in list(free_old):
        same = next((b for b in free_new if b.name.casefold() == a.name.casefold()), None)
        if same is not None:
            pairs[a.key] = same.key
            free_old.remove(a)
            free_new.remove(same)
    scored = sorted(
        ((_ratio(a.name, b.name), a.index, b.index, a.key, b.key) for a in free_old for b in free_new),
        key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]),
    )
    for ratio, _, _, a_key, b_key in scored:
        if ratio >= SIMILAR and a_key not in pairs and b_key not in pairs.values():
            pairs[a_key] = b_key
    return pairs


def actor_changes(old: Procedure, new: Procedure, pairs: dict[str, str]) -> list[Change]:
    changes: list[Change] = []
    for a in old.actors:
        if a.key not in pairs:
            changes.append(Change("actors", "removed", a.key, old=a.name))
        elif pairs[a.key] != a.key or new.actor(pairs[a.key]).name != a.name:
            b = new.actor(pairs[a.key])
            changes.append(Change("actors", "renamed", b.key, f"{a.key} = {a.name}", f"{b.key} = {b.name}"))
    kept = set(pairs.values())
    changes += [Change("actors", "added", b.key, new=b.name) for b in new.actors if b.key not in kept]
    return changes


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _pair_lone(old: Procedure, new: Procedure, pairs: dict[int, int]) -> None:
    """A lone unmatched start (end) of the old revision is the lone unmatched start (end) of the new."""
    for kind in ("start", "end"):
        a = [s for s in old.steps if s.kind.value == kind and s.number not in pairs]
        b = [s for s in new.steps if s.kind.value == kind and s.number not in pairs.values()]
        if len(a) == 1 and len(b) == 1:
            pairs[a[0].number] = b[0].number


def match_steps(old: Procedure, new: Procedure) -> dict[int, int]:
    """Old step number → new step number, by label, same text, similar text, lone start and end."""
    pairs: dict[int, int] = {}
    labelled = {s.label: s.number for s in new.steps if s.label}
    for s in old.steps:
        if s.label and s.label in labelled:
            pairs[s.number] = labelled[s.label]
    taken = set(pairs.values())
    by_text: dict[str, list[int]] = {}
    for t in new.steps:
        if t.number not in taken:
            by_text.setdefault(_norm(t.text), []).append(t.number)
    for s in old.steps:
        same = by_text.get(_norm(s.text))
        if s.number not in pairs and same:
            pairs[s.number] = same.pop(0)
    free_old = [s for s in old.steps if s.number not in pairs]
    free_new = [t for t in new.steps if t.number not in pairs.values()]
    scored = sorted(
        ((_ratio(s.text, t.text), s.number, t.number) for s in free_old for t in free_new),
        key=lambda x: (-x[0], abs(x[1] - x[2]), x[1]),
    )
    taken = set(pairs.values())
    for ratio, a, b in scored:
        if ratio >= SIMILAR and a not in pairs and b not in taken:
            pairs[a] = b
            taken.add(b)
    _pair_lone(old, new, pairs)
    return dict(sorted(pairs.items()))


def _kept_order(pairs: dict[int, int]) -> set[int]:
    """Old numbers of the longest run of matched steps whose new numbers increase (they did not move).

    Patience sorting, n log n: ``tails[k]`` indexes the smallest last value of a run of length k+1.
    """
    olds = sorted(pairs)
    news = [pairs[a] for a in olds]
    tails: list[int] = []
    before = [-1] * len(olds)
    for i, value in enumerate(news):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if news[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        if low > 0:
            before[i] = tails[low - 1]
        if low == len(tails):
            tails.append(i)
        else:
            tails[low] = i
    kept: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        kept.add(olds[i])
        i = before[i]
    return kept


def _actors_text(step: Step, procedure: Procedure) -> str:
    return " + ".join(procedure.actor(k).name if procedure.has_actor(k) else k for k in step.actors)


def _step_field_changes(a: Step, b: Step, old: Procedure, new: Procedure, actor_pairs: dict[str, str]) -> list[Change]:
    at = {"old_step": a.number, "new_step": b.number}
    changes: list[Change] = []
    if _norm(a.text) != _norm(b.text):
        changes.append(Change("steps", "reworded", "kegiatan", a.text, b.text, **at))
    if a.kind is not b.kind:
        changes.append(Change("steps", "kind", "simbol", a.kind.value, b.kind.value, **at))
    if tuple(actor_pairs.get(k, f"-{k}") for k in a.actors) != b.actors:
        changes.append(Change("steps", "actors", "pelaksana", _actors_text(a, old), _actors_text(b, new), **at))
    for name, attr in MUTU_BAKU + STEP_DETAILS:
        x, y = getattr(a, attr), getattr(b, attr)
        x_text = x.text if hasattr(x, "text") else (x or "")
        y_text = y.text if hasattr(y, "text") else (y or "")
        if x_text.strip() != y_text.strip():
            kind = "mutu-baku" if (name, attr) in MUTU_BAKU else "detail"
            changes.append(Change("steps", kind, name, x_text or None, y_text or None, **at))
    return changes


def step_changes(old: Procedure, new: Procedure, pairs: dict[int, int], actor_pairs: dict[str, str]) -> list[Change]:
    """Every step change, in the new revision's order (removed steps where they were)."""
    back = {b: a for a, b in pairs.items()}
    kept = _kept_order(pairs)
    changes: list[Change] = []
    removed = [s for s in old.steps if s.number not in pairs]
    for t in new.steps:
        if t.number in back:
            while removed and removed[0].number < back[t.number]:
                s = removed.pop(0)
                changes.append(Change("steps", "removed", "", old=s.text, old_step=s.number))
        if t.number not in back:
            changes.append(Change("steps", "added", "", new=t.text, new_step=t.number))
            continue
        a = old.step(back[t.number])
        if a.number not in kept:
            changes.append(Change("steps", "moved", "", old_step=a.number, new_step=t.number, new=t.text))
        changes += _step_field_changes(a, t, old, new, actor_pairs)
    changes += [Change("steps", "removed", "", old=s.text, old_step=s.number) for s in removed]
    return changes


def _label(label: str | None) -> str:
    return _norm(label) if label else ""


def arrow_changes(old: Procedure, new: Procedure, pairs: dict[int, int]) -> list[Change]:
    """Arrows added, removed, relabelled, and branches that now lead elsewhere."""
    back = {b: a for a, b in pairs.items()}
    old_arrows = {(pairs.get(e.source), pairs.get(e.target), e.source, e.target): e.label for e in old.edges}
    mapped = {(k[0], k[1]): v for k, v in old_arrows.items() if k[0] is not None and k[1] is not None}
    new_arrows = {(e.source, e.target): e.label for e in new.edges}
    changes: list[Change] = []
    for (s, t), label in new_arrows.items():
        if (s, t) in mapped and _label(mapped[(s, t)]) != _label(label):
            changes.append(Change("arrows", "relabelled", "", mapped[(s, t)], label, back[s], s, back[t], t))
    gone = [(k, v) for k, v in old_arrows.items() if (k[0], k[1]) not in new_arrows]
    came = [(k, v) for k, v in new_arrows.items() if k not in mapped]
    for (ms, mt, s, t), label in list(gone):
        twin = next(
            (c for c in came if ms is not None and c[0][0] == ms and label and _label(c[1]) == _label(label)), None
        )
        if twin is not None:
            (ns, nt), _ = twin
            texts = (old.step(t).text, new.step(nt).text)
            changes.append(Change("arrows", "branch", label or "", *texts, s, ns, t, nt))
            gone.remove(((ms, mt, s, t), label))
            came.remove(twin)
    for (ms, mt, s, t), label in gone:
        changes.append(Change("arrows", "removed", label or "", None, None, s, ms, t, mt))
    for (s, t), label in came:
        changes.append(Change("arrows", "added", label or "", None, None, back.get(s), s, back.get(t), t))
    return sorted(changes, key=lambda c: (c.new_step or c.old_step or 0, c.new_target or c.old_target or 0))


def history_changes(
    old: Procedure,
    new: Procedure,
    old_history: Sequence[Revision] | None = None,
    new_history: Sequence[Revision] | None = None,
) -> list[Change]:
    """What the histories say differently: revisions added, removed, or rewritten (same number)."""
    pairs = history_pairs(history_of(old, old_history), history_of(new, new_history))
    changes: list[Change] = []
    for kind, was, r in pairs:
        either = r if r is not None else was
        number = either.number if either is not None else ""
        before, after = (summary(x) if x is not None else None for x in (was, r))
        changes.append(Change("history", kind, number, before, after))
    return changes


def compare(
    old: Procedure,
    new: Procedure,
    *,
    old_history: Sequence[Revision] | None = None,
    new_history: Sequence[Revision] | None = None,
) -> Comparison:
    """Every change from ``old`` to ``new``.

    The histories default to what the procedures carry (see :mod:`flowgen.cycle.history`).
    """
    actor_pairs = match_actors(old, new)
    pairs = match_steps(old, new)
    changes = [
        *history_changes(old, new, old_history, new_history),
        *identity_changes(old, new),
        *actor_changes(old, new, actor_pairs),
        *step_changes(old, new, pairs, actor_pairs),
        *arrow_changes(old, new, pairs),
    ]
    return Comparison(old.source_name, new.source_name, tuple(changes), old.identity.title, new.identity.title)
