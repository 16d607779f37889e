// The output folder of `isu build` (and the editor's build command), written
// as one set: the new files are written whole into a stage folder inside it,
// then moved in by rename. Before the moves every file they replace or remove
// is kept as a hard link in the stage, and a journal names the moves; a
// failure rolls them all back, and a build killed mid-way is rolled back by
// the next one (it finds the journal under a lock whose process is gone).
// `.isu-build.json` lists the files the build wrote, with their hashes, so a
// later build removes the outputs a plan no longer produces — only those, and
// only while they still hold what the build wrote. Layout and guarantees:
// docs/outputs.md, "How a build writes its folder".
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { fsReason } from "../semantics/read-file.js";
import { UsageError } from "./usage-error.js";

/** The manifest of the files a build wrote; it is part of the set it describes. */
export const MANIFEST = ".isu-build.json";
/** `isu report` keeps its own manifest, so a report and a build can share a folder without removing each other's files. */
export const REPORT_MANIFEST = ".isu-report.json";

/** Which tool writes the folder: its name in the manifest, and the manifest's file. */
export interface FolderWriter {
  generator: "isu build" | "isu report";
  manifest: string;
}
export const BUILD_WRITER: FolderWriter = { generator: "isu build", manifest: MANIFEST };
export const REPORT_WRITER: FolderWriter = { generator: "isu report", manifest: REPORT_MANIFEST };
const MANIFESTS = [MANIFEST, REPORT_MANIFEST];
/** Held while a build writes the folder: the builder's process id. */
export const LOCK = ".isu-build.lock";
/** Stage folders: `.isu-build-XXXXXX`, with `new/`, `old/` and, once the moves begin, `commit.json`. */
const STAGE_PREFIX = ".isu-build-";
const JOURNAL = "commit.json";

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

interface Manifest {
  generator: FolderWriter["generator"];
  plan: string;
  files: WrittenFile[];
}

interface Journal {
  /** Files moved in, in order (the manifest last). */
  moved: string[];
  /** Earlier outputs removed. */
  removed: string[];
}

/** The file-system calls the commit makes, so a test can make any of them fail. */
export interface CommitFs {
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  linkSync(existing: string, link: string): void;
  writeFileSync(path: string, text: string): void;
}

const realFs: CommitFs = {
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
  linkSync: (a, b) => fs.linkSync(a, b),
  writeFileSync: (p, t) => fs.writeFileSync(p, t),
};

/** What a path that is not a folder is, in words. */
function notAFolder(st: fs.Stats): string {
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "a file";
}

const exists = (p: string): boolean => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks --out before anything is compiled or written: a folder (or a path
 * where one can be created) that this process may write. Returns it absolute.
 */
export function checkOutFolder(out: string): string {
  if (out.trim() === "") throw new UsageError("--out is empty: give the folder to write the outputs to, for example --out out");
  const abs = nodePath.resolve(out);
  let probe = abs;
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(probe);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Missing, or under a file: look further up for what is there.
      if (code !== "ENOENT" && code !== "ENOTDIR") throw new UsageError(`cannot use --out '${out}': ${fsReason(e)}`);
    }
    if (st) {
      if (!st.isDirectory()) {
        const what = probe === abs ? `'${out}' is ${notAFolder(st)}, not a folder` : `'${probe}' is ${notAFolder(st)}, not a folder, so '${out}' cannot be created`;
        throw new UsageError(`cannot use --out: ${what}; give --out a folder (it is created if missing)`);
      }
      try {
        fs.accessSync(probe, fs.constants.W_OK | fs.constants.X_OK);
      } catch {
        throw new UsageError(`cannot write to ${probe === abs ? `'${out}'` : `'${probe}' (to create '${out}')`}: permission denied; choose a folder you can write to, or change its permissions`);
      }
      return abs;
    }
    const parent = nodePath.dirname(probe);
    if (parent === probe) return abs;
    probe = parent;
  }
}

const processAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** A build's hold on its output folder: the lock, the stage, and the folders it created. */
export class OutFolder {
  readonly stage: string;
  private released = false;

  private constructor(
    readonly dir: string,
    /** The topmost folder this build created (removed again if the build does not complete), if any. */
    private readonly created: string | undefined,
    readonly writer: FolderWriter,
  ) {
    this.stage = fs.mkdtempSync(nodePath.join(dir, STAGE_PREFIX));
    fs.mkdirSync(nodePath.join(this.stage, "new"));
    fs.mkdirSync(nodePath.join(this.stage, "old"));
  }

  /** Creates the folder if needed, takes its lock (recovering from a build that died) and opens a stage. */
  static open(dir: string, writer: FolderWriter = BUILD_WRITER): OutFolder {
    const created = makeFolders(dir);
    const lock = nodePath.join(dir, LOCK);
    for (let attempt = 0; ; attempt++) {
      try {
        fs.writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw e;
        const pid = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
        if (processAlive(pid) && pid !== process.pid) {
          throw new UsageError(`another build (process ${pid}) is writing '${dir}': wait for it to end, or remove '${lock}' if no build is running`);
        }
        fs.unlinkSync(lock);
      }
    }
    try {
      recoverOutFolder(dir);
      return new OutFolder(dir, created, writer);
    } catch (e) {
      fs.rmSync(lock, { force: true });
      throw e;
    }
  }

  /** Where a new output is written before the commit moves it in. */
  stagePath(path: string): string {
    return nodePath.join(this.stage, "new", path);
  }

  /**
   * Moves the staged files in as one set (files and manifest), removes
   * outputs of the previous build that this one did not write, and releases
   * the folder. On failure every move is undone and the error rethrown.
   */
  commit(plan: string, files: WrittenFile[], ops: CommitFs = realFs): { removed: string[]; kept: string[] } {
    const names = new Set(files.map((f) => f.path));
    const manifestName = this.writer.manifest;
    const previous = readManifest(nodePath.join(this.dir, manifestName));
    const stale = (previous?.files ?? []).filter((f) => !names.has(f.path) && !MANIFESTS.includes(f.path) && safeName(f.path) && exists(nodePath.join(this.dir, f.path)));
    // Only a file still holding what the last build wrote is the build's to remove.
    const removed = stale.filter((f) => fileHash(nodePath.join(this.dir, f.path)) === f.sha256).map((f) => f.path);
    const kept = stale.map((f) => f.path).filter((p) => !removed.includes(p));
    const manifest: Manifest = { generator: this.writer.generator, plan, files };
    fs.writeFileSync(this.stagePath(manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    const moved = [...files.map((f) => f.path), manifestName];
    for (const p of moved) {
      const target = nodePath.join(this.dir, p);
      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(target);
      } catch {
        continue;
      }
      if (st.isDirectory()) throw new UsageError(`cannot replace '${target}': it is a folder; move or rename it, then build again (nothing was written)`);
    }
    // Keep what is replaced or removed, then write the journal: from here on a failure, or a death, is undone.
    for (const p of [...moved, ...removed]) {
      const target = nodePath.join(this.dir, p);
      if (exists(target)) keepCopy(target, nodePath.join(this.stage, "old", p), ops);
    }
    const journal: Journal = { moved, removed };
    ops.writeFileSync(nodePath.join(this.stage, JOURNAL), JSON.stringify(journal));
    try {
      for (const p of moved) ops.renameSync(this.stagePath(p), nodePath.join(this.dir, p));
      for (const p of removed) ops.unlinkSync(nodePath.join(this.dir, p));
      // The commit is done when its journal is gone (before the kept originals are).
      ops.unlinkSync(nodePath.join(this.stage, JOURNAL));
    } catch (e) {
      try {
        rollBack(this.dir, this.stage, journal, ops);
      } catch {
        // The journal stays: the next build finishes the rollback.
        this.released = true;
        throw e;
      }
      this.release();
      throw e;
    }
    this.release();
    return { removed, kept };
  }

  /** Gives up: removes the stage (and any folder this build created and left empty), then the lock. */
  abandon(): void {
    if (this.released) return;
    this.release();
    if (this.created) removeEmptyUpTo(this.dir, this.created);
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    fs.rmSync(this.stage, { recursive: true, force: true });
    fs.rmSync(nodePath.join(this.dir, LOCK), { force: true });
  }
}

/** A manifest entry names a file directly in the folder (never a path out of it). */
const safeName = (p: string): boolean => p !== "" && p !== "." && p !== ".." && !/[\\/]/.test(p) && !p.includes("\0");

function readManifest(path: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path, "utf8")) as Manifest;
    return Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

function fileHash(path: string): string | undefined {
  try {
    const h = createHash("sha256");
    const fd = fs.openSync(path, "r");
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    return h.digest("hex");
  } catch {
    return undefined;
  }
}

/** A second name for the file (a copy where the file system has no hard links). */
function keepCopy(from: string, to: string, ops: CommitFs): void {
  try {
    ops.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "EXDEV" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
    fs.copyFileSync(from, to);
  }
}

/** Undoes a commit's moves: each moved file gets its kept original back (or goes), each removed one returns. */
function rollBack(dir: string, stage: string, journal: Journal, ops: CommitFs): void {
  for (const p of journal.moved) {
    if (exists(nodePath.join(stage, "new", p))) continue; // never moved in
    const kept = nodePath.join(stage, "old", p);
    if (exists(kept)) ops.renameSync(kept, nodePath.join(dir, p));
    else if (exists(nodePath.join(dir, p))) ops.unlinkSync(nodePath.join(dir, p));
  }
  for (const p of journal.removed) {
    const kept = nodePath.join(stage, "old", p);
    if (exists(kept) && !exists(nodePath.join(dir, p))) ops.renameSync(kept, nodePath.join(dir, p));
  }
}

/**
 * Cleans up after builds that died (killed, power lost): a stage with a
 * journal is rolled back, so the folder holds the previous complete set;
 * every stage is then removed. Call only while holding the lock.
 */
export function recoverOutFolder(dir: string): string[] {
  const recovered: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || !e.name.startsWith(STAGE_PREFIX)) continue;
    const stage = nodePath.join(dir, e.name);
    const journalPath = nodePath.join(stage, JOURNAL);
    if (exists(journalPath)) {
      let journal: Journal | undefined;
      try {
        journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as Journal;
      } catch {
        journal = undefined; // torn while being written: no move had begun
      }
      if (journal && Array.isArray(journal.moved) && Array.isArray(journal.removed)) {
        rollBack(dir, stage, { moved: journal.moved.filter(safeName), removed: journal.removed.filter(safeName) }, realFs);
        recovered.push(e.name);
      }
    }
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return recovered;
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir spins forever where
 * the file system refuses a new folder with ENOENT (under /proc, for one).
 * Returns the topmost folder it created.
 */
function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = dir; !exists(d); d = nodePath.dirname(d)) {
    missing.unshift(d);
    if (nodePath.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && fs.statSync(d).isDirectory()) continue;
      if (missing[0] !== d) removeEmptyUpTo(nodePath.dirname(d), missing[0]!);
      const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "the file system there does not allow new folders" : fsReason(e);
      throw new UsageError(`cannot create the folder '${d}': ${why}; choose another --out`);
    }
  }
  return missing[0];
}

/** Removes dir and its parents up to top while they are empty (what a failed build created). */
function removeEmptyUpTo(dir: string, top: string): void {
  for (let d = dir; ; d = nodePath.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || nodePath.dirname(d) === d) return;
  }
}

/** A file being staged: its descriptor, the hash so far and the text not yet written. */
interface StagedFile {
  fd: number;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  buffered: string[];
  size: number;
}

/**
 * Writes the staged files piece by piece: each file is buffered up to a
 * megabyte, hashed as it goes and flushed to disk before the commit.
 */
export class StageWriter {
  private readonly open = new Map<string, StagedFile>();

  constructor(private readonly stageNew: string) {}

  write(path: string, chunk: string): void {
    if (!safeName(path) || MANIFESTS.includes(path)) throw new Error(`an output may not be called '${path}'`);
    let f = this.open.get(path);
    if (!f) {
      f = { fd: fs.openSync(nodePath.join(this.stageNew, path), "wx"), hash: createHash("sha256"), bytes: 0, buffered: [], size: 0 };
      this.open.set(path, f);
    }
    f.buffered.push(chunk);
    f.size += chunk.length;
    if (f.size >= 1 << 20) this.flush(f);
  }

  /** A binary output (a spreadsheet, a PDF), written whole. */
  writeBytes(path: string, bytes: Uint8Array): void {
    if (!safeName(path) || MANIFESTS.includes(path) || this.open.has(path)) throw new Error(`an output may not be called '${path}'`);
    const f: StagedFile = { fd: fs.openSync(nodePath.join(this.stageNew, path), "wx"), hash: createHash("sha256"), bytes: 0, buffered: [], size: 0 };
    this.open.set(path, f);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    f.hash.update(buf);
    f.bytes = buf.length;
    for (let off = 0; off < buf.length;) off += fs.writeSync(f.fd, buf, off);
  }

  private flush(f: StagedFile): void {
    if (f.buffered.length === 0) return;
    const buf = Buffer.from(f.buffered.join(""), "utf8");
    f.buffered = [];
    f.size = 0;
    f.hash.update(buf);
    f.bytes += buf.length;
    for (let off = 0; off < buf.length;) off += fs.writeSync(f.fd, buf, off);
  }

  /** Flushes, syncs and closes every file; returns them in the order they were first written. */
  finish(): WrittenFile[] {
    const out: WrittenFile[] = [];
    for (const [path, f] of this.open) {
      this.flush(f);
      fs.fsyncSync(f.fd);
      fs.closeSync(f.fd);
      out.push({ path, sha256: f.hash.digest("hex"), bytes: f.bytes });
    }
    this.open.clear();
    return out;
  }

  /** Closes every file without syncing (the stage is about to be removed). */
  close(): void {
    for (const f of this.open.values()) fs.closeSync(f.fd);
    this.open.clear();
  }
}
