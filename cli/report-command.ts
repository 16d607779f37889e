// `isu report <plan.isu> --out <dir>`: protected results of a plan from its
// database (--db), from counts exported where the tool cannot reach (--counts)
// or from simulated records (--simulate), written as one set
// (results.json, report.html, report.md, report.xlsx, report.pdf) or not at all.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Command } from "commander";
import { compile } from "../compiler/compile.js";
import { planBuild } from "../compiler/build/build-plan.js";
import { reportPlan, type ReportSource } from "../compiler/build/report-plan.js";
import { UsageError } from "../compiler/build/usage-error.js";
import { checkOutFolder } from "../compiler/build/out-folder.js";
import { displayPath, paletteFor, renderDiagnostic, summaryLine } from "../compiler/build/render.js";
import { isLanguage, LANGUAGES } from "../compiler/vocabulary/languages.js";
import { ChromiumMissingError, findChromium, NO_CHROMIUM } from "../compiler/results/report/index.js";
import { CountsFileError, readCountsFile } from "../compiler/results/counts-file.js";

interface ReportOptions {
  out: string;
  db?: string;
  counts?: string;
  simulate?: string;
  seed: string;
  lang?: string;
  quiet: boolean;
}

/** A whole number in [min, max] from an option's text, or a usage error naming the option. */
export function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${option} '${text}' is not a whole number from ${min} to ${max.toLocaleString("en")}`);
  return n;
}

function sourceOf(opts: ReportOptions): ReportSource {
  const given = (["--db", "--counts", "--simulate"] as const).filter((o) => opts[o.slice(2) as "db" | "counts" | "simulate"] !== undefined);
  if (given.length > 1) throw new UsageError(`give one of --db <url>, --counts <file> or --simulate <individuals>, not ${given.length === 2 ? "both" : "all of"} ${given.join(" and ")}`);
  if (opts.counts !== undefined) {
    if (opts.counts.trim() === "") throw new UsageError("--counts is empty: give the CSV file of exported counts, for example --counts counts.csv");
    if (!fs.existsSync(opts.counts)) throw new UsageError(`cannot read the counts file '${opts.counts}': no such file`);
    if (!fs.statSync(opts.counts).isFile()) throw new UsageError(`cannot read the counts file '${opts.counts}': it is a folder, not a file`);
    return { kind: "counts", file: opts.counts };
  }
  if (opts.simulate !== undefined) return { kind: "simulate", individuals: wholeNumber("--simulate", opts.simulate, 1, 10_000_000), seed: wholeNumber("--seed", opts.seed, 0, 2 ** 32 - 1) };
  if (opts.db !== undefined) {
    if (opts.db.trim() === "") throw new UsageError("--db is empty: give the database, for example --db data.db or --db postgres://user@host/db");
    return { kind: "database", url: opts.db };
  }
  throw new UsageError("where are the data? give --db <url> (a SQLite or DuckDB file, or postgres://…), --counts <file> (counts exported as CSV, docs/report.md) or --simulate <individuals>");
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write the protected results of a plan: tables, charts, XLSX and PDF, from its database, from exported counts or from simulated records")
    .argument("<plan>", "the plan's .isu file")
    .requiredOption("-o, --out <dir>", "folder to write the report to (created if missing)")
    .option("--db <url>", "the plan's database: a SQLite file (default engine), a DuckDB file (.duckdb) or postgres://user@host/db")
    .option("--counts <file>", "instead of a database: the counts exported as CSV from a system isu cannot reach (docs/report.md)")
    .option("--simulate <individuals>", "instead of a database: this many simulated individuals in a temporary SQLite database")
    .option("--seed <n>", "seed of --simulate (the same seed gives the same data)", "1")
    .option("--lang <lang>", `language of the report: ${LANGUAGES.join(" or ")} (default: the plan's language)`)
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Writes exactly: results.json (every published table, machine-readable),
report.html, report.md, report.xlsx and report.pdf, and .isu-report.json, the
list of files it wrote. Every count from 1 to min_cell − 1 is hidden, and more
cells are hidden until none can be derived from what is shown (docs/protection.md).
The folder gets the new set whole or keeps the old one. --counts reads one CSV
file: a section per query (#query,<id>, its header, its rows), first isu_plan,
then each question's and isu_basis, as docs/report.md shows how to export it.

Examples:
  $ isu report examples/hemtjanst_ibic.isu --simulate 600 --out out/hemtjanst_ibic
  $ isu report plan.isu --db uppfoljning.db --out rapport
  $ isu report plan.isu --db postgres://isu@localhost/uppfoljning --out rapport --lang en
  $ isu report plan.isu --counts counts.csv --out rapport`,
    )
    .action(async (plan: string, opts: ReportOptions) => {
      if (opts.lang !== undefined && !isLanguage(opts.lang)) throw new UsageError(`unknown language '${opts.lang}': use ${LANGUAGES.join(" or ")}`);
      const source = sourceOf(opts);
      if (!fs.existsSync(plan) || !fs.statSync(plan).isFile()) throw new UsageError(`cannot read '${plan}': no such file`);
      checkOutFolder(opts.out);
      // report.pdf needs Chromium: say so before the counting, not after (a counts file is checked first: that needs the plan).
      if (source.kind !== "counts" && !findChromium()) throw new UsageError(NO_CHROMIUM);
      const progress = (s: string) => {
        if (!opts.quiet) process.stderr.write(s + "\n");
      };
      const t0 = performance.now();
      progress(`checking ${displayPath(nodePath.resolve(plan))}`);
      const c = compile(plan);
      const p = paletteFor(process.stderr);
      const sources = new Map(c.program.files.map((f) => [f.path, f]));
      for (const d of c.diagnostics.filter((d) => d.severity === "error")) process.stderr.write(renderDiagnostic(d, sources.get(d.file), p) + "\n\n");
      const ready = planBuild(c, { ...(opts.lang ? { lang: opts.lang } : {}), dialects: [] });
      if (ready.kind === "errors") {
        process.stderr.write(summaryLine(c.diagnostics, c.program.files.length) + "\nno report written: fix the errors above and run it again\n");
        process.exitCode = 1;
        return;
      }
      if (ready.kind === "no-plan") {
        process.stderr.write(`${displayPath(nodePath.resolve(plan))}: error: ${ready.message}\n`);
        process.exitCode = 1;
        return;
      }
      for (const w of ready.warnings) progress(`warning: ${w}`);
      if (source.kind === "counts") {
        try {
          source.counts = readCountsFile(source.file, ready.model);
        } catch (e) {
          throw e instanceof CountsFileError ? new UsageError(e.message) : e;
        }
        if (!findChromium()) throw new UsageError(NO_CHROMIUM);
      }
      const result = await reportPlan({ model: ready.model, source, out: opts.out, lang: ready.opts.lang, progress }).catch((e: unknown) => {
        throw e instanceof ChromiumMissingError ? new UsageError(e.message) : e;
      });
      const pr = result.results.protection;
      progress(`wrote ${result.files.length} files to ${displayPath(result.dir)} in ${Math.round(performance.now() - t0)} ms`);
      for (const f of result.files) progress(`  ${f.path}`);
      progress(`protection: ${pr.hiddenPrimary} small cells hidden, ${pr.hiddenSecondary} more to protect them, of ${pr.cells} published counts`);
      process.exitCode = 0;
    });
}
