// The editor of `smartprint serve`: CodeMirror 6 with its YAML language, line numbers,
// undo, completion (from the source the page gives) and problems marked at their line.
// Bundled by build.sh into ../static/vendor/editor.js; the page's own script imports it.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { yaml } from "@codemirror/lang-yaml";
import { autocompletion } from "@codemirror/autocomplete";
import { setDiagnostics, lintGutter } from "@codemirror/lint";

export function createEditor({ parent, doc, nonce, label, onChange, complete }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        autocompletion({ override: complete ? [complete] : [] }),
        EditorView.cspNonce.of(nonce || ""),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": label || "", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((t) => t.annotation(fromOutside))) {
            onChange(update.state.doc.toString());
          }
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    // Replace the whole text (a file changed on disk, a version chosen); not an edit of the teacher's.
    replace(text) {
      const head = Math.min(view.state.selection.main.head, text.length);
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: head },
        annotations: fromOutside.of(true),
      });
    },
    // Problems as {line, column, severity, message}; each marked from its column to the line's end.
    problems(list) {
      const doc = view.state.doc;
      const diagnostics = [];
      for (const p of list) {
        if (!p.line || p.line > doc.lines) continue;
        const line = doc.line(p.line);
        const from = Math.min(line.from + Math.max(0, (p.column || 1) - 1), line.to);
        diagnostics.push({ from, to: Math.max(line.to, from), severity: p.severity, message: p.message });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goto(lineNumber) {
      const line = view.state.doc.line(Math.min(Math.max(1, lineNumber), view.state.doc.lines));
      view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      view.focus();
    },
  };
}

import { Annotation } from "@codemirror/state";
const fromOutside = Annotation.define();
