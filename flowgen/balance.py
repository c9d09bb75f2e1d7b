"""Balanced lines: a short text (a column header) broken into its lines as evenly as they go.

A greedy line breaker fills each line before starting the next, so a header
of two lines can leave one word alone on the second ("Kepala Sub Bagian
Tata | Usaha").  A drafter setting a header by hand keeps the same number
of lines and moves words down until the lines are as even as they can be
("Kepala Sub | Bagian Tata Usaha").  :func:`balance` finds that breaking:
the partition of the words into the same number of lines, each no wider
than the box, whose widths are the most even (the least sum of squared
widths: with the words' total fixed, that is the evenest).

A leaf: it knows nothing of fonts; the caller gives the measure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def balance(words: Sequence[str], lines: int, width_of: Callable[[str], float], width: float) -> list[str] | None:
    """The words in ``lines`` lines no wider than ``width``, as even as they go; None when they do not fit.

    ``words`` are unbreakable pieces (a tied "15 menit" is one); a line is its
    words joined by single spaces, measured whole by ``width_of``.
    """
    n = len(words)
    if lines <= 0 or n < lines:
        return None
    measured: dict[tuple[int, int], float] = {}

    def line_width(i: int, j: int) -> float:
        if (i, j) not in measured:
            measured[i, j] = width_of(" ".join(words[i:j]))
        return measured[i, j]

    # best[k][i]: (cost, end of the first line) of setting words[i:] in k lines
    best: list[dict[int, tuple[float, int]]] = [{n: (0.0, n)}]
    for k in range(1, lines + 1):
        row: dict[int, tuple[float, int]] = {}
        for i in range(n - k, -1, -1):
            options: list[tuple[float, int]] = []
            for j in range(i + 1, n - k + 2):
                w = line_width(i, j)
                if w > width:
                    break
                rest = best[k - 1].get(j)
                if rest is not None:
                    options.append((w * w + rest[0], -j))  # a tie: the longer first line
            if options:
                cost, end = min(options)
                row[i] = (cost, -end)
        best.append(row)
    if 0 not in best[lines]:
        return None
    out: list[str] = []
    i = 0
    for k in range(lines, 0, -1):
        j = best[k][i][1]
        out.append(" ".join(words[i:j]))
        i = j
    return out
