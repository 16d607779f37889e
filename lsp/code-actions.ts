// Code actions: every fix a check attached to a diagnostic, offered as a quick
// fix. The edits may reach other files (a value added to a value set in an
// imported module): the workspace edit carries changes per URI.
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from "vscode-languageserver/node.js";
import { diagnosticsFor, toLspDiagnostic } from "./diagnostics.js";
import { overlaps, toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

export function codeActions(ws: Workspace, path: string, range: Range, only?: string[]): CodeAction[] {
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + ".") || k === CodeActionKind.Empty)) return [];
  const out: CodeAction[] = [];
  for (const d of diagnosticsFor(ws, path)) {
    if (!d.fixes?.length || !overlaps(d.range, range)) continue;
    const diagnostic = toLspDiagnostic(d);
    for (const fix of d.fixes) {
      const changes: Record<string, TextEdit[]> = {};
      for (const e of fix.edits) (changes[ws.uriOf(e.file)] ??= []).push({ range: toLspRange(e.range), newText: e.newText });
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes } };
      if (fix.preferred) action.isPreferred = true;
      out.push(action);
    }
  }
  return out;
}
