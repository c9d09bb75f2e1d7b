"""The words of flowgen's messages, one module per part of the pipeline.

:mod:`flowgen.messages` joins these tables into one catalog and fills them
in; they are plain data so that they can be reviewed (and translated) apart
from the code that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One message in English and Indonesian, with an optional hint in both."""

    en: str
    id: str
    hint_en: str = ""
    hint_id: str = ""
