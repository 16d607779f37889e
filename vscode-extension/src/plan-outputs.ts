// What the editor commands do with a plan, without the editor: compile the
// open buffers, render the handbook or a page of the errors that stop it, and
// write every output. Kept free of the `vscode` API so it can be tested alone.
import * as nodePath from "node:path";
import { compile, type Compilation } from "../../compiler/compile.js";
import type { Diagnostic } from "../../compiler/syntax/diagnostic.js";
import { DIALECT_NAMES, type DialectName } from "../../compiler/sql/dialects/index.js";
import { handbookGenerator } from "../../compiler/generate/handbook/index.js";
import { buildOutputs, planBuild, type BuildResult } from "../../compiler/build/build-plan.js";
import { renderDiagnostic } from "../../compiler/build/render.js";
import { diskHost, type Host } from "../../compiler/semantics/program.js";
import { DEFAULT_LANGUAGE, type Language } from "../../compiler/vocabulary/languages.js";

/** Text of a file open in the editor (possibly unsaved), or undefined to read the disk. */
export type OpenText = (path: string) => string | undefined;

/** "plan" follows the plan's own `language`; otherwise one of the languages (compiler/vocabulary/languages.ts). */
export type OutputLanguage = "plan" | Language;

/** Compiles a plan the way the editor shows it: open buffers first, the disk otherwise. */
export function compilePlan(planPath: string, openText: OpenText, rootText?: string): Compilation {
  const host: Host = { readFile: (p) => openText(p) ?? diskHost.readFile(p) };
  return compile(planPath, { host, rootText: rootText ?? openText(nodePath.resolve(planPath)) });
}

export function outputLanguage(c: Compilation, setting: OutputLanguage): string {
  return setting === "plan" ? (c.model?.language ?? DEFAULT_LANGUAGE) : setting;
}

export type PreviewResult =
  | { kind: "handbook"; title: string; html: string; files: string[] }
  | { kind: "problems"; title: string; html: string; files: string[]; errors: Diagnostic[] }
  | { kind: "no-plan"; title: string; html: string; files: string[]; message: string };

/** The handbook of a plan as one HTML page, or a page that says why there is none. */
export function previewHandbook(c: Compilation, lang: OutputLanguage): PreviewResult {
  const files = c.program.files.map((f) => f.path);
  const planName = nodePath.basename(c.program.root);
  if (c.errors > 0) {
    const errors = c.diagnostics.filter((d) => d.severity === "error");
    return { kind: "problems", title: `Handbook: ${planName} (errors)`, html: problemsPage(c, errors), files, errors };
  }
  if (!c.model) {
    const message = `${planName} declares no plan block, so it has no handbook: preview the file with the 'plan' block, which imports this one`;
    return { kind: "no-plan", title: `Handbook: ${planName}`, html: messagePage("No plan in this file", message), files, message };
  }
  const out = handbookGenerator(c.model, { lang: outputLanguage(c, lang), dialects: [] });
  const page = out.find((f) => f.path === "handbook.html");
  if (!page) throw new Error("the handbook generator wrote no handbook.html");
  return { kind: "handbook", title: `Handbook: ${c.model.name}`, html: forWebview(page.content), files };
}

// The handbook is self-contained (inline style, no scripts, no remote
// resources); the policy makes the webview hold it to that.
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:;">`;

export function forWebview(html: string): string {
  return /<head>/i.test(html) ? html.replace(/<head>/i, (h) => `${h}\n${CSP}`) : `${CSP}\n${html}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const PAGE_STYLE = `body{font-family:var(--vscode-font-family,sans-serif);color:var(--vscode-foreground,#222);background:var(--vscode-editor-background,#fff);padding:1em 2em;max-width:60em}
pre{font-family:var(--vscode-editor-font-family,monospace);background:var(--vscode-textCodeBlock-background,#f4f4f4);padding:.6em .8em;overflow-x:auto;white-space:pre}
h1{font-size:1.4em}`;

function page(title: string, body: string): string {
  return forWebview(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`,
  );
}

function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** The errors that stop the handbook, each with its place, source line, caret and hint. */
export function problemsPage(c: Compilation, errors: Diagnostic[]): string {
  const root = c.program.root;
  const n = errors.length;
  const heading = `The plan has ${n} error${n === 1 ? "" : "s"}: the handbook is shown when they are fixed`;
  const items = errors.map((d) => {
    const rel = nodePath.relative(nodePath.dirname(root), d.file) || nodePath.basename(d.file);
    const rendered = renderDiagnostic(d, c.program.byPath.get(d.file));
    // renderDiagnostic names the file as the terminal sees it; here it is named relative to the plan.
    const body = rendered.split("\n").slice(1).join("\n");
    const head = `${rel}:${d.range.start.line}:${d.range.start.column}: error ${d.code} ${d.message}`;
    return `<pre>${escapeHtml(head)}${body ? "\n" + escapeHtml(body) : ""}</pre>`;
  });
  return page(heading, `<h1>${escapeHtml(heading)}</h1>\n${items.join("\n")}\n<p>Save the plan after a fix and this page refreshes.</p>`);
}

/** `out/${plan}` beside the plan, unless the setting names another folder (relative to the plan's folder, or absolute). */
export function defaultOutputFolder(planPath: string, planName: string, template = "out/${plan}"): string {
  const folder = template.replace(/\$\{plan\}/g, planName);
  return nodePath.resolve(nodePath.dirname(nodePath.resolve(planPath)), folder);
}

/** The dialects a setting lists, or the reason it is not usable. */
export function parseDialectSetting(value: unknown): DialectName[] | string {
  const list = Array.isArray(value) ? value : [];
  const bad = list.filter((d) => !(DIALECT_NAMES as unknown[]).includes(d));
  if (bad.length) return `isu.build.dialects: unknown dialect ${bad.map((b) => `'${String(b)}'`).join(", ")}; use ${DIALECT_NAMES.join(", ")}`;
  const names = [...new Set(list as DialectName[])];
  return names.length ? names : [...DIALECT_NAMES];
}

/**
 * Writes every output of a plan that compiled clean into dir, as one set:
 * the same library function as `isu build` (compiler/build/build-plan.ts).
 */
export async function buildPlanOutputs(c: Compilation, dir: string, opts: { lang: OutputLanguage; dialects: DialectName[] }, progress: (s: string) => void = () => {}): Promise<BuildResult> {
  const ready = planBuild(c, { lang: outputLanguage(c, opts.lang), dialects: opts.dialects });
  if (ready.kind !== "ready") throw new Error(ready.kind === "errors" ? `the plan has ${ready.errors} error${ready.errors === 1 ? "" : "s"}` : ready.message);
  for (const w of ready.warnings) progress(`warning: ${w}`);
  return buildOutputs(ready, dir, progress);
}
