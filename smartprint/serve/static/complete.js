// Completion of keys and values from the materials' JSON Schema (`smartprint schema`):
// the keys allowed where the cursor stands, found by walking the schema along the keys
// above the cursor (by indentation), and the allowed values after "key: ".

function resolve(root, node) {
  let seen = 0;
  while (node && node.$ref && seen++ < 20) {
    const path = node.$ref.replace(/^#\//, "").split("/");
    node = path.reduce((n, part) => (n ? n[part] : undefined), root);
  }
  return node || {};
}

// The sub-schemas a node may be: its oneOf/anyOf/allOf branches (the one whose `kind`
// matches, when the file says its kind), or itself.
function branches(root, node, kind) {
  node = resolve(root, node);
  const many = node.oneOf || node.anyOf;
  let out = [node];
  if (many) {
    const all = many.map((b) => resolve(root, b));
    const chosen = kind ? all.filter((b) => kindOf(root, b) === kind) : [];
    out = chosen.length ? chosen : all;
  }
  if (node.allOf) out = out.concat(...node.allOf.map((b) => branches(root, b, kind)));
  return out;
}

function kindOf(root, node) {
  const k = node.properties && resolve(root, node.properties.kind);
  return k ? k.const || (k.enum && k.enum.length === 1 ? k.enum[0] : undefined) : undefined;
}

function properties(root, node, kind) {
  const props = {};
  for (const b of branches(root, node, kind)) Object.assign(props, b.properties || {});
  return props;
}

function child(root, node, key, kind) {
  if (key === "-") {
    for (const b of branches(root, node, kind)) if (b.items) return b.items;
    return {};
  }
  return properties(root, node, kind)[key] || {};
}

// The keys above `lineNo` (by indentation), innermost last; "-" for a list item.
function pathAbove(doc, lineNo, indent) {
  const path = [];
  for (let n = lineNo - 1; n >= 1 && indent > 0; n--) {
    const text = doc.line(n).text;
    if (!text.trim() || text.trim().startsWith("#")) continue;
    const own = text.length - text.trimStart().length;
    const m = text.match(/^(\s*)(- +)?([A-Za-z_][\w-]*)?\s*:?/);
    if (own < indent) {
      if (m[2] && m[1].length + m[2].length <= indent) {
        if (m[3] && m[1].length + m[2].length < indent && /:\s*$/.test(text)) path.unshift(m[3]);
        path.unshift("-");
        indent = m[1].length;
        continue;
      }
      if (m[3]) path.unshift(m[3]);
      indent = own;
    }
  }
  return path;
}

function describe(root, node) {
  node = resolve(root, node);
  const parts = [];
  if (node.description) parts.push(node.description);
  if (node.enum) parts.push(node.enum.join(" | "));
  return parts.join("\n");
}

export function schemaCompletion(getSchema) {
  return (context) => {
    const root = getSchema();
    if (!root || !Object.keys(root).length) return null;
    const doc = context.state.doc;
    const line = doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const kindLine = doc.toString().match(/^kind:\s*["']?([\w-]+)/m);
    const kind = kindLine ? kindLine[1] : undefined;
    const valueAt = before.match(/^(\s*(?:- +)?)([A-Za-z_][\w-]*):\s*([\w-]*)$/);
    const keyAt = before.match(/^(\s*(?:- +)?)([A-Za-z_][\w-]*)?$/);
    if (!valueAt && !keyAt) return null;
    const lead = (valueAt || keyAt)[1];
    let node = root;
    const path = pathAbove(doc, line.number, lead.replace(/- +$/, "").length);
    if (/- +$/.test(lead)) path.push("-");
    for (const key of path) node = child(root, node, key, kind);
    if (valueAt) {
      const field = resolve(root, child(root, node, valueAt[2], kind));
      const values = field.enum || (field.const ? [field.const] : field.type === "boolean" ? [true, false] : null);
      const allValues = values || (valueAt[2] === "kind" ? Object.keys(kindsOf(root)) : null);
      if (!allValues) return null;
      return {
        from: context.pos - valueAt[3].length,
        options: allValues.map((v) => ({ label: String(v), type: "enum" })),
        validFor: /^[\w-]*$/,
      };
    }
    if (!context.explicit && !(keyAt[2] || "").length) return null;
    const props = properties(root, node, kind);
    const present = new Set();
    return {
      from: context.pos - (keyAt[2] || "").length,
      options: Object.keys(props)
        .filter((k) => !present.has(k))
        .map((k) => ({ label: k, apply: k + ": ", type: "property", info: describe(root, props[k]) || undefined })),
      validFor: /^[\w-]*$/,
    };
  };
}

function kindsOf(root) {
  const out = {};
  for (const b of branches(root, root, undefined)) {
    const k = kindOf(root, b);
    if (k) out[k] = true;
  }
  return out;
}
