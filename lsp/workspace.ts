// The server's view of the files: open editor buffers first, the disk
// otherwise. Every open document is compiled as a root of its own, through the
// compiler's own load → parse → resolve → check, with one shared ParseCache.
//
// Phases, as Langium names them: `parsed` (one file's AST, enough for the
// outline, folding and formatting), `resolved` (names across imports, enough
// for navigation and completion) and `checked` (diagnostics). Each feature asks
// for the earliest phase it needs; results are kept until a text they were
// computed from changes.
//
// Memory: results are kept for open documents only. Closing a document drops
// its results and its incremental-parse pieces; a closed file stays parsed
// only while an open document imports it (then read from disk, in the parse
// cache's bounded LRU), and trim() drops everything else. A file larger than
// MAX_DOCUMENT_BYTES is never read or parsed (lsp/limits.ts).
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { IToken } from "chevrotain";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver/node.js";
import { isuLexer } from "../grammar/tokens.js";
import { check, type Compilation } from "../compiler/compile.js";
import { diskHost, loadProgram, resolveImportPath, type Host, type Program } from "../compiler/semantics/program.js";
import { resolve, type Resolution } from "../compiler/semantics/resolve.js";
import type { SourceFile } from "../compiler/syntax/source.js";
import { IncrementalParseCache } from "./incremental-parse.js";
import { MAX_DOCUMENT_BYTES, overLimit, tooLargeReason } from "./limits.js";
import { pathToUri, uriToPath } from "./positions.js";

export interface OpenDocument {
  uri: string;
  path: string;
  doc: TextDocument;
}

/** The lexer's view of a text: tokens (without comments) and comments, in order. */
export interface Lexed {
  text: string;
  tokens: IToken[];
  comments: IToken[];
}

interface Stamped<T> {
  value: T;
  /** What the value was computed from: the source of every file it read or looked for (see sourceId). */
  stamp: string;
}

export class Workspace {
  private docs = new Map<string, OpenDocument>();
  /** Shared by every root: a file is parsed once per text, and only its edited declarations again. */
  readonly cache = new IncrementalParseCache({ isOpen: (path) => this.docs.has(path) });
  /** Open documents above MAX_DOCUMENT_BYTES, with their size: never parsed. */
  private oversized = new Map<string, number>();
  private checked = new Map<string, Stamped<Compilation>>();
  private resolved = new Map<string, Stamped<Resolution>>();
  private lexed = new Map<string, Lexed>();
  /** Per path, bumped when the file is opened, closed or changed on disk. */
  private generations = new Map<string, number>();
  /** Folders the client opened; workspace files there count as importers for references and rename. */
  private folders: string[] = [];
  private folderFiles: string[] | undefined;

  readonly host: Host = {
    readFile: (path) => {
      const od = this.docs.get(path);
      if (od) return this.oversized.has(path) ? undefined : od.doc.getText();
      return diskSize(path) > MAX_DOCUMENT_BYTES ? undefined : diskHost.readFile(path);
    },
    readProblem: (path) => {
      const size = this.docs.has(path) ? this.oversized.get(path) : diskSize(path);
      if (size !== undefined && size > MAX_DOCUMENT_BYTES) return tooLargeReason(size);
      return this.docs.has(path) ? undefined : diskHost.readProblem?.(path);
    },
  };

  setFolders(paths: string[]): void {
    this.folders = paths;
    this.folderFiles = undefined;
  }

  open(uri: string, version: number, text: string): OpenDocument {
    const path = uriToPath(uri);
    const od = { uri, path, doc: TextDocument.create(uri, "isu", version, text) };
    this.docs.set(path, od);
    this.measure(path, text);
    this.bump(path);
    return od;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const od = this.docs.get(uriToPath(uri));
    if (!od) return undefined;
    od.doc = TextDocument.update(od.doc, changes, version);
    this.measure(od.path, od.doc.getText());
    return od;
  }

  close(uri: string): OpenDocument | undefined {
    const path = uriToPath(uri);
    const od = this.docs.get(path);
    if (!od) return undefined;
    this.docs.delete(path);
    this.oversized.delete(path);
    this.checked.delete(path);
    this.resolved.delete(path);
    this.lexed.delete(path);
    this.cache.release(path);
    this.bump(path);
    this.trim();
    return od;
  }

  /**
   * Drops what is kept for files that are neither open nor imported by an open
   * document (as of its last check): parses, tokens and results.
   */
  trim(): void {
    const keep = new Set<string>();
    for (const path of this.docs.keys()) {
      keep.add(path);
      for (const f of this.lastProgramFiles(path) ?? []) keep.add(f);
    }
    this.cache.retain(keep);
    for (const m of [this.checked, this.resolved, this.lexed]) for (const path of [...m.keys()]) if (!this.docs.has(path)) m.delete(path);
  }

  /** The size in bytes of an open document too large to analyse, or undefined. */
  tooLarge(path: string): number | undefined {
    return this.oversized.get(path);
  }

  /** Files changed, created or deleted on disk (watched by the client). */
  diskChanged(paths: string[]): void {
    for (const p of paths) {
      if (!this.docs.has(p)) this.cache.delete(p);
      this.bump(p);
    }
    this.folderFiles = undefined;
    this.trim();
  }

  byUri(uri: string): OpenDocument | undefined {
    return this.docs.get(uriToPath(uri));
  }

  openDocuments(): OpenDocument[] {
    return [...this.docs.values()];
  }

  isOpen(path: string): boolean {
    return this.docs.has(path);
  }

  /** The URI to publish or link a file under: the client's own for an open document. */
  uriOf(path: string): string {
    return this.docs.get(path)?.uri ?? pathToUri(path);
  }

  text(path: string): string | undefined {
    return this.host.readFile(path);
  }

  /** Phase 0: the tokens of a file (for completion, folding and highlighting). */
  lex(path: string): Lexed {
    const text = this.text(path) ?? "";
    const hit = this.lexed.get(path);
    if (hit && hit.text === text) return hit;
    const out = isuLexer.tokenize(text);
    const lexed: Lexed = { text, tokens: out.tokens, comments: (out.groups["comments"] as IToken[] | undefined) ?? [] };
    if (this.docs.has(path)) this.lexed.set(path, lexed);
    return lexed;
  }

  /** Phase 1: one file parsed (no imports, no names). */
  parsed(path: string): SourceFile {
    return this.cache.get(path, this.text(path) ?? "");
  }

  /** Phase 2: the file as a root, its imports loaded and names resolved. */
  resolution(path: string): Resolution {
    const c = this.checked.get(path);
    if (c && this.fresh(c)) return c.value.resolution;
    const r = this.resolved.get(path);
    if (r && this.fresh(r)) return r.value;
    const program = this.load(path);
    const value = resolve(program);
    // A root that is not open (a workspace file looked through for references) is not kept.
    if (this.docs.has(path)) this.resolved.set(path, { value, stamp: this.stampOf(program) });
    return value;
  }

  /** Phase 3: the file as a root, checked. */
  compilation(path: string): Compilation {
    const c = this.checked.get(path);
    if (c && this.fresh(c)) return c.value;
    const r = this.resolved.get(path);
    const earlier = r && this.fresh(r) ? r.value : undefined;
    const program = earlier ? earlier.program : this.load(path);
    // Reuse the resolution completion already made; the editor never needs the generators' model.
    const value = check(program, undefined, earlier ? { resolution: earlier, model: false } : { model: false });
    const stamped = { value, stamp: this.stampOf(program) };
    if (this.docs.has(path)) this.checked.set(path, stamped);
    this.resolved.delete(path);
    return value;
  }

  /** The files the root read the last time it was loaded (itself included), or undefined. */
  lastProgramFiles(path: string): string[] | undefined {
    const p = this.checked.get(path)?.value.program ?? this.resolved.get(path)?.value.program;
    return p ? [...p.byPath.keys()] : undefined;
  }

  /** Open documents whose program (last loaded) includes the file, other than the file itself. */
  openImporters(path: string): string[] {
    const out: string[] = [];
    for (const od of this.docs.values()) {
      if (od.path === path) continue;
      if (this.lastProgramFiles(od.path)?.includes(path)) out.push(od.path);
    }
    return out;
  }

  /**
   * Roots whose programs may refer to the file: every open document, and the
   * .isu files in the workspace folders that import it (directly or not).
   * References and rename look through all of them.
   */
  contextRoots(path: string): string[] {
    const roots = new Set(this.docs.keys());
    for (const f of this.workspaceFiles()) {
      if (roots.has(f)) continue;
      if (this.importsTransitively(f, path)) roots.add(f);
    }
    roots.add(path);
    return [...roots];
  }

  /** .isu files under the workspace folders (node_modules and dot folders skipped; at most 2,000). */
  workspaceFiles(): string[] {
    if (this.folderFiles) return this.folderFiles;
    const out: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (out.length >= 2000 || depth > 12) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === "node_modules" || e.name.startsWith(".")) continue;
        const p = nodePath.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && e.name.endsWith(".isu")) out.push(nodePath.resolve(p));
      }
    };
    for (const f of this.folders) walk(f, 0);
    this.folderFiles = out;
    return out;
  }

  private importsTransitively(from: string, target: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = this.text(f);
      if (text === undefined) continue;
      for (const d of this.cache.get(f, text).ast.declarations) {
        if (d.kind !== "Import") continue;
        const t = resolveImportPath(f, d.path.value);
        if (t === target) return true;
        stack.push(t);
      }
    }
    return false;
  }

  private load(path: string): Program {
    const od = this.docs.get(path);
    // An open document too large to analyse is an empty root: its one diagnostic says why.
    return loadProgram(path, this.host, this.cache, od ? (this.oversized.has(path) ? "" : od.doc.getText()) : undefined);
  }

  private measure(path: string, text: string): void {
    const bytes = overLimit(text);
    if (bytes === undefined) this.oversized.delete(path);
    else this.oversized.set(path, bytes);
  }

  private bump(path: string): void {
    this.generations.set(path, (this.generations.get(path) ?? 0) + 1);
  }

  /** Where a file's text comes from now: an open buffer's version, or the disk's generation. */
  private sourceId(path: string): string {
    const od = this.docs.get(path);
    return od ? `v${od.doc.version}` : `d${this.generations.get(path) ?? 0}`;
  }

  /** The sources of every file the program read, and of the imports it could not find (they may appear). */
  private stampOf(program: Program): string {
    let s = "";
    for (const f of program.byPath.keys()) s += `|${f}:${this.sourceId(f)}`;
    for (const p of program.importProblems) s += `|${p.target}:${this.sourceId(p.target)}`;
    return s;
  }

  private fresh(x: Stamped<{ program: Program }>): boolean {
    return x.stamp === this.stampOf(x.value.program);
  }
}

/** A regular file's size in bytes (0 when it is missing or not a regular file: the disk host says why). */
function diskSize(path: string): number {
  try {
    const st = fs.statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}
