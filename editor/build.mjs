// Builds the editor's front end into the Python package: flowgen/serve/web/editor.js and the
// licences of what it bundles (CodeMirror 6 and its parts, all MIT). Run with `npm install && npm run build`
// after changing src/; commit the result, so that installing flowgen never needs npm or the network.
import { build } from "esbuild";
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const out = "../flowgen/serve/web";
await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile: `${out}/editor.js`,
});

// one licence file: every bundled package's name, version and licence text
const seen = [];
function packages(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (name.startsWith("@")) { packages(path); continue; }
    if (!existsSync(join(path, "package.json"))) continue;
    const meta = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
    if (meta.name === "esbuild" || meta.name.startsWith("@esbuild/")) continue;
    const file = readdirSync(path).find((f) => /^licen[cs]e/i.test(f));
    seen.push(`${meta.name} ${meta.version} (${meta.license})\n\n${file ? readFileSync(join(path, file), "utf8").trim() : meta.license}\n`);
  }
}
packages("node_modules");
writeFileSync(`${out}/LICENSE-codemirror.txt`,
  "The flowgen editor bundles these packages (editor.js):\n\n" + seen.join("\n" + "-".repeat(72) + "\n\n"));
console.log(`built ${out}/editor.js with ${seen.length} packages`);
