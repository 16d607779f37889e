// `isu check <files or folders…>`
import * as nodePath from "node:path";
import type { Command } from "commander";
import { compile } from "../compiler/compile.js";
import type { Diagnostic } from "../compiler/syntax/diagnostic.js";
import { ParseCache } from "../compiler/semantics/program.js";
import type { SourceFile } from "../compiler/syntax/source.js";
import { readPlanFile } from "../compiler/semantics/read-file.js";
import { escapeForTerminal } from "../compiler/syntax/hidden-chars.js";
import { UsageError } from "../compiler/build/usage-error.js";
import { collectIsuFiles, type FileProblem } from "./files.js";
import { displayPath, paletteFor, renderDiagnostic, summaryLine, toJson } from "../compiler/build/render.js";

export interface CheckResult {
  diagnostics: Diagnostic[];
  sources: Map<string, SourceFile>;
  files: string[];
}

/** Checks each file as a plan of its own; a diagnostic found through two roots is kept once. A file that cannot be read goes to `unreadable`, never checked as an empty plan. */
export function checkFiles(files: string[], unreadable: FileProblem[] = []): CheckResult {
  const cache = new ParseCache();
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const checked: string[] = [];
  for (const f of files) {
    const r = readPlanFile(f);
    if (!r.ok) {
      unreadable.push({ path: f, reason: r.reason });
      continue;
    }
    checked.push(f);
    const c = compile(f, { cache, rootText: r.text });
    for (const sf of c.program.files) sources.set(sf.path, sf);
    for (const d of c.diagnostics) {
      const key = `${d.file}:${d.range.start.offset}:${d.range.end.offset}:${d.code}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return { diagnostics, sources, files: checked };
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check plans for errors: unmeasurable questions, undefined names and values, unused data")
    .argument("<paths...>", ".isu files or folders holding them")
    .option("--format <format>", "output format: text or json", "text")
    .option("--strict", "exit 1 on warnings too", false)
    .addHelpText(
      "after",
      `
Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error or unreadable file.

Examples:
  $ isu check examples/hemtjanst_ibic.isu
  $ isu check examples/ --format json
  $ isu check plan.isu --strict`,
    )
    .action((paths: string[], opts: { format: string; strict: boolean }) => {
      if (opts.format !== "text" && opts.format !== "json") {
        throw new UsageError(`unknown format '${opts.format}': use text or json`);
      }
      const { files, problems } = collectIsuFiles(paths);
      const result = checkFiles(files, problems);
      // Unreadable files are named on stderr (stdout stays valid JSON) and make the exit code 2.
      for (const x of problems) process.stderr.write(`isu: cannot read '${displayPath(nodePath.resolve(x.path))}': ${escapeForTerminal(x.reason)}\n`);
      const d = result.diagnostics;
      if (opts.format === "json") {
        process.stdout.write(
          JSON.stringify(
            {
              diagnostics: d.map(toJson),
              summary: {
                files: result.files.length,
                errors: d.filter((x) => x.severity === "error").length,
                warnings: d.filter((x) => x.severity === "warning").length,
                infos: d.filter((x) => x.severity === "info").length,
              },
            },
            null,
            2,
          ) + "\n",
        );
      } else {
        const p = paletteFor(process.stdout);
        for (const x of d) process.stdout.write(renderDiagnostic(x, result.sources.get(x.file), p) + "\n\n");
        process.stdout.write(summaryLine(d, result.files.length) + "\n");
      }
      const errors = d.some((x) => x.severity === "error");
      const warnings = d.some((x) => x.severity === "warning");
      process.exitCode = problems.length ? 2 : errors || (opts.strict && warnings) ? 1 : 0;
    });
}
