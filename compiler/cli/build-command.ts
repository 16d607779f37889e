// `isu build <plan.isu> --out <dir>`: every output of a plan that checks
// clean, written whole or not at all (temporary files, then rename).
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Command } from "commander";
import { compile } from "../compile.js";
import { DIALECT_NAMES, type DialectName } from "../generate/dialects/index.js";
import { generateAll } from "../generate/all.js";
import { UsageError } from "./files.js";
import { displayPath, paletteFor, renderDiagnostic, summaryLine } from "./render.js";

interface BuildOptions {
  out: string;
  dialect: string;
  lang?: string;
  quiet: boolean;
}

export function parseDialects(list: string): DialectName[] {
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--dialect needs at least one of ${DIALECT_NAMES.join(", ")}`);
  for (const n of names) {
    if (!(DIALECT_NAMES as string[]).includes(n)) throw new UsageError(`unknown dialect '${n}': use one or more of ${DIALECT_NAMES.join(", ")}, separated by commas`);
  }
  return [...new Set(names)] as DialectName[];
}

/** Writes files into dir atomically as a set: all temp files first, then renames. */
export function writeAtomically(dir: string, files: { path: string; content: string }[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(nodePath.join(dir, ".isu-build-"));
  try {
    for (const f of files) fs.writeFileSync(nodePath.join(stage, f.path), f.content);
    for (const f of files) fs.renameSync(nodePath.join(stage, f.path), nodePath.join(dir, f.path));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("generate the registration form, record schemas, database schema, aggregation queries and handbook of a plan")
    .argument("<plan>", "the plan's .isu file")
    .requiredOption("-o, --out <dir>", "folder to write the outputs to (created if missing)")
    .option("--dialect <list>", `SQL dialects, comma-separated: ${DIALECT_NAMES.join(", ")}`, DIALECT_NAMES.join(","))
    .option("--lang <lang>", "language of labels and handbook: sv or en (default: the plan's language)")
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Writes exactly: form.json, record.<timepoint>.schema.json for each time point,
schema.<dialect>.sql, queries.<dialect>.sql, queries.json, handbook.html, handbook.md.
A plan with errors writes nothing (exit 1).

Examples:
  $ isu build examples/hemtjanst_ibic.isu --out out/hemtjanst
  $ isu build plan.isu --out out --dialect postgres --lang en`,
    )
    .action((plan: string, opts: BuildOptions) => {
      const dialects = parseDialects(opts.dialect);
      if (opts.lang !== undefined && opts.lang !== "sv" && opts.lang !== "en") throw new UsageError(`unknown language '${opts.lang}': use sv or en`);
      if (!fs.existsSync(plan) || !fs.statSync(plan).isFile()) throw new UsageError(`cannot read '${plan}': no such file`);
      try {
        fs.accessSync(plan, fs.constants.R_OK);
      } catch {
        throw new UsageError(`cannot read '${plan}': permission denied`);
      }
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
      if (c.errors > 0) {
        process.stderr.write(summaryLine(c.diagnostics, c.program.files.length) + "\nnothing written: fix the errors above and build again\n");
        process.exitCode = 1;
        return;
      }
      if (!c.model) {
        process.stderr.write(`${displayPath(nodePath.resolve(plan))}: error: the file declares no plan block, so there is nothing to build\n  hint: build the file with the 'plan' block, which imports this one\n`);
        process.exitCode = 1;
        return;
      }
      const lang = opts.lang ?? c.model.language;
      if (lang !== c.model.language && !c.model.translations.includes(lang)) {
        progress(
          `warning: the plan does not promise '${lang}' labels (no 'translations ${lang}' in its plan block): labels without 'label ${lang} "…"' stay in '${c.model.language}', and purpose, notes and units are never translated`,
        );
      }
      const files = generateAll(c.model, { lang, dialects }, progress);
      writeAtomically(opts.out, files);
      progress(`wrote ${files.length} files to ${displayPath(nodePath.resolve(opts.out))} in ${Math.round(performance.now() - t0)} ms`);
      for (const f of files) progress(`  ${f.path}`);
      process.exitCode = 0;
    });
}
