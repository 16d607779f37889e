// Bundles the extension (dist/extension.js) and the language server
// (dist/server.js) with esbuild: CommonJS for Node, everything inlined except
// the `vscode` module, which VS Code provides. `--dev` keeps the code readable
// and writes source maps; `--watch` rebuilds on change.
import * as esbuild from "esbuild";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dev = process.argv.includes("--dev") || process.argv.includes("--watch");
const watch = process.argv.includes("--watch");

/** @type {import("esbuild").BuildOptions} */
const common = {
  absWorkingDir: here,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: !dev,
  keepNames: true,
  sourcemap: dev ? "linked" : false,
  logLevel: "warning",
  // The project's sources are ES modules; in a CommonJS bundle `import.meta.url`
  // would be undefined, so it is derived from the bundle's own file name.
  define: { "import.meta.url": "__isuImportMetaUrl" },
  banner: { js: 'var __isuImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

const builds = [
  { ...common, entryPoints: ["src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
  // The formatter needs prettier's core and the project's own plugin only; the
  // standalone build has the same API without prettier's parsers for other
  // languages, which would make the server ten times larger.
  { ...common, entryPoints: ["src/server-entry.ts"], outfile: "dist/server.js", alias: { prettier: "prettier/standalone" } },
];

try {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log("watching for changes…");
  } else {
    const t0 = performance.now();
    await Promise.all(builds.map((b) => esbuild.build(b)));
    console.log(`built ${builds.map((b) => b.outfile).join(", ")} in ${Math.round(performance.now() - t0)} ms`);
  }
} catch {
  // esbuild has printed the errors with their places.
  process.exitCode = 1;
}
