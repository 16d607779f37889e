// The generating half of `isu build`, on a worker thread: it writes every
// output piece by piece into the stage folder (stageOutputs, as the editor's
// build does in-process) while the main thread stays free to answer Ctrl-C
// or SIGTERM (it stops this thread and removes the stage). Messages:
// progress lines, then done with the written files, or error.
import { parentPort, workerData } from "node:worker_threads";
import { stageOutputs, type StageJob } from "../compiler/build/build-plan.js";
import type { WrittenFile } from "../compiler/build/out-folder.js";

export type BuildMessage = { type: "progress"; text: string } | { type: "done"; files: WrittenFile[] } | { type: "error"; message: string; code?: string; syscall?: string; path?: string };

const post = (m: BuildMessage) => parentPort!.postMessage(m);
try {
  post({ type: "done", files: stageOutputs(workerData as StageJob, (text) => post({ type: "progress", text })) });
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  post({ type: "error", message: err?.message ?? String(e), ...(err?.code ? { code: err.code } : {}), ...(err?.syscall ? { syscall: err.syscall } : {}), ...(err?.path ? { path: err.path } : {}) });
}
