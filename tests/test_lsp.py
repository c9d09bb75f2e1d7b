"""``flowgen lsp`` over stdio, driven by pygls's language client: what VS Code or Neovim would see."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import cast

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from flowgen.service import format_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")
URI = "file:///tmp/surat-masuk.pos"
BAD = EXAMPLE.replace("  ktu: Meneruskan surat", "  kxu: Meneruskan surat")
MESSY = "\n".join(
    [
        "# komentar",
        "judul:   Contoh",
        "pelaksana:",
        "    a = A",
        "alur:",
        "    mulai a: Mulai",
        "    # akhir",
        "    selesai a: Selesai",
        "",
    ]
)


def line_of(text: str, needle: str) -> int:
    """0-based, as LSP counts."""
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


async def session(lang: str, text: str) -> tuple[LanguageClient, list[types.PublishDiagnosticsParams]]:
    client = LanguageClient("flowgen-test", "1")
    published: list[types.PublishDiagnosticsParams] = []

    def _diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.append(params)

    # Registered by a call, not as a decorator: pygls's client ``feature`` has no return type, and an
    # untyped decorator would make ``_diagnostics`` untyped too.
    client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(_diagnostics)

    await client.start_io(sys.executable, "-m", "flowgen", "lsp")
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options={"lang": lang})
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=URI, language_id="pos", version=1, text=text))
    )
    return client, published


async def finish(client: LanguageClient) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await cast(Callable[[], Awaitable[None]], client.stop)()  # pygls leaves ``stop`` unannotated


async def wait_for(published: list[types.PublishDiagnosticsParams], count: int) -> None:
    for _ in range(600):  # a bound on waiting, not a measurement
        if len(published) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("no diagnostics published")


def run(coroutine: object) -> None:
    asyncio.run(coroutine)  # type: ignore[arg-type]


def test_diagnostics_on_open_and_change_in_indonesian() -> None:
    async def body() -> None:
        client, published = await session("id", EXAMPLE)
        await wait_for(published, 1)
        assert list(published[0].diagnostics) == []
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=BAD)],
            )
        )
        await wait_for(published, 2)
        (found,) = published[1].diagnostics
        line = line_of(BAD, "kxu: Meneruskan")
        assert found.range == types.Range(types.Position(line, 2), types.Position(line, 5))
        assert found.code == "unknown-actor"
        assert found.severity == types.DiagnosticSeverity.Error
        assert found.message.split("\n")[0] == "pelaksana 'kxu' tidak dikenal"
        assert "maksud Anda 'ktu'?" in found.message
        await finish(client)

    run(body())


def test_completion_hover_definition_formatting() -> None:
    async def body() -> None:
        client, _ = await session("en", EXAMPLE)
        doc = types.TextDocumentIdentifier(uri=URI)
        line = line_of(EXAMPLE, "tidak -> kembalikan")
        column = EXAMPLE.split("\n")[line].index("kembalikan")
        completion = await client.text_document_completion_async(
            types.CompletionParams(doc, types.Position(line, column + 2))
        )
        assert isinstance(completion, types.CompletionList)
        assert [item.label for item in completion.items] == ["kembalikan"]
        edit = completion.items[0].text_edit
        assert isinstance(edit, types.TextEdit)
        assert edit.range == types.Range(types.Position(line, column), types.Position(line, column + 2))

        actor_line = line_of(EXAMPLE, "ktu: Menelaah")
        shown = await client.text_document_hover_async(types.HoverParams(doc, types.Position(actor_line, 3)))
        assert shown is not None and isinstance(shown.contents, types.MarkupContent)
        assert shown.contents.value == "ktu = Kepala Subbagian Tata Usaha"

        found = await client.text_document_definition_async(
            types.DefinitionParams(doc, types.Position(line, column + 1))
        )
        assert isinstance(found, types.Location)
        assert found.range.start == types.Position(line_of(EXAMPLE, "[kembalikan] pu"), 2)

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=MESSY)],
            )
        )
        edits = await client.text_document_formatting_async(
            types.DocumentFormattingParams(doc, types.FormattingOptions(tab_size=2, insert_spaces=True))
        )
        assert edits is not None and len(edits) == 1
        assert edits[0].new_text == format_text(MESSY)
        assert "    # akhir\n" not in edits[0].new_text and "  # akhir\n  selesai a: Selesai" in edits[0].new_text
        await finish(client)

    run(body())


@pytest.mark.parametrize("text", [BAD])
def test_formatting_leaves_a_wrong_text_alone(text: str) -> None:
    async def body() -> None:
        client, _ = await session("en", text)
        edits = await client.text_document_formatting_async(
            types.DocumentFormattingParams(types.TextDocumentIdentifier(uri=URI), types.FormattingOptions(2, True))
        )
        assert edits is None
        await finish(client)

    run(body())
