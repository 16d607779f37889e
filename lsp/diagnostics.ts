// Diagnostics: the compiler's, mapped to the protocol and published per file.
//
// Every open document is checked as a root. A file's diagnostics come from the
// open documents that import it (the plan gives a module its context: which
// variables are used, which values are mapped), or from its own check when no
// open document imports it. Checks run after a short pause in typing; a new
// edit reschedules them, and a run that finds newer edits waiting stops, so
// results for an older text are never published.
import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node.js";
import type { Diagnostic } from "../compiler/syntax/diagnostic.js";
import { megabytes, MAX_DOCUMENT_BYTES, TOO_LARGE_CODE } from "./limits.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Codes whose subject is dead weight; editors fade it. */
const UNNECESSARY = new Set(["ISU0601"]);

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "isu",
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    data: { rule: d.rule },
  };
  if (UNNECESSARY.has(d.code)) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

/** The diagnostics located in a file, from the roots that give it its context. */
export function diagnosticsFor(ws: Workspace, path: string): Diagnostic[] {
  const tooLarge = ws.tooLarge(path);
  if (tooLarge !== undefined) return [tooLargeDiagnostic(path, tooLarge)];
  const importers = ws.openImporters(path);
  const roots = importers.length ? importers : ws.isOpen(path) ? [path] : [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const root of roots) {
    for (const d of ws.compilation(root).diagnostics) {
      if (d.file !== path) continue;
      const key = `${d.range.start.offset}:${d.range.end.offset}:${d.code}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/** The one diagnostic of an open document too large to analyse (lsp/limits.ts). */
export function tooLargeDiagnostic(path: string, bytes: number): Diagnostic {
  const at = { offset: 0, line: 1, column: 1 };
  return {
    file: path,
    range: { start: at, end: at },
    code: TOO_LARGE_CODE,
    rule: TOO_LARGE_CODE,
    severity: "warning",
    message: `This file is not analysed: it is ${megabytes(bytes)}, and the language server analyses files of at most ${megabytes(MAX_DOCUMENT_BYTES)}.`,
    hint: "split the plan into files that import each other, or check it with `isu check`",
  };
}

export interface PublisherOptions {
  /** Pause after the last edit before checking, in ms. */
  delay: number;
}

export class DiagnosticsPublisher {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** What was last published per file path, so unchanged files are not re-sent. */
  private published = new Map<string, { json: string; version?: number }>();
  /** Files each root's check published to, so a closed root's files can be cleared. */
  private filesOf = new Map<string, Set<string>>();

  constructor(
    private readonly ws: Workspace,
    private readonly connection: Connection,
    private readonly options: PublisherOptions,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Re-check these roots (open documents) after the pause; earlier scheduled work is merged in. */
  schedule(roots: Iterable<string>): void {
    for (const r of roots) this.pending.add(r);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.options.delay);
  }

  /** A changed file: itself and every open document whose program includes it. */
  scheduleFor(path: string): void {
    this.schedule([path, ...this.ws.openImporters(path)].filter((p) => this.ws.isOpen(p)));
  }

  /** Every open document (a file appeared, disappeared or changed on disk). */
  scheduleAll(): void {
    this.schedule(this.ws.openDocuments().map((d) => d.path));
  }

  /** A document was closed: clear what only it had published. */
  closed(path: string): void {
    this.pending.delete(path);
    const files = this.filesOf.get(path) ?? new Set<string>();
    this.filesOf.delete(path);
    files.add(path);
    for (const f of files) this.publish(f);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    // A pass in progress picks new work up when it next yields.
    if (this.running) return;
    this.running = true;
    const touched = new Set<string>();
    try {
      while (this.pending.size) {
        const root = this.pending.values().next().value as string;
        // Let incoming edits in before each root: they join `pending`, and the
        // root they touch is checked on its newest text.
        await new Promise((res) => setImmediate(res));
        if (!this.pending.delete(root) || !this.ws.isOpen(root)) continue;
        const before = this.filesOf.get(root) ?? new Set<string>();
        const c = this.ws.compilation(root);
        const now = new Set<string>(c.program.byPath.keys());
        this.filesOf.set(root, now);
        for (const f of before) touched.add(f);
        for (const f of now) touched.add(f);
      }
      // Nothing is waiting: every compilation used below is of the current texts.
      for (const f of touched) this.publish(f);
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = false;
      if (this.pending.size && !this.timer) this.timer = setTimeout(() => void this.run(), this.options.delay);
    }
  }

  /**
   * Sends a file's diagnostics when they changed, and for an open document
   * whenever its version did (the client learns that this version was checked).
   */
  private publish(path: string): void {
    const od = this.ws.openDocuments().find((d) => d.path === path);
    const diags = diagnosticsFor(this.ws, path).map(toLspDiagnostic);
    const json = JSON.stringify(diags);
    const last = this.published.get(path);
    if (last && last.json === json && last.version === od?.doc.version) return;
    if (!last && !od && diags.length === 0) return;
    void this.connection.sendDiagnostics(od ? { uri: od.uri, version: od.doc.version, diagnostics: diags } : { uri: this.ws.uriOf(path), diagnostics: diags });
    if (!od && diags.length === 0) this.published.delete(path);
    else this.published.set(path, { json, ...(od ? { version: od.doc.version } : {}) });
  }
}
