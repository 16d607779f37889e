// The generating half of `isu build`, on a worker thread: it writes every
// output piece by piece into the stage folder while the main thread stays
// free to answer Ctrl-C or SIGTERM (it stops this thread and removes the
// stage). Messages: progress lines, then done with the written files, or error.
import * as nodePath from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { emitAll } from "../compiler/generate/all.js";
import type { GenerateOptions } from "../compiler/generate/output.js";
import type { PlanModel } from "../compiler/model/index.js";
import { StageWriter } from "../compiler/build/out-folder.js";

export interface BuildJob {
  model: PlanModel;
  opts: GenerateOptions;
  stage: string;
}

export type BuildMessage =
  | { type: "progress"; text: string }
  | { type: "done"; files: ReturnType<StageWriter["finish"]> }
  | { type: "error"; message: string; code?: string; syscall?: string; path?: string };

const job = workerData as BuildJob;
const post = (m: BuildMessage) => parentPort!.postMessage(m);
const writer = new StageWriter(nodePath.join(job.stage, "new"));
try {
  emitAll(job.model, job.opts, (path, chunk) => writer.write(path, chunk), (text) => post({ type: "progress", text }));
  post({ type: "done", files: writer.finish() });
} catch (e) {
  writer.close();
  const err = e as NodeJS.ErrnoException;
  post({ type: "error", message: err?.message ?? String(e), ...(err?.code ? { code: err.code } : {}), ...(err?.syscall ? { syscall: err.syscall } : {}), ...(err?.path ? { path: err.path } : {}) });
}
