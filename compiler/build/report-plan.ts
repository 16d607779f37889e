// Writing a plan's report, for every tool that does it (`isu report`, the
// editor's Preview report): counts from the plan's database — or from
// simulated records in a temporary SQLite database, or from a counts file
// exported where the tool cannot reach (results/counts-file.ts) — through the results
// stage, into the output folder as one set (out-folder.ts), or nothing.
import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { checkPlanDatabase, openEngine, type Engine } from "../data/engines/index.js";
import { loadSimulation, type SimulationProgress } from "../data/simulate/index.js";
import type { PlanModel } from "../model/index.js";
import { collectCounts, type CollectedCounts } from "../results/collect.js";
import { readCountsFile } from "../results/counts-file.js";
import type { Results } from "../results/published.js";
import { makeReport } from "../results/report.js";
import { checkOutFolder, OutFolder, REPORT_WRITER, StageWriter, type WrittenFile } from "./out-folder.js";

export type ReportSource =
  | { kind: "database"; url: string }
  | { kind: "simulate"; individuals: number; seed: number }
  /** `counts`: the file already read and checked (the CLI reads it before it looks for Chromium); else it is read here. */
  | { kind: "counts"; file: string; counts?: CollectedCounts };

export interface ReportRequest {
  model: PlanModel;
  source: ReportSource;
  out: string;
  lang?: string;
  progress?: (text: string) => void;
}

export interface ReportResult {
  dir: string;
  files: WrittenFile[];
  results: Results;
}

/** Loading's progress at most every two seconds, and when it ends. */
function loadProgress(progress: (s: string) => void): (p: SimulationProgress) => void {
  let last = performance.now();
  return (p) => {
    const now = performance.now();
    if (p.done < p.total && now - last < 2000) return;
    last = now;
    progress(p.done < p.total ? `simulating and loading: ${p.done} of ${p.total} individuals` : `loaded ${p.total} simulated individuals`);
  };
}

/** An engine on the request's data; `done` closes it (and removes a simulation's temporary database). */
async function openSource(model: PlanModel, source: Exclude<ReportSource, { kind: "counts" }>, progress: (s: string) => void): Promise<{ engine: Engine; name: string; done: () => Promise<void> }> {
  if (source.kind === "database") {
    const engine = await openEngine(source.url, { readOnly: true });
    try {
      await checkPlanDatabase(engine, model);
    } catch (e) {
      await engine.close();
      throw e;
    }
    return { engine, name: engine.kind, done: () => engine.close() };
  }
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "isu-simulate-"));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const engine = await openEngine(nodePath.join(dir, "simulated.db"), { create: true });
    progress(`simulating ${source.individuals} individuals (seed ${source.seed})`);
    try {
      await loadSimulation(engine, model, { individuals: source.individuals, seed: source.seed }, { onProgress: loadProgress(progress) });
    } catch (e) {
      await engine.close();
      throw e;
    }
    return {
      engine,
      name: "simulated",
      done: async () => {
        await engine.close();
        remove();
      },
    };
  } catch (e) {
    remove();
    throw e;
  }
}

export async function reportPlan(request: ReportRequest): Promise<ReportResult> {
  const progress = request.progress ?? (() => {});
  const { model } = request;
  const out = checkOutFolder(request.out);
  const lang = request.lang ?? model.language;
  let report: Awaited<ReturnType<typeof makeReport>>;
  if (request.source.kind === "counts") {
    const collected = request.source.counts ?? readCountsFile(request.source.file, model);
    progress(`read the counts of ${collected.counts.length} questions from ${request.source.file}`);
    report = await makeReport(model, collected, { lang, source: "counts", progress });
  } else {
    const source = await openSource(model, request.source, progress);
    try {
      const collected = await collectCounts(model, source.engine, progress);
      report = await makeReport(model, collected, { lang, source: source.name, progress });
    } finally {
      await source.done();
    }
  }
  const folder = OutFolder.open(out, REPORT_WRITER);
  try {
    const writer = new StageWriter(nodePath.join(folder.stage, "new"));
    try {
      for (const f of report.files) {
        if (f.text !== undefined) writer.write(f.path, f.text);
        else if (f.bytes) writer.writeBytes(f.path, f.bytes);
      }
    } catch (e) {
      writer.close();
      throw e;
    }
    const files = writer.finish();
    folder.commit(model.name, files);
    return { dir: out, files, results: report.results };
  } finally {
    folder.abandon();
  }
}
