// `isu build <plan.isu> --out <dir>`: every output of a plan that checks
// clean, written as one set or not at all (out-folder.ts), generated on a
// worker thread so that Ctrl-C and SIGTERM are answered at once.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Command } from "commander";
import { compile } from "../compiler/compile.js";
import { DIALECT_NAMES, type DialectName } from "../compiler/sql/dialects/index.js";
import { Worker } from "node:worker_threads";
import type { BuildMessage } from "./build-worker.js";
import { buildOutputs, planBuild, type BuildResult, type StageJob } from "../compiler/build/build-plan.js";
import { UsageError } from "../compiler/build/usage-error.js";
import { isLanguage, LANGUAGES } from "../compiler/vocabulary/languages.js";
import { checkOutFolder, type WrittenFile } from "../compiler/build/out-folder.js";
import { displayPath, paletteFor, renderDiagnostic, summaryLine } from "../compiler/build/render.js";

interface BuildOptions {
  out: string;
  dialect: string;
  lang?: string;
  quiet: boolean;
}

export function parseDialects(list: string): DialectName[] {
  const names = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--dialect needs at least one of ${DIALECT_NAMES.join(", ")}`);
  for (const n of names) {
    if (!(DIALECT_NAMES as string[]).includes(n)) throw new UsageError(`unknown dialect '${n}': use one or more of ${DIALECT_NAMES.join(", ")}, separated by commas`);
  }
  return [...new Set(names)] as DialectName[];
}

/** Generates every output into the stage on a worker thread; resolves with the files written. */
function generateInWorker(job: StageJob, progress: (s: string) => void, onWorker: (w: Worker) => void): Promise<WrittenFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./build-worker.js", import.meta.url), { workerData: job });
    onWorker(worker);
    let settled = false;
    worker.on("message", (m: BuildMessage) => {
      if (m.type === "progress") progress(m.text);
      else if (m.type === "done") {
        settled = true;
        resolve(m.files);
      } else {
        settled = true;
        reject(m.code && m.syscall ? Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall, path: m.path }) : new Error(m.message));
      }
    });
    worker.on("error", (e) => {
      settled = true;
      reject(e);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the build stopped before it finished (worker exit ${code})`));
    });
  });
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("generate the registration form, record schemas, database schema, aggregation queries and handbook of a plan")
    .argument("<plan>", "the plan's .isu file")
    .requiredOption("-o, --out <dir>", "folder to write the outputs to (created if missing)")
    .option("--dialect <list>", `SQL dialects, comma-separated: ${DIALECT_NAMES.join(", ")}`, DIALECT_NAMES.join(","))
    .option("--lang <lang>", `language of labels and handbook: ${LANGUAGES.join(" or ")} (default: the plan's language)`)
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Writes exactly: form.json, record.<timepoint>.schema.json for each time point,
schema.<dialect>.sql, queries.<dialect>.sql, queries.json, handbook.html, handbook.md,
and .isu-build.json, the list of files it wrote. The folder gets the new set whole
or keeps the old one (a failure or Ctrl-C rolls back); outputs of an earlier build
that the plan no longer produces are removed, files the build did not write are
never touched. A plan with errors writes nothing (exit 1).

Examples:
  $ isu build examples/hemtjanst_ibic.isu --out out/hemtjanst
  $ isu build plan.isu --out out --dialect postgres --lang en`,
    )
    .action(async (plan: string, opts: BuildOptions) => {
      const dialects = parseDialects(opts.dialect);
      if (opts.lang !== undefined && !isLanguage(opts.lang)) throw new UsageError(`unknown language '${opts.lang}': use ${LANGUAGES.join(" or ")}`);
      if (!fs.existsSync(plan) || !fs.statSync(plan).isFile()) throw new UsageError(`cannot read '${plan}': no such file`);
      try {
        fs.accessSync(plan, fs.constants.R_OK);
      } catch {
        throw new UsageError(`cannot read '${plan}': permission denied`);
      }
      const out = checkOutFolder(opts.out);
      const progress = (s: string) => {
        if (!opts.quiet) process.stderr.write(s + "\n");
      };
      const t0 = performance.now();
      progress(`checking ${displayPath(nodePath.resolve(plan))}`);
      const c = compile(plan);
      const p = paletteFor(process.stderr);
      const sources = new Map(c.program.files.map((f) => [f.path, f]));
      const shown = c.diagnostics.filter((d) => d.severity === "error" || !opts.quiet);
      for (const d of shown) process.stderr.write(renderDiagnostic(d, sources.get(d.file), p) + "\n\n");
      const ready = planBuild(c, { ...(opts.lang ? { lang: opts.lang } : {}), dialects });
      if (ready.kind === "errors") {
        process.stderr.write(summaryLine(c.diagnostics, c.program.files.length) + "\nnothing written: fix the errors above and build again\n");
        process.exitCode = 1;
        return;
      }
      if (ready.kind === "no-plan") {
        process.stderr.write(`${displayPath(nodePath.resolve(plan))}: error: ${ready.message}\n`);
        process.exitCode = 1;
        return;
      }
      for (const w of ready.warnings) progress(`warning: ${w}`);
      // Until the commit, a signal stops the build and leaves the folder as it was.
      let worker: Worker | undefined;
      let abandon = () => {};
      const onSignal = (signal: keyof typeof SIGNALS) => {
        void (worker?.terminate() ?? Promise.resolve()).finally(() => {
          abandon();
          process.stderr.write(`isu: stopped by ${signal}: nothing written; ${displayPath(out)} holds what it held before\n`);
          process.exit(128 + SIGNALS[signal]);
        });
      };
      for (const s of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(s, onSignal);
      let result: BuildResult;
      try {
        result = await buildOutputs(
          ready,
          out,
          progress,
          (job) => generateInWorker(job, progress, (w) => (worker = w)),
          (a) => (abandon = a),
        );
      } finally {
        for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
      }
      progress(`wrote ${result.files.length} files to ${displayPath(out)} in ${Math.round(performance.now() - t0)} ms`);
      for (const f of result.files) progress(`  ${f.path}`);
      if (result.removed.length) progress(`removed ${result.removed.length} earlier outputs the plan no longer produces: ${result.removed.join(", ")}`);
      for (const k of result.kept) process.stderr.write(`warning: left ${displayPath(nodePath.join(out, k))} in place: an earlier build wrote it, this plan does not, and it was changed since\n`);
      process.exitCode = 0;
    });
}
