// Loads a plan and every file it imports, parsing each once. The host decides
// where text comes from: the disk for the CLI, open editor buffers for the LSP.
import * as nodePath from "node:path";
import type { Range } from "../syntax/ast.js";
import { readPlanFile } from "./read-file.js";
import { parseSource, type SourceFile } from "../syntax/source.js";

export interface Host {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Why readFile gave undefined for a file that exists (a folder, a FIFO, no permission); undefined when it does not exist. */
  readProblem?(path: string): string | undefined;
}

/** The disk: regular files only (a FIFO or a device is never opened for reading; see read-file.ts). */
export const diskHost: Host = {
  readFile(path) {
    const r = readPlanFile(path);
    return r.ok ? r.text : undefined;
  },
  readProblem(path) {
    const r = readPlanFile(path);
    return r.ok || r.missing ? undefined : r.reason;
  },
};

/** Re-parses a file only when its text changed. */
export class ParseCache {
  private entries = new Map<string, SourceFile>();
  get(path: string, text: string): SourceFile {
    const hit = this.entries.get(path);
    if (hit && hit.text === text) return hit;
    const sf = parseSource(path, text);
    this.entries.set(path, sf);
    return sf;
  }
  delete(path: string): void {
    this.entries.delete(path);
  }
}

export interface ImportProblem {
  file: string;
  range: Range;
  kind: "not-found" | "cycle";
  target: string;
  spec: string;
  /** For "not-found": why a file that exists could not be read; absent when there is no such file. */
  reason?: string;
}

export interface Program {
  root: string;
  /** Imports before their importers; the root file last. */
  files: SourceFile[];
  byPath: Map<string, SourceFile>;
  importProblems: ImportProblem[];
  /** For each file, the absolute paths it imports. */
  imports: Map<string, string[]>;
}

export function resolveImportPath(fromFile: string, spec: string): string {
  const withExt = /\.isu$/i.test(spec) ? spec : spec + ".isu";
  return nodePath.resolve(nodePath.dirname(fromFile), withExt);
}

export function loadProgram(rootPath: string, host: Host = diskHost, cache: ParseCache = new ParseCache(), rootText?: string): Program {
  const root = nodePath.resolve(rootPath);
  const program: Program = { root, files: [], byPath: new Map(), importProblems: [], imports: new Map() };
  const visiting = new Set<string>();

  const visit = (path: string, text: string): void => {
    visiting.add(path);
    const sf = cache.get(path, text);
    program.byPath.set(path, sf);
    const targets: string[] = [];
    for (const d of sf.ast.declarations) {
      if (d.kind !== "Import") continue;
      const target = resolveImportPath(path, d.path.value);
      targets.push(target);
      if (visiting.has(target)) {
        program.importProblems.push({ file: path, range: d.path.range, kind: "cycle", target, spec: d.path.value });
        continue;
      }
      if (program.byPath.has(target)) continue;
      const t = host.readFile(target);
      if (t === undefined) {
        const reason = host.readProblem?.(target);
        program.importProblems.push({ file: path, range: d.path.range, kind: "not-found", target, spec: d.path.value, ...(reason ? { reason } : {}) });
        continue;
      }
      visit(target, t);
    }
    program.imports.set(path, targets);
    visiting.delete(path);
    program.files.push(sf);
  };

  const text = rootText ?? host.readFile(root);
  visit(root, text ?? "");
  return program;
}
