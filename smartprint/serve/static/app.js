// smartprint serve: the page's own script. Text from a material or a message is always
// put on the page as text (textContent), never as HTML.
import { createEditor } from "./vendor/editor.js";
import { schemaCompletion } from "./complete.js";

const SAVE_AFTER_MS = 120; // the pause in typing after which the text is saved
const $ = (id) => document.getElementById(id);
const nonce = document.querySelector('meta[name="csp-nonce"]').content;

let words = {};
let schema = {};
let editor = null;
const current = { name: null, base: null, dirty: false, saving: false, again: false, timer: null, conflict: null };
let shownPages = [];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) node.append(c);
  return node;
}

function w(key) {
  return words[key] || key;
}

function setBase(version) {
  current.base = version; // the file's version the editor's text started from, or was saved as
  $("editor").dataset.version = version || "";
}

function status(key) {
  $("status").textContent = key ? w(key) : "";
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  return response;
}

async function sendJSON(method, path, data) {
  return api(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(data) });
}

// ---------------------------------------------------------------- words
async function loadWords(lang) {
  const response = await api(`/api/words?lang=${encodeURIComponent(lang)}`);
  words = (await response.json()).words;
  document.documentElement.lang = lang;
  document.title = w("app_title");
  for (const node of document.querySelectorAll("[data-word]")) node.textContent = w(node.dataset.word);
  $("language").value = lang;
  await loadFiles();
  if (current.name) await loadBuild();
}

// ---------------------------------------------------------------- the file list
let listTimer = null;
async function loadFiles() {
  const data = await (await api("/api/files")).json();
  const list = $("file-list");
  const others = $("other-list");
  list.replaceChildren();
  others.replaceChildren();
  const groups = new Map(); // a sub-folder's materials under its name, in the server's order
  for (const f of data.files) {
    if (f.role === "material") {
      const state = f.builds === true ? w("builds") : f.builds === false ? w("fails") : "";
      const meta = el("span", { class: "meta" }, el("span", { text: f.kind || w("unknown_kind") }));
      if (state) meta.append(" · ", el("span", { class: f.builds ? "" : "bad", text: state }));
      const shown = f.folder ? f.name.slice(f.folder.length + 1) : f.name;
      const button = el("button", { type: "button", "data-name": f.name, "aria-current": f.name === current.name ? "true" : "false" }, el("span", { text: shown }), meta);
      button.addEventListener("click", () => openFile(f.name));
      let into = list;
      if (f.folder) {
        if (!groups.has(f.folder)) {
          const inner = el("ul", { "aria-label": `${w("folder")} ${f.folder}` });
          list.append(el("li", { class: "folder" }, el("span", { class: "folder-name", text: `${f.folder}/` }), inner));
          groups.set(f.folder, inner);
        }
        into = groups.get(f.folder);
      }
      into.append(el("li", {}, button));
    } else {
      others.append(el("li", { class: "plain", text: f.name }));
    }
  }
  $("list-cut").hidden = !data.cut;
  const pupils = $("pupils");
  const chosen = pupils.value;
  pupils.replaceChildren(el("option", { value: "", text: w("no_class_list") }));
  for (const f of data.files) if (f.role === "class-list") pupils.append(el("option", { value: f.name, text: f.name }));
  pupils.value = [...pupils.options].some((o) => o.value === chosen) ? chosen : "";
  const source = $("new-source");
  if (!source.options.length) {
    for (const name of [...data.builtins, ...data.kinds]) source.append(el("option", { value: name, text: name }));
  }
}

// ---------------------------------------------------------------- the editor
async function openFile(name) {
  const response = await api(`/api/file?name=${encodeURIComponent(name)}`);
  if (!response.ok) {
    status("gone");
    return;
  }
  const data = await response.json();
  Object.assign(current, { name, dirty: false, conflict: null });
  setBase(data.version);
  $("conflict").hidden = true;
  $("file-name").textContent = name;
  history.replaceState(null, "", `#${encodeURIComponent(name)}`);
  if (!editor) {
    $("editor").replaceChildren();
    editor = createEditor({
      parent: $("editor"),
      doc: data.text,
      nonce,
      label: w("editor_label"),
      onChange: edited,
      complete: schemaCompletion(() => schema),
    });
  } else {
    editor.replace(data.text);
  }
  shownPages = [];
  $("preview").replaceChildren();
  $("summary").replaceChildren();
  for (const b of $("file-list").querySelectorAll("button")) b.setAttribute("aria-current", String(b.dataset.name === name));
  await loadBuild();
}

function edited() {
  current.dirty = true;
  if (current.conflict) return; // nothing is saved until the teacher has chosen
  clearTimeout(current.timer);
  current.timer = setTimeout(save, SAVE_AFTER_MS);
}

async function save(force = false) {
  if (current.saving) {
    current.again = true;
    return;
  }
  const name = current.name;
  const text = editor.text();
  current.saving = true;
  status("saving");
  try {
    const response = await sendJSON("PUT", "/api/file", { name, text, base: current.base, pupils: $("pupils").value, force });
    if (name !== current.name) return;
    if (!response.ok) {
      $("status").textContent = await response.text();
      return;
    }
    const answer = await response.json();
    if (answer.conflict) {
      showConflict(answer.text, answer.version, text);
      return;
    }
    setBase(answer.version);
    if (editor.text() === text) current.dirty = false;
    status("building");
  } finally {
    current.saving = false;
    if (current.again) {
      current.again = false;
      if (!current.conflict) save();
    }
  }
}

function showConflict(diskText, diskVersion, pageText) {
  clearTimeout(current.timer);
  current.conflict = { text: diskText, version: diskVersion };
  $("conflict-disk").textContent = diskText;
  $("conflict-page").textContent = pageText;
  $("conflict").hidden = false;
  $("take-disk").focus();
}

$("take-disk").addEventListener("click", () => {
  const { text, version } = current.conflict;
  current.conflict = null;
  $("conflict").hidden = true;
  editor.replace(text);
  current.dirty = false;
  setBase(version);
});

$("keep-page").addEventListener("click", () => {
  setBase(current.conflict.version);
  current.conflict = null;
  $("conflict").hidden = true;
  save();
});

async function changedOutside(version) {
  if (version === current.base) return;
  const response = await api(`/api/file?name=${encodeURIComponent(current.name)}`);
  if (!response.ok) return;
  const disk = await response.json();
  if (disk.version === current.base) return;
  if (current.dirty || current.saving || current.conflict) {
    showConflict(disk.text, disk.version, editor.text());
  } else {
    editor.replace(disk.text);
    setBase(disk.version);
    status("changed_outside");
  }
}

// ---------------------------------------------------------------- builds
async function loadBuild() {
  if (!current.name) return;
  const name = current.name;
  const pupils = $("pupils").value;
  const response = await api(`/api/build?name=${encodeURIComponent(name)}&pupils=${encodeURIComponent(pupils)}`);
  if (!response.ok || name !== current.name || pupils !== $("pupils").value) return;
  showBuild(await response.json());
}

function failureWords(result) {
  return result.failure ? [{ severity: "error", text: `${current.name}: ${w("failure_" + result.failure)}` }] : [];
}

function showBuild(state) {
  const latest = state.latest;
  if (!latest) {
    status("building");
    return;
  }
  const problems = [...failureWords(latest), ...latest.problems];
  const list = $("errors");
  list.replaceChildren();
  if (!problems.length) list.append(el("li", { class: "ok", text: w("no_problems") }));
  for (const p of problems) {
    const button = el("button", { type: "button", text: p.text });
    if (p.line && p.file === current.name) button.addEventListener("click", () => editor.goto(p.line));
    list.append(el("li", { class: p.severity }, button));
  }
  if (editor) {
    editor.problems(
      problems
        .filter((p) => p.line && p.file === current.name)
        .map((p) => ({ line: p.line, column: p.column, severity: p.severity, message: p.text })),
    );
  }
  $("preview").dataset.version = latest.version || "";
  const shown = state.good;
  $("stale").hidden = latest.ok || !shown;
  $("preview").classList.toggle("old", !latest.ok && !!shown);
  if (shown) showPages(shown);
  for (const [i, figure] of shownPages.entries()) {
    const notes = shown.serial === latest.serial ? latest.problems.filter((p) => p.page === i) : [];
    figure.querySelector(".page-notes").replaceChildren(...notes.map((p) => el("p", { class: "page-note", text: p.text })));
  }
  status(state.running ? "building" : latest.ok ? "built" : null);
}

function showPages(result) {
  const summary = $("summary");
  summary.replaceChildren();
  result.files.forEach((f) => {
    const link = el("a", { href: `/api/pdf/${result.serial}/${encodeURIComponent(f.name)}`, download: f.name, "data-testid": "pdf" });
    link.append(el("span", { text: w("download") }), " ", el("span", { text: f.name }));
    const said = f.said[document.documentElement.lang] || f.said.nb; // what the pages are and how to print them
    summary.append(el("p", {}, link, ...said.map((line, i) => el("span", { class: i ? "how" : "what", text: line }))));
  });
  const preview = $("preview");
  const total = result.pages.length;
  result.pages.forEach((p, i) => {
    const src = `/api/png/${p.png}.png`;
    const alt = `${w("page")} ${p.number} ${w("of")} ${result.files[p.file].pages} (${p.paper}, ${result.files[p.file].name})`;
    let figure = shownPages[i];
    if (!figure) {
      figure = el("figure", {}, el("div", { class: "page-notes" }), el("img", { width: p.width, height: p.height }), el("figcaption"));
      preview.append(figure);
      shownPages[i] = figure;
    }
    const img = figure.querySelector("img");
    if (img.getAttribute("src") !== src) img.setAttribute("src", src); // only the pages that changed are loaded again
    img.setAttribute("alt", alt);
    img.setAttribute("width", p.width);
    img.setAttribute("height", p.height);
    figure.querySelector("figcaption").textContent = `${p.number} · ${p.paper}`;
  });
  while (shownPages.length > total) shownPages.pop().remove();
  const thumbs = $("thumbs");
  thumbs.setAttribute("aria-label", w("pages"));
  thumbs.replaceChildren(
    ...result.pages.map((p, i) => {
      const button = el("button", { type: "button", "aria-label": `${w("page")} ${p.number}`, title: `${w("page")} ${p.number}` });
      button.append(el("img", { src: `/api/png/${p.png}.png`, alt: "", width: Math.round(p.width / 12), height: Math.round(p.height / 12) }));
      button.addEventListener("click", () => shownPages[i].scrollIntoView({ block: "start" }));
      return button;
    }),
  );
  const more = result.files.reduce((n, f) => n + f.pages, 0) - total;
  $("more").hidden = more <= 0;
  $("more").textContent = more > 0 ? `+ ${more} ${w("more_pages")}` : "";
}

// ---------------------------------------------------------------- events from the server
function listen() {
  const source = new EventSource("/api/events");
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "built" && event.name === current.name && event.pupils === $("pupils").value) loadBuild();
    else if (event.type === "built" || event.type === "files") {
      clearTimeout(listTimer);
      listTimer = setTimeout(loadFiles, 150);
    } else if (event.type === "changed" && event.name === current.name) changedOutside(event.version);
  };
}

// ---------------------------------------------------------------- forms
$("language").addEventListener("change", () => {
  localStorage.setItem("smartprint-language", $("language").value);
  loadWords($("language").value);
});

$("pupils").addEventListener("change", loadBuild);

$("new-source").addEventListener("change", () => {
  $("new-name").value = `${$("new-source").value}-kopi.yaml`;
});

$("new-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await sendJSON("POST", "/api/new", { source: $("new-source").value, name: $("new-name").value || `${$("new-source").value}-kopi.yaml` });
  if (!response.ok) {
    $("status").textContent = await response.text();
    return;
  }
  const made = await response.json();
  await loadFiles();
  await openFile(made.name);
});

$("upload-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) return;
  const response = await api(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file });
  $("status").textContent = response.ok ? file.name : await response.text();
  await loadFiles();
});

// ---------------------------------------------------------------- start
async function start() {
  listen();
  const lang = localStorage.getItem("smartprint-language") || "nb";
  await loadWords(["nb", "nn", "en"].includes(lang) ? lang : "nb");
  if (!$("new-name").value && $("new-source").value) $("new-name").value = `${$("new-source").value}-kopi.yaml`;
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) await openFile(wanted);
  api("/api/schema").then((r) => r.json()).then((s) => { schema = s; });
}

start();
