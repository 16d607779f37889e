// Building a plan, for every tool that does it (`isu build`, the editor's
// Build outputs): whether a compiled plan can be built and in which language,
// then its outputs streamed into the stage of the output folder and
// committed as one set (out-folder.ts). The CLI runs the generating step on
// a worker thread so that it can answer signals; both run stageOutputs.
import * as nodePath from "node:path";
import type { Compilation } from "../compile.js";
import { emitAll } from "../generate/all.js";
import type { GenerateOptions } from "../generate/output.js";
import type { PlanModel } from "../model/index.js";
import type { DialectName } from "../sql/dialects/index.js";
import { checkOutFolder, OutFolder, StageWriter, type WrittenFile } from "./out-folder.js";

export type BuildPlan = { kind: "errors"; errors: number } | { kind: "no-plan"; message: string } | { kind: "ready"; model: PlanModel; opts: GenerateOptions; warnings: string[] };

/** Whether a compilation can be built, with which options, and what to warn about first. */
export function planBuild(c: Compilation, request: { lang?: string; dialects: DialectName[] }): BuildPlan {
  if (c.errors > 0) return { kind: "errors", errors: c.errors };
  if (!c.model)
    return { kind: "no-plan", message: `${nodePath.basename(c.program.root)} declares no plan block, so there is nothing to build: build the file with the 'plan' block, which imports this one` };
  const m = c.model;
  const lang = request.lang ?? m.language;
  const warnings: string[] = [];
  if (lang !== m.language && !m.translations.includes(lang)) {
    warnings.push(
      `the plan does not promise '${lang}' texts (no 'translations ${lang}' in its plan block): each label, purpose, note, unit and definition without a '${lang}' translation stays in '${m.language}'`,
    );
  }
  return { kind: "ready", model: m, opts: { lang, dialects: request.dialects }, warnings };
}

/** What a generating step gets: the model, the options and the stage folder to write into. */
export interface StageJob {
  model: PlanModel;
  opts: GenerateOptions;
  stage: string;
}

/** Writes every output of the job into its stage, piece by piece; returns the files with their hashes. */
export function stageOutputs(job: StageJob, progress: (s: string) => void = () => {}): WrittenFile[] {
  const writer = new StageWriter(nodePath.join(job.stage, "new"));
  try {
    emitAll(job.model, job.opts, (path, chunk) => writer.write(path, chunk), progress);
  } catch (e) {
    writer.close();
    throw e;
  }
  return writer.finish();
}

export interface BuildResult {
  dir: string;
  files: WrittenFile[];
  /** Outputs of the previous build that this plan no longer produces, removed. */
  removed: string[];
  /** Such outputs left in place because they were changed since. */
  kept: string[];
}

/**
 * Builds a ready plan into dir as one set. `generate` produces the staged
 * files (stageOutputs in-process by default; the CLI passes a worker);
 * `onStart` gets a function that abandons the build (the CLI's signal handler).
 */
export async function buildOutputs(
  ready: Extract<BuildPlan, { kind: "ready" }>,
  dir: string,
  progress: (s: string) => void = () => {},
  generate: (job: StageJob) => Promise<WrittenFile[]> = async (job) => stageOutputs(job, progress),
  onStart: (abandon: () => void) => void = () => {},
): Promise<BuildResult> {
  const out = checkOutFolder(dir);
  const folder = OutFolder.open(out);
  onStart(() => folder.abandon());
  try {
    const files = await generate({ model: ready.model, opts: ready.opts, stage: folder.stage });
    const { removed, kept } = folder.commit(ready.model.name, files);
    return { dir: out, files, removed, kept };
  } finally {
    folder.abandon();
  }
}
