"""A decision's branches that fork: one line out of one tip, labelled once.

A branch (one decision, one label) may go to several steps; a careful hand
draws it as one line out of one tip that forks, with its label written
once.  The router asks which tips a branch already leaves by, and which
arrows follow another of their branch (drawn with its label, not their own).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flowgen.layout.geometry import Box, Point
from flowgen.layout.table.types import Link
from flowgen.model.types import StepKind

Routes = Sequence[tuple[Link, list[Point]]]


def fork_tips(link: Link, routes: Routes, tip_of: Mapping[int, str], labels: Mapping[int, Box]) -> set[str]:
    """The tips by which other arrows of this branch (same decision, same label) already leave, labelled."""
    label = link.edge.label or ""
    return {
        tip_of[id(other)]
        for other, _ in routes
        if other.source is link.source
        and other is not link
        and (other.edge.label or "") == label
        and id(other) in labels
    }


def fork_followers(routes: Routes, tip_of: Mapping[int, str], labels: Mapping[int, Box]) -> set[int]:
    """Arrows that leave by the tip of an earlier arrow of the same branch: drawn with its label, not their own."""
    groups: dict[tuple[int, str, str], list[int]] = {}
    for link, _ in routes:
        if link.source.kind is not StepKind.DECISION or link.source.connector is not None or not link.edge.label:
            continue
        groups.setdefault((id(link.source), link.edge.label, tip_of.get(id(link), "")), []).append(id(link))
    followers: set[int] = set()
    for group in groups.values():
        owner = next((k for k in group if k in labels), group[0])  # the one whose label is placed
        followers.update(k for k in group if k != owner)
    return followers
