// The checks before an embedded engine (SQLite, DuckDB) opens its file, so
// that a wrong path gets a sentence, not the engine's error code.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { DatabaseError } from "../errors.js";

export interface FileOpenOptions {
  create?: boolean;
  readOnly?: boolean;
}

/** Throws a DatabaseError naming the file and the fix when the engine could not use it as asked. */
export function checkDatabaseFile(path: string, shown: string, engine: string, opts: FileOpenOptions): void {
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new DatabaseError(`'${shown}' is a folder, not a ${engine} database file: name a file, e.g. ${nodePath.join(shown, `data.${engine === "DuckDB" ? "duckdb" : "db"}`)}`);
  if (!stat) {
    if (!opts.create || opts.readOnly) throw new DatabaseError(`no ${engine} database at '${shown}': check the path, or create one with isu simulate <plan.isu> --n <individuals> --db ${shown}`);
    const dir = nodePath.dirname(path);
    const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
    if (!dirStat?.isDirectory()) throw new DatabaseError(`cannot create '${shown}': the folder ${dir} does not exist; create it first or choose another path`);
    if (!writable(dir, dirStat)) throw new DatabaseError(`cannot create '${shown}': the folder ${dir} is read-only; make it writable or choose another path`);
    return;
  }
  if (!stat.isFile()) throw new DatabaseError(`'${shown}' is not a regular file: name a ${engine} database file`);
  if (!readable(path)) throw new DatabaseError(`cannot read '${shown}': permission denied; make it readable (chmod u+r) or use another file`);
  if (!opts.readOnly && !writable(path, stat)) throw new DatabaseError(`'${shown}' is read-only: make it writable (chmod u+w ${shown}) or use another file`);
  // The engine writes a journal (SQLite) or WAL (DuckDB) beside the file.
  if (!opts.readOnly && !writable(nodePath.dirname(path), fs.statSync(nodePath.dirname(path))))
    throw new DatabaseError(`'${shown}' is in a read-only folder, where ${engine} cannot write its journal: make the folder writable or move the file`);
}

function readable(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writable for this process, and not marked read-only for everyone (which root's access() would ignore). */
function writable(path: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    fs.accessSync(path, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
