// Tests that spawn bin/isu.js rely on dist/, which the global setup builds.
import * as fs from "node:fs";
import * as path from "node:path";

export function ensureBuilt(): void {
  const entry = path.resolve(__dirname, "..", "..", "dist", "cli", "main.js");
  if (!fs.existsSync(entry)) throw new Error("dist/ is missing: run `npm run build` (the vitest global setup normally does this)");
}
