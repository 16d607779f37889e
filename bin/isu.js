#!/usr/bin/env node
// Entry point of the `isu` command; the compiled CLI lives in dist/.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("isu: the compiler is not built yet: run 'npm run build' (or 'npm ci', which builds) in the project folder\n");
  process.exit(2);
}
// A closed pipe (`isu check … | head`) is not an error of ours.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
