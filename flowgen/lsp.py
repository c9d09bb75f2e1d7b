"""``flowgen lsp``: the language service over the Language Server Protocol (pygls, stdio).

VS Code, Neovim or any LSP client gets what the web editor gets, from the
same :mod:`flowgen.service`: diagnostics on open and change, completion,
hover, go-to-definition and formatting.  Messages are in English, or in
Indonesian with ``FLOWGEN_LANG=id`` or the initialization option
``{"lang": "id"}``.  LSP positions are 0-based; flowgen's are 1-based.
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from flowgen import __version__
from flowgen.errors import Diagnostic, FlowgenError
from flowgen.service import analyze_text, completions, definition, format_text, hover

_KINDS = {
    "keyword": types.CompletionItemKind.Keyword,
    "actor": types.CompletionItemKind.Variable,
    "label": types.CompletionItemKind.Reference,
    "step": types.CompletionItemKind.Reference,
    "answer": types.CompletionItemKind.EnumMember,
}


class PosServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flowgen", __version__)
        self.lang = "id" if os.environ.get("FLOWGEN_LANG") == "id" else "en"


server = PosServer()


def to_lsp(d: Diagnostic, lang: str) -> types.Diagnostic:
    line = max(0, d.span.line - 1)
    start = max(0, d.span.column - 1) if d.span.line > 0 else 0
    hint = d.render_hint(lang)
    message = d.render_message(lang) + (f"\n{'saran' if lang == 'id' else 'hint'}: {hint}" if hint else "")
    return types.Diagnostic(
        range=types.Range(types.Position(line, start), types.Position(line, start + max(1, d.span.length))),
        message=message,
        severity=types.DiagnosticSeverity.Error if d.is_error else types.DiagnosticSeverity.Warning,
        code=d.code,
        source="flowgen",
    )


def _publish(ls: PosServer, uri: str) -> None:
    document = ls.workspace.get_text_document(uri)
    analysis = analyze_text(document.source, document.filename or uri)
    found = [to_lsp(d, ls.lang) for d in analysis.diagnostics]
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found))


@server.feature(types.INITIALIZE)
def _initialize(ls: PosServer, params: types.InitializeParams) -> None:
    options: Any = params.initialization_options
    if isinstance(options, dict) and options.get("lang") in ("id", "en"):
        ls.lang = options["lang"]


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: PosServer, params: types.DidOpenTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: PosServer, params: types.DidChangeTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: PosServer, params: types.DidSaveTextDocumentParams) -> None:
    _publish(ls, params.text_document.uri)


def _text(ls: PosServer, uri: str) -> str:
    return ls.workspace.get_text_document(uri).source


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[">", " ", "+"]))
def _complete(ls: PosServer, params: types.CompletionParams) -> types.CompletionList:
    analysis = analyze_text(_text(ls, params.text_document.uri))
    line, character = params.position.line, params.position.character
    start, items = completions(analysis, line + 1, character + 1)
    edit_range = types.Range(types.Position(line, start - 1), types.Position(line, character))
    return types.CompletionList(
        is_incomplete=False,
        items=[
            types.CompletionItem(
                label=c.label,
                kind=_KINDS.get(c.kind),
                detail=c.detail,
                text_edit=types.TextEdit(range=edit_range, new_text=c.insert),
            )
            for c in items
        ],
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: PosServer, params: types.HoverParams) -> types.Hover | None:
    analysis = analyze_text(_text(ls, params.text_document.uri))
    text = hover(analysis, params.position.line + 1, params.position.character + 1)
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=text))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: PosServer, params: types.DefinitionParams) -> types.Location | None:
    analysis = analyze_text(_text(ls, params.text_document.uri))
    found = definition(analysis, params.position.line + 1, params.position.character + 1)
    if found is None:
        return None
    position = types.Position(found[0] - 1, found[1] - 1)
    return types.Location(uri=params.text_document.uri, range=types.Range(position, position))


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def _format(ls: PosServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    text = _text(ls, params.text_document.uri)
    try:
        formatted = format_text(text)
    except FlowgenError:
        return None  # the diagnostics already say why; a text with errors is left as it is
    if formatted == text:
        return []
    lines = text.split("\n")
    whole = types.Range(types.Position(0, 0), types.Position(len(lines), 0))
    return [types.TextEdit(range=whole, new_text=formatted)]


def start(stdin: BinaryIO, stdout: BinaryIO) -> None:
    server.start_io(stdin, stdout)
