// Runs once before the whole suite: compiles the project to dist/ when any
// source is newer than the last build, so tests that spawn `bin/isu.js` (CLI,
// language server) exercise the current code. One build, never one per worker.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const marker = path.join(root, "dist", ".build-stamp");

function newestSource(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const sources = Math.max(...["grammar", "compiler", "lsp", "cli", path.join("test", "bench")].map((d) => newestSource(path.join(root, d))));
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  if (built >= sources) return;
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "tsconfig.json")], { stdio: "inherit" });
  fs.writeFileSync(marker, new Date().toISOString() + "\n");
}
