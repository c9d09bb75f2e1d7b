"""The width the actor columns do not need, given to the text columns: a crowded lampiran's last tier.

With eight or nine actors the page's width goes to the actor columns (each
about its style's min-width) and the text columns are squeezed to half their
set widths: Kegiatan, Kelengkapan and Output stack six to nine lines a cell,
words break ("pertang-gungja-waban") and only four rows fit a page, while
each actor column is wider than its symbols and arrows need.  A careful
drafter moves that width across: each actor column down to what it needs
(its widest symbol with a channel either side where an arrow can pass it,
a track more for each arrow that must run along the column, its header and
symbol words whole) and the text columns up, never past their set widths,
split so that the rows are as short as the texts allow and as few words as
can be are hyphenated.

Only when the text columns are actually short (together below :data:`SHORT`
of their set widths): a table of few actors is left exactly as it was.
Actor columns that were equal stay equal (a drafter's grid is even), a text
column never loses width, and nothing moves unless the table gets shorter or
breaks fewer words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping

from flowgen.layout.symbols import FittedText, step_classes
from flowgen.layout.table.cell_lists import fit_cell
from flowgen.layout.table.grid import LINE_CLEARANCE, SYMBOL_CLEARANCE
from flowgen.model.types import Procedure, Step, StepKind
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import block_height, line_pitch

SHORT = 0.75  # text columns squeezed below this share of their set widths (together) are short
SHARES = (0.5, 1.0)  # shares of the width the actor columns can spare that are tried (the least that is best)
MOVES = (16.0, 8.0, 4.0, 2.0, 1.0)  # points moved from one text column to another while the table gets better


def runs_along(procedure: Procedure, actor: str) -> int:
    """The arrows that must run along an actor's column: between two of its steps, back up or past another."""
    steps = procedure.steps
    index = {s.number: i for i, s in enumerate(steps)}
    count = 0
    for edge in procedure.edges:
        i, j = index[edge.source], index[edge.target]
        if actor not in steps[i].actors or actor not in steps[j].actors:
            continue
        if j <= i or any(actor in steps[k].actors for k in range(i + 1, j)):
            count += 1
    return count


def routing_need(procedure: Procedure, style: ResolvedStyle, actor: str) -> float:
    """The narrowest an actor's column may be for its arrows: its widest symbol, a channel either side
    (two tracks' gap, and never less than an arrow passing the symbol needs clear of it and of the
    column's line), and one track more for each arrow that runs along the column."""
    gap = style.table.track_gap
    widths = [style.symbol(step_classes(s)).width for s in procedure.steps if actor in s.actors]
    side = max(2 * gap, SYMBOL_CLEARANCE + LINE_CLEARANCE)
    return max(widths, default=0.0) + 2 * side + gap * runs_along(procedure, actor)


def broken_words(fitted: FittedText, text: str) -> int:
    """The breaks with a hyphen the text did not have there ("kenai-" / "kan" of "kenaikan")."""
    solid = re.sub(r"\s+", "", text)
    count = 0
    for line, following in itertools.pairwise(fitted.lines):
        line, following = line.rstrip(), following.lstrip()
        if len(line) < 2 or line[-1] != "-" or not line[-2].isalpha() or not following[:1].isalpha():
            continue
        tail, head = line.split()[-1][:-1][-8:], following.split()[0][:8]
        if f"{tail}-{head}" not in solid:
            count += 1
    return count


class _Table:
    """The rows' heights and broken words for any widths of the text columns, each cell fitted once a width."""

    def __init__(
        self, procedure: Procedure, style: ResolvedStyle, keys: list[str], cell_text: Callable[[Step, str], str]
    ):
        self.steps = procedure.steps
        self.keys = keys
        self.style = style
        self.texts = {k: [cell_text(s, k) for s in self.steps] for k in keys}
        self.floors = [_row_floor(s, style) for s in self.steps]
        body = style.text("cell", ("kegiatan",))
        self.pitch = line_pitch(body.size, body.line_height)  # a broken word weighs as much as a line
        self.known: dict[tuple[str, float], tuple[list[float], int]] = {}

    def column(self, key: str, width: float) -> tuple[list[float], int]:
        """Each row's height in one column of this width, and the words it breaks."""
        found = self.known.get((key, width))
        if found is None:
            text_style = self.style.text("cell", (key,))
            pad = self.style.box("cell", (key,)).padding
            heights, broken = [], 0
            for text in self.texts[key]:
                fitted = fit_cell(text, text_style, width - pad[1] - pad[3])
                heights.append(fitted.height + pad[0] + pad[2])
                broken += broken_words(fitted, text_style.transform(text))
            found = self.known[(key, width)] = (heights, broken)
        return found

    def cost(self, widths: Mapping[str, float]) -> float:
        """The table's height (its rows' sum) and its broken words, each weighing a line."""
        columns = [self.column(k, round(widths[k], 3)) for k in self.keys]
        height = sum(max(floor, *(c[0][i] for c in columns)) for i, floor in enumerate(self.floors))
        return height + self.pitch * sum(c[1] for c in columns)


def _row_floor(step: Step, style: ResolvedStyle) -> float:
    """A row's height without its texts: the style's least, its symbol with the gutters (as the table sets it)."""
    channel = style.table.track_gap * 2
    symbol = style.symbol(step_classes(step)).height + 2 * (channel * 0.75 + 4)
    if step.kind is StepKind.DECISION:  # and room for the branch labels beside the tips
        label = style.edge().label.text
        symbol += block_height(1, label.size, label.line_height) + 2
    return max(style.table.row_min_height, symbol)


def _split(table: _Table, widths: dict[str, float], lack: Mapping[str, float], room: float) -> dict[str, float]:
    """``room`` given to the text columns: in proportion to what each lacks, then moved while it helps."""
    total = sum(lack.values())
    give = {k: lack[k] * min(1.0, room / total) for k in lack}
    best = table.cost({**widths, **{k: widths[k] + g for k, g in give.items()}})
    for step in MOVES:
        better = True
        while better:
            better = False
            for taker in lack:
                for giver in lack:
                    if taker == giver or give[giver] < step - 1e-9 or give[taker] + step > lack[taker] + 1e-9:
                        continue
                    trial = {**give, taker: give[taker] + step, giver: give[giver] - step}
                    cost = table.cost({**widths, **{k: widths[k] + g for k, g in trial.items()}})
                    if cost < best - 1e-6:
                        give, best, better = trial, cost, True
    return give


def give_room(
    widths: dict[str, float],
    procedure: Procedure,
    style: ResolvedStyle,
    cell_text: Callable[[Step, str], str],
    page: str,
    needs: Mapping[str, float],
) -> None:
    """Move to the short text columns of ``widths`` the width its actor columns (``needs``: their words'
    needs, keyed ``actor:KEY``) and the page (``page``'s entry) can spare, when it makes the table better."""
    texts = [k for k in widths if k not in needs and k not in (page, "no")]
    wanted = {k: style.cell((k,)).width for k in texts}
    lack = {k: wanted[k] - widths[k] for k in texts if wanted[k] > widths[k] + 1e-6}
    if not needs or not lack or sum(widths[k] for k in texts) >= SHORT * sum(wanted.values()):
        return
    floor = {k: min(widths[k], max(needs[k], routing_need(procedure, style, k[6:]))) for k in needs}
    groups: dict[float, list[str]] = {}
    for key in needs:  # columns of one width stay of one width
        groups.setdefault(round(widths[key], 6), []).append(key)
    spare = {w: w - max(floor[k] for k in keys) for w, keys in groups.items()}
    actors_spare = sum(spare[w] * len(keys) for w, keys in groups.items())
    table = _Table(procedure, style, list(lack), cell_text)
    best, chosen = table.cost(widths), None
    for share in SHARES:
        room = min(sum(lack.values()), widths[page] + share * actors_spare)
        if room <= 1e-6:
            continue
        give = _split(table, widths, lack, room)
        cost = table.cost({**widths, **{k: widths[k] + g for k, g in give.items()}})
        if cost < best - 1e-6:
            best, chosen = cost, give
    if chosen is None:
        return
    room = sum(chosen.values())
    from_page = min(room, widths[page])
    widths[page] -= from_page
    taken = (room - from_page) / actors_spare if actors_spare > 0 else 0.0
    for width, keys in groups.items():
        for key in keys:
            widths[key] = width - spare[width] * taken
    for key, g in chosen.items():
        widths[key] += g
