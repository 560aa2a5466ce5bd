// Bundle entry.js into ../static/vendor/editor.js (minified, one ES module) and write the
// licences of every package inside it to ../static/vendor/LICENSES.txt; copy axe-core (for
// the browser test only) to tests/assets/. Run through build.sh.
import { build } from "esbuild";
import { readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

const [here, work, repo] = process.argv.slice(2);
const vendor = join(here, "..", "static", "vendor");
mkdirSync(vendor, { recursive: true });
const result = await build({
  entryPoints: [join(work, "entry.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  metafile: true,
  outfile: join(vendor, "editor.js"),
  absWorkingDir: work,
});

const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const parts = ["Licences of the code bundled in editor.js (built by smartprint/serve/editor/build.sh).\n"];
for (const name of [...packages].sort()) {
  const dir = join(work, "node_modules", name);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  parts.push(`\n==== ${name} ${meta.version} (${meta.license}) ====\n`);
  parts.push(file ? readFileSync(join(dir, file), "utf8") : `${meta.license}\n`);
}
writeFileSync(join(vendor, "LICENSES.txt"), parts.join(""));

const axe = join(work, "node_modules", "axe-core");
const assets = join(repo, "tests", "assets");
mkdirSync(assets, { recursive: true });
copyFileSync(join(axe, "axe.min.js"), join(assets, "axe.min.js"));
copyFileSync(join(axe, "LICENSE"), join(assets, "axe-core-LICENSE.txt"));
console.log(`bundled ${packages.size} packages: ${[...packages].sort().join(", ")}`);
