// `isu check <files or folders…>`
import type { Command } from "commander";
import { compile } from "../compile.js";
import type { Diagnostic } from "../diagnostic.js";
import { ParseCache } from "../program.js";
import type { SourceFile } from "../source.js";
import { collectIsuFiles, UsageError } from "./files.js";
import { paletteFor, renderDiagnostic, summaryLine, toJson } from "./render.js";

export interface CheckResult {
  diagnostics: Diagnostic[];
  sources: Map<string, SourceFile>;
  files: string[];
}

/** Checks each file as a plan of its own; a diagnostic found through two roots is kept once. */
export function checkFiles(files: string[]): CheckResult {
  const cache = new ParseCache();
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  for (const f of files) {
    const c = compile(f, { cache });
    for (const sf of c.program.files) sources.set(sf.path, sf);
    for (const d of c.diagnostics) {
      const key = `${d.file}:${d.range.start.offset}:${d.range.end.offset}:${d.code}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return { diagnostics, sources, files };
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
      const files = collectIsuFiles(paths);
      const result = checkFiles(files);
      const d = result.diagnostics;
      if (opts.format === "json") {
        process.stdout.write(
          JSON.stringify(
            {
              diagnostics: d.map(toJson),
              summary: {
                files: files.length,
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
        process.stdout.write(summaryLine(d, files.length) + "\n");
      }
      const errors = d.some((x) => x.severity === "error");
      const warnings = d.some((x) => x.severity === "warning");
      process.exitCode = errors || (opts.strict && warnings) ? 1 : 0;
    });
}
