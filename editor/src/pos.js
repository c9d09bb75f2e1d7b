// The .pos language for CodeMirror: a line-based highlighter (comments, keys, actors, labels, arrows).
import { StreamLanguage } from "@codemirror/language";

const ATTRIBUTES = /^(kelengkapan|requires|waktu|time|output|keterangan|note|simbol|symbol)\s*:/i;
const STEP_WORD = /^(mulai|selesai|start|end)\b/i;

export const posLanguage = StreamLanguage.define({
  name: "pos",
  startState: () => ({ head: true, arrow: false, indented: false }),
  token(stream, state) {
    if (stream.sol()) {
      state.head = true;
      state.arrow = false;
      state.indented = stream.eatSpace();
      if (stream.eol()) return null;
    }
    if (stream.eatSpace()) return null;
    if (state.head) {
      if (stream.peek() === "#") { stream.skipToEnd(); return "comment"; }
      if (stream.match(/^-\s/)) { state.head = false; return "punctuation"; }
      if (stream.match(/^\[[^\]]*\]/)) return "labelName";
      if (stream.match(/^\?(?=\s)/)) return "keyword";
      if (stream.match(STEP_WORD)) return "keyword";
      if (!state.indented && stream.match(/^[A-Za-z][\w-]*\s*:/)) { state.head = false; return "propertyName"; }
      if (stream.match(ATTRIBUTES)) { state.head = false; return "propertyName"; }
      if (stream.match(/^[\w-]+(?=\s*=)/)) { state.head = false; return "variableName"; }
      if (stream.match(/^[\w-]+(?:\+[\w-]+)*\s*(?=:)/)) { stream.eat(":"); state.head = false; return "variableName"; }
      if (stream.match(/^[\w-]+(?=\s*->)/)) { state.head = false; return "atom"; }
      state.head = false;
    }
    if (state.arrow) {
      if (stream.match(/^\d+\b/)) return "number";
      if (stream.match(/^[^,\s]+/)) return "labelName";
      if (stream.eat(",")) return "punctuation";
    }
    if (stream.match("\\->")) return "string";
    if (stream.match("->")) { state.arrow = true; return "operator"; }
    if (stream.eat("=")) return "operator";
    stream.next();
    while (!stream.eol() && !stream.match("->", false) && !stream.match("\\->", false)) stream.next();
    return "string";
  },
});
