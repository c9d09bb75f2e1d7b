"""Did-you-mean: the one place that guesses what a misspelt word meant.

A leaf module (it imports nothing from flowgen) so the language, the model
compiler and the style sheets can all use it without importing each other.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6  # how alike a word and a choice must be (difflib ratio) to be offered


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a misspelt word, compared without case, as the choice is spelt; else None."""
    lowered: dict[str, str] = {}
    for choice in choices:
        lowered.setdefault(choice.lower(), choice)
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=CUTOFF)
    return lowered[found[0]] if found else None
