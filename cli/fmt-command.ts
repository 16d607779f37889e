// `isu fmt [--check] <files or folders…>`: rewrites plans in the canonical
// layout (docs/language.md, "Formatting"). A file is replaced atomically
// (written beside it, then renamed over it) and only when its text changes;
// a file with a syntax error is never touched.
import type { Command } from "commander";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { FormatError, formatIsu } from "../compiler/format/index.js";
import { escapeForTerminal } from "../compiler/syntax/hidden-chars.js";
import { readPlanFile } from "../compiler/semantics/read-file.js";
import { collectIsuFiles } from "./files.js";

export type FmtOutcome = "unchanged" | "formatted" | "would-change" | "syntax-error" | "unreadable";

/** How a path is shown: relative to the working folder when inside it, control characters escaped. */
function shown(file: string): string {
  const rel = nodePath.relative(process.cwd(), file);
  return escapeForTerminal(rel && !rel.startsWith("..") && !nodePath.isAbsolute(rel) ? rel : file);
}

/** Writes `text` to `file` through a temporary file in the same folder, keeping the file's mode. */
export function replaceAtomically(file: string, text: string): void {
  const tmp = nodePath.join(nodePath.dirname(file), `.${nodePath.basename(file)}.${process.pid}.${Date.now()}.fmt-tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Formats one file; reports problems on stderr and changed files on stdout. */
export async function formatFile(file: string, check: boolean): Promise<FmtOutcome> {
  // Regular files only: a FIFO or a device would hang the read.
  const read = readPlanFile(file);
  if (!read.ok) {
    process.stderr.write(`isu fmt: cannot read '${shown(file)}': ${escapeForTerminal(read.reason)}\n`);
    return "unreadable";
  }
  const text = read.text;
  let formatted: string;
  try {
    formatted = await formatIsu(text);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    const what = e.kind === "syntax" ? "syntax error" : "cannot format";
    const fix = e.kind === "syntax" ? `; fix the error (see 'isu check ${shown(file)}') and format again` : "";
    process.stderr.write(`${shown(file)}:${e.line}:${e.column}: ${what}: ${escapeForTerminal(e.reason)}\n  the file is left unchanged${fix}\n`);
    return "syntax-error";
  }
  if (formatted === text) return "unchanged";
  if (check) {
    process.stdout.write(`${shown(file)}\n`);
    return "would-change";
  }
  try {
    replaceAtomically(file, formatted);
  } catch (e) {
    process.stderr.write(`isu fmt: cannot write '${shown(file)}': ${escapeForTerminal(reasonOf(e))}\n`);
    return "unreadable";
  }
  process.stdout.write(`${shown(file)}\n`);
  return "formatted";
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return (e as Error).message;
}

function summary(counts: Record<FmtOutcome, number>, check: boolean): string {
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  const parts = check
    ? [n(counts["would-change"], "file would be reformatted", "files would be reformatted"), n(counts.unchanged, "file already formatted", "files already formatted")]
    : [n(counts.formatted, "file formatted", "files formatted"), n(counts.unchanged, "file already formatted", "files already formatted")];
  if (counts["syntax-error"]) parts.push(n(counts["syntax-error"], "file with syntax errors left unchanged", "files with syntax errors left unchanged"));
  if (counts.unreadable) parts.push(n(counts.unreadable, "file could not be read or written", "files could not be read or written"));
  return parts.join(", ");
}

export function registerFmt(program: Command): void {
  program
    .command("fmt")
    .description("format plans in the one canonical layout (rewrites the files in place)")
    .argument("<paths...>", ".isu files or folders holding them")
    .option("--check", "write nothing; list the files that would change and exit 1 if there are any", false)
    .addHelpText(
      "after",
      `
Changed files are listed on standard output; problems and a summary go to
standard error. A file that is already formatted is not touched, and a file
with a syntax error is left as it is.

Exit codes: 0 all formatted (or, with --check, nothing would change);
1 a file has a syntax error, or with --check a file would change;
2 a file could not be read or written.

Examples:
  $ isu fmt plan.isu
  $ isu fmt examples/
  $ isu fmt --check examples/ test/fixtures/`,
    )
    .action(async (paths: string[], opts: { check: boolean }) => {
      const counts: Record<FmtOutcome, number> = { unchanged: 0, formatted: 0, "would-change": 0, "syntax-error": 0, unreadable: 0 };
      // Folders give every .isu file under them; a path that is no readable file is counted as unreadable.
      const { files, problems } = collectIsuFiles(paths);
      for (const p of problems) process.stderr.write(`isu fmt: cannot read '${shown(nodePath.resolve(p.path))}': ${escapeForTerminal(p.reason)}\n`);
      counts.unreadable += problems.length;
      for (const f of files) counts[await formatFile(f, opts.check)]++;
      process.stderr.write(summary(counts, opts.check) + "\n");
      process.exitCode = counts.unreadable ? 2 : counts["syntax-error"] || counts["would-change"] ? 1 : 0;
    });
}
