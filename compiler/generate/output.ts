// What every generator returns: files to write, named relative to --out.
// Most outputs are small enough to build as one text; the aggregation queries
// grow with the plan (hundreds of MB at thousands of questions, past the
// longest string V8 holds), so they are emitted piece by piece instead
// (OutputEmitter) and never held whole — see all.ts.
import type { PlanModel } from "../model/index.js";
import type { DialectName } from "../sql/dialects/index.js";

export interface OutputFile {
  /** File name relative to the output folder, e.g. "schema.sqlite.sql". */
  path: string;
  content: string;
}

export interface GenerateOptions {
  /** Language of labels and the handbook: one of LANGUAGES (compiler/vocabulary/languages.ts). */
  lang: string;
  dialects: DialectName[];
}

export type Generator = (model: PlanModel, opts: GenerateOptions) => OutputFile[];

/** Receives an output file's text in order, a piece at a time; pieces of different files may interleave. */
export type OutputEmitter = (path: string, chunk: string) => void;

/** A generator that emits its files piece by piece. */
export type StreamingGenerator = (model: PlanModel, opts: GenerateOptions, emit: OutputEmitter) => void;

/** A whole-text generator as a streaming one: each file is one piece. */
export function emitting(g: Generator): StreamingGenerator {
  return (model, opts, emit) => {
    for (const f of g(model, opts)) emit(f.path, f.content);
  };
}

/** Collects emitted pieces into whole files, in the order each file was first emitted. */
export function collecting(): { emit: OutputEmitter; files: () => OutputFile[] } {
  const parts = new Map<string, string[]>();
  return {
    emit: (path, chunk) => {
      const list = parts.get(path);
      if (list) list.push(chunk);
      else parts.set(path, [chunk]);
    },
    files: () => [...parts].map(([path, chunks]) => ({ path, content: chunks.join("") })),
  };
}
