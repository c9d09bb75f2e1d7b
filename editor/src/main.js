// The flowgen web editor: files on the left, CodeMirror in the middle, the live drawing on the right.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { keymap, hoverTooltip } from "@codemirror/view";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { autocompletion } from "@codemirror/autocomplete";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { tags } from "@lezer/highlight";
import { posLanguage } from "./pos.js";
import { WORDS } from "./i18n.js";

const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
const state = {
  path: null, wanted: null, base: null, root: "", lang: localStorage.getItem("flowgen:lang") || "id",
  form: "flowchart", style: "", pages: [], page: 0, steps: [], seq: 0, opening: 0, timer: null, diagnostics: [],
};
const w = (key) => WORDS[state.lang][key];
const storeKey = (path) => `flowgen:${state.root}:${path}`;

async function api(path, body, method) {
  const init = { method: method || (body ? "POST" : "GET"), headers: { "X-Flowgen-Token": token } };
  if (body) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  const response = await fetch(path, init);
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : null;
  return { status: response.status, data, response };
}

const highlight = HighlightStyle.define([
  { tag: tags.comment, color: "#6a737d", fontStyle: "italic" },
  { tag: tags.keyword, color: "#8250df", fontWeight: "bold" },
  { tag: tags.propertyName, color: "#0550ae", fontWeight: "bold" },
  { tag: tags.variableName, color: "#953800" },
  { tag: tags.labelName, color: "#116329" },
  { tag: tags.operator, color: "#cf222e" },
  { tag: tags.number, color: "#116329" },
  { tag: tags.atom, color: "#8250df" },
]);

// -- language service -------------------------------------------------------------------------

function where(view, pos) {
  const line = view.state.doc.lineAt(pos);
  return { text: view.state.doc.toString(), line: line.number, column: pos - line.from + 1 };
}

async function completeSource(context) {
  const word = context.matchBefore(/[\w-]*/);
  const afterArrow = context.matchBefore(/->\s*$/);
  if (!context.explicit && (!word || word.from === word.to) && !afterArrow) return null;
  const { data } = await api("/api/lang/complete", where(context.view, context.pos));
  if (!data || !data.items.length) return null;
  const line = context.state.doc.lineAt(context.pos);
  const types = { keyword: "keyword", actor: "variable", label: "constant", step: "constant", answer: "keyword" };
  return {
    from: line.from + data.from - 1,
    options: data.items.map((i) => ({ label: i.label, apply: i.insert, type: types[i.kind], detail: i.detail })),
    validFor: /^[\w-]*$/,
  };
}

const hovers = hoverTooltip(async (view, pos) => {
  const { data } = await api("/api/lang/hover", where(view, pos));
  if (!data || !data.text) return null;
  return { pos, create() { const dom = document.createElement("div"); dom.className = "fg-hover"; dom.textContent = data.text; return { dom }; } };
});

async function goToDefinition(view, pos) {
  const { data } = await api("/api/lang/definition", where(view, pos));
  if (!data || !data.line) return false;
  moveTo(data.line, data.column);
  return true;
}

function moveTo(lineNumber, column) {
  const line = view.state.doc.line(Math.min(lineNumber, view.state.doc.lines));
  const pos = Math.min(line.from + (column || 1) - 1, line.to);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}

// -- the editor -------------------------------------------------------------------------------

const view = new EditorView({
  parent: $("editor"),
  state: EditorState.create({ doc: "", extensions: extensions() }),
});
window.flowgenView = view;

function extensions() {
  return [
    basicSetup, EditorView.lineWrapping, posLanguage, syntaxHighlighting(highlight), lintGutter(), hovers,
    autocompletion({ override: [completeSource], activateOnTyping: true }),
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => { save(); return true; } },
      { key: "F12", run: (v) => { goToDefinition(v, v.state.selection.main.head); return true; } },
    ]),
    EditorView.domEventHandlers({
      mousedown(event, v) {
        if (!(event.ctrlKey || event.metaKey)) return false;
        const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos != null) goToDefinition(v, pos);
        return pos != null;
      },
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && state.path) {
        localStorage.setItem(storeKey(state.path), JSON.stringify({ text: update.state.doc.toString(), base: state.base }));
        markDirty(true);
        schedulePreview();
      }
      if (update.selectionSet || update.docChanged) highlightStep(update.selectionSet && !update.docChanged);
    }),
  ];
}

function setText(text) {
  view.setState(EditorState.create({ doc: text, extensions: extensions() }));
}

// -- preview ----------------------------------------------------------------------------------

function schedulePreview() {
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 200);
}

async function preview() {
  const seq = ++state.seq;
  const body = { path: state.path, text: view.state.doc.toString(), form: state.form, style: state.style, lang: state.lang };
  let data = null;
  try { ({ data } = await api("/api/preview", body)); } catch (error) { data = null; } // the server went away
  if (seq !== state.seq) return;
  if (!data || data.failed) { // the drawing could not be made this time: say so, and try again soon
    $("notice").textContent = w("retry");
    clearTimeout(state.timer);
    state.timer = setTimeout(preview, 2000);
    document.body.dataset.previewSeq = String(seq);
    return;
  }
  state.diagnostics = data.diagnostics;
  showDiagnostics(data.diagnostics);
  $("notice").textContent = data.timeout ? w("timeout") : (data.ok ? "" : w("stale"));
  $("preview").classList.toggle("stale", !data.ok);
  if (!data.ok) highlightStep(false);
  if (data.ok) {
    state.steps = data.steps;
    state.pages = data.pages;
    state.page = Math.min(state.page, data.pages.length - 1);
    showPage();
  }
  document.body.dataset.previewSeq = String(seq);
}

function showPage() {
  const box = $("drawing");
  box.textContent = "";
  const svg = state.pages[state.page];
  if (svg) {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    doc.querySelectorAll("script, foreignObject").forEach((n) => n.remove());
    doc.querySelectorAll("*").forEach((n) => [...n.attributes].forEach((a) => { if (/^on/i.test(a.name)) n.removeAttribute(a.name); }));
    box.appendChild(document.importNode(doc.documentElement, true));
    box.querySelectorAll("g.fg-step").forEach((g) => g.addEventListener("click", () => {
      const step = state.steps.find((s) => String(s.number) === g.dataset.step);
      if (step) moveTo(step.line, 1);
    }));
  }
  $("pager").hidden = state.pages.length < 2;
  $("page-no").textContent = `${w("page")} ${state.page + 1} / ${state.pages.length}`;
  highlightStep(false);
}

function highlightStep(followPage) {
  document.querySelectorAll("#drawing g.fg-current").forEach((g) => g.classList.remove("fg-current"));
  if ($("preview").classList.contains("stale")) return; // the drawing's lines are not the text's any more
  const line = view.state.doc.lineAt(view.state.selection.main.head).number;
  const step = state.steps.find((s) => s.line <= line && line <= s.end);
  if (!step) return;
  const selector = `#drawing g.fg-step[data-step="${step.number}"]`;
  if (followPage && !document.querySelector(selector)) {
    const page = state.pages.findIndex((svg) => svg.includes(`data-step="${step.number}"`));
    if (page >= 0 && page !== state.page) { state.page = page; showPage(); return; }
  }
  document.querySelectorAll(selector).forEach((g) => g.classList.add("fg-current"));
}

function showDiagnostics(found) {
  const doc = view.state.doc;
  const marks = found.map((d) => {
    const line = doc.line(Math.max(1, Math.min(d.line || 1, doc.lines)));
    const from = Math.min(line.from + Math.max(0, (d.column || 1) - 1), line.to);
    const to = Math.min(from + Math.max(1, d.length || 1), line.to);
    const message = d.hint ? `${d.message}\n${w("hint")}: ${d.hint}` : d.message;
    return { from, to: Math.max(to, from), severity: d.severity, message, source: d.code };
  });
  view.dispatch(setDiagnostics(view.state, marks));
  const list = $("problems-list");
  list.textContent = "";
  for (const d of found) {
    const item = document.createElement("li");
    item.className = `problem ${d.severity}`;
    item.textContent = `${d.line}:${d.column} ${w(d.severity)}: ${d.message}${d.hint ? ` (${w("hint")}: ${d.hint})` : ""}`;
    item.addEventListener("click", () => moveTo(d.line, d.column));
    list.appendChild(item);
  }
  $("problems-title").textContent = `${w("problems")} (${found.length})`;
  if (!found.length) { const item = document.createElement("li"); item.textContent = w("noProblems"); list.appendChild(item); }
}

// -- files ------------------------------------------------------------------------------------

async function loadFiles() {
  const { data } = await api("/api/files");
  state.root = data.root;
  const list = $("files");
  list.textContent = "";
  for (const path of data.files.filter((p) => p.endsWith(".pos"))) {
    const item = document.createElement("li");
    item.textContent = path;
    item.dataset.path = path;
    if (localStorage.getItem(storeKey(path))) item.classList.add("dirty");
    item.addEventListener("click", () => openFile(path));
    list.appendChild(item);
  }
  const select = $("style");
  if (!select.options.length) {
    select.add(new Option("(gaya / auto)", ""));
    for (const name of data.styles) select.add(new Option(name, name));
  }
}

function markDirty(dirty) {
  $("status").textContent = dirty ? `● ${w("unsaved")}` : w("saved");
  const item = document.querySelector(`#files li[data-path="${CSS.escape(state.path || "")}"]`);
  if (item) item.classList.toggle("dirty", dirty);
}

async function openFile(path) {
  // the file open (or being opened) is not read again: a second read would replace the text being typed
  if (path === state.wanted) return;
  state.wanted = path;
  const ticket = ++state.opening;
  const { status, data } = await api(`/api/file?path=${encodeURIComponent(path)}`);
  if (ticket !== state.opening) return; // another file was asked for meanwhile
  if (status !== 200) {
    state.wanted = state.path;
    $("notice").textContent = `${w("refused")}: ${data ? data.error : status}`;
    return;
  }
  state.path = path; state.base = data.sha; state.page = 0; state.pages = []; state.steps = [];
  $("drawing").textContent = ""; // the last file's drawing must not answer clicks for this one
  localStorage.setItem(`flowgen:${state.root}:open`, path);
  document.querySelectorAll("#files li").forEach((li) => li.classList.toggle("open", li.dataset.path === path));
  $("title").textContent = path;
  const stored = JSON.parse(localStorage.getItem(storeKey(path)) || "null");
  if (stored && stored.text !== data.text) {
    if (stored.base === data.sha) {
      setText(stored.text); markDirty(true); $("notice").textContent = w("restored");
    } else {
      setText(data.text); markDirty(false); showConflict(stored.text, data.text, data.sha);
    }
  } else {
    localStorage.removeItem(storeKey(path));
    setText(data.text); markDirty(false);
  }
  await preview();
}

async function save(force) {
  if (!state.path) return;
  const text = view.state.doc.toString();
  const { status, data } = await api("/api/file", { path: state.path, text, base: state.base, force: !!force }, "PUT");
  if (status === 409) { showConflict(text, data.disk, data.sha); return; }
  if (status !== 200) { $("notice").textContent = `${w("refused")}: ${data ? data.error : status}`; return; }
  state.base = data.sha;
  localStorage.removeItem(storeKey(state.path));
  markDirty(false);
}

function showConflict(mine, disk, sha) {
  $("conflict").hidden = false;
  $("mine-text").textContent = mine;
  $("disk-text").textContent = disk;
  $("keep-mine").onclick = () => { $("conflict").hidden = true; setText(mine); state.base = sha; save(true); };
  $("take-disk").onclick = () => {
    $("conflict").hidden = true; state.base = sha; localStorage.removeItem(storeKey(state.path)); setText(disk); markDirty(false); preview();
  };
  $("cancel-conflict").onclick = () => { $("conflict").hidden = true; };
}

async function newSop() {
  const name = prompt(w("newName"));
  if (!name) return;
  const { status, data } = await api("/api/new", { name });
  if (status !== 200) { $("notice").textContent = `${w("refused")}: ${data ? data.error : status}`; return; }
  await loadFiles();
  await openFile(data.path);
}

async function download(format) {
  const body = {
    path: state.path, text: view.state.doc.toString(), form: state.form, style: state.style, format, lang: state.lang, page: state.page,
  };
  const { status, data, response } = await api("/api/export", body);
  if (status !== 200) { $("notice").textContent = data ? data.error : String(status); return; }
  const blob = await response.blob();
  const name = (response.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name ? name[1] : `sop.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function buildBook() {
  $("book-result").textContent = w("building");
  const { status, data } = await api("/api/book", { lang: state.lang });
  if (status !== 200) { $("book-result").textContent = data ? data.error : String(status); return; }
  const failed = data.results.filter((r) => !r.ok);
  const head = w("built").replace("{ok}", data.results.length - failed.length).replace("{failed}", failed.length);
  $("book-result").textContent = [head, ...failed.map((r) => r.error)].join("\n");
}

function applyWords() {
  document.querySelectorAll("[data-word]").forEach((n) => { n.textContent = w(n.dataset.word); });
  document.documentElement.lang = state.lang;
}

// -- start ------------------------------------------------------------------------------------

$("new").addEventListener("click", newSop);
$("book").addEventListener("click", buildBook);
$("save").addEventListener("click", () => save());
$("form").addEventListener("change", (e) => { state.form = e.target.value; state.page = 0; preview(); });
$("style").addEventListener("change", (e) => { state.style = e.target.value; preview(); });
$("lang").value = state.lang;
$("lang").addEventListener("change", (e) => { state.lang = e.target.value; localStorage.setItem("flowgen:lang", state.lang); applyWords(); if (state.path) preview(); });
$("prev").addEventListener("click", () => { if (state.page > 0) { state.page--; showPage(); } });
$("next").addEventListener("click", () => { if (state.page < state.pages.length - 1) { state.page++; showPage(); } });
document.querySelectorAll("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
applyWords();
loadFiles().then(() => {
  const last = localStorage.getItem(`flowgen:${state.root}:open`);
  const first = document.querySelector("#files li");
  const target = last && document.querySelector(`#files li[data-path="${CSS.escape(last)}"]`) ? last : first && first.dataset.path;
  if (target) openFile(target); else $("notice").textContent = w("pick");
  document.body.dataset.ready = "1";
});
