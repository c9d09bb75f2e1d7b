"""Every message flowgen prints about a user's input, in English and Indonesian.

Diagnostics carry a code and arguments; the words live in
:mod:`flowgen.wording` (one table per part of the pipeline, joined here into
one catalog), so they can be reviewed together, tested exactly, and read by the people who
write procedures in their own language (``flowgen --lang id``).  Messages say
what is wrong in the writer's terms; hints say how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowgen.wording import Message as Message  # re-exported: the stages register their own messages
from flowgen.wording import graph as _graph
from flowgen.wording import history as _history
from flowgen.wording import model as _model
from flowgen.wording import source as _source

LANGUAGES = ("en", "id")

M = Message

CATALOG: dict[str, Message] = {**_source.MESSAGES, **_graph.MESSAGES, **_model.MESSAGES, **_history.MESSAGES}

_WORDS = {
    "en": {"error": "error", "warning": "warning", "hint": "hint", "mean": "did you mean '{0}'?"},
    "id": {"error": "galat", "warning": "peringatan", "hint": "saran", "mean": "maksud Anda '{0}'?"},
}


def register(entries: Mapping[str, Message]) -> None:
    """Add the messages of another stage (styles, layout) to the catalog."""
    for code, message in entries.items():
        if code in CATALOG:
            raise ValueError(f"message code {code!r} defined twice")
        CATALOG[code] = message


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def _fill(template: str, args: Mapping[str, Any], lang: str) -> str:
    values = {k: ("-" if v is None else v) for k, v in args.items()}
    suggestion = args.get("suggestion")
    mean = _WORDS[lang]["mean"].format(suggestion) if suggestion else ""
    values["did_you_mean"] = f"{mean} " if mean else ""
    values["did_you_mean_end"] = f" — {mean}" if mean else ""
    return template.format(**values)


def render(code: str, args: Mapping[str, Any], lang: str = "en") -> str:
    lang = _lang(lang)
    message = CATALOG.get(code)
    if message is None:
        return code
    return _fill(message.en if lang == "en" else message.id, args, lang)


def render_hint(code: str, args: Mapping[str, Any], lang: str = "en") -> str | None:
    lang = _lang(lang)
    message = CATALOG.get(code)
    if message is None:
        return None
    template = message.hint_en if lang == "en" else message.hint_id
    return _fill(template, args, lang) if template else None


def severity_word(severity: str, lang: str = "en") -> str:
    return _WORDS[_lang(lang)][severity]


def hint_word(lang: str = "en") -> str:
    return _WORDS[_lang(lang)]["hint"]
