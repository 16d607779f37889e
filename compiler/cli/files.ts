// Expands the paths given on the command line: files as they are, folders to
// every .isu file under them (sorted, node_modules skipped).
import * as fs from "node:fs";
import * as nodePath from "node:path";

export class UsageError extends Error {}

export function collectIsuFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = nodePath.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".isu")) out.push(nodePath.resolve(p));
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new UsageError(`cannot read '${p}': no such file or folder`);
    }
    if (st.isDirectory()) walk(p);
    else {
      try {
        fs.accessSync(p, fs.constants.R_OK);
      } catch {
        throw new UsageError(`cannot read '${p}': permission denied`);
      }
      out.push(nodePath.resolve(p));
    }
  }
  return [...new Set(out)];
}
