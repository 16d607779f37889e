// Expands the paths given on the command line: files as they are, folders to
// every .isu file under them (sorted; node_modules and dot-entries skipped).
// Symbolic links are followed, a link to a folder already walked is skipped
// (no loops), and a `.isu` that cannot be a plan (a dangling link, a FIFO, a
// device) is reported instead of being skipped or read as an empty plan.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { fsReason, kindOf } from "../compiler/semantics/read-file.js";

export interface FileProblem {
  path: string;
  reason: string;
}

export interface Collected {
  files: string[];
  problems: FileProblem[];
}

/** Why a path whose stat failed cannot be read, naming a dangling link's target. */
function statProblem(path: string, e: unknown): string {
  try {
    if (fs.lstatSync(path).isSymbolicLink()) {
      const target = fs.readlinkSync(path);
      const code = (e as NodeJS.ErrnoException).code;
      return code === "ENOENT" ? `it is a symbolic link to '${target}', which does not exist` : `it is a symbolic link to '${target}': ${fsReason(e)}`;
    }
  } catch {
    // Not even lstat works: the plain reason below says why.
  }
  return fsReason(e);
}

export function collectIsuFiles(paths: string[]): Collected {
  const out: string[] = [];
  const problems: FileProblem[] = [];
  const walked = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, reason: fsReason(e) });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = nodePath.join(dir, e.name);
      const isu = e.name.endsWith(".isu");
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        if (isu) out.push(nodePath.resolve(p));
      } else if (e.isSymbolicLink()) {
        let st: fs.Stats;
        try {
          st = fs.statSync(p);
        } catch (err) {
          if (isu) problems.push({ path: p, reason: statProblem(p, err) });
          continue;
        }
        if (st.isDirectory()) walk(p);
        else if (isu && st.isFile()) out.push(nodePath.resolve(p));
        else if (isu) problems.push({ path: p, reason: kindOf(st) });
      } else if (isu) {
        problems.push({ path: p, reason: `${kindOf(fs.lstatSync(p))}` });
      }
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      problems.push({ path: p, reason: statProblem(p, e) });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (st.isFile()) out.push(nodePath.resolve(p));
    else problems.push({ path: p, reason: kindOf(st) });
  }
  return { files: [...new Set(out)], problems };
}
