// Document formatting through the project's formatter (compiler/format/,
// `formatIsu(text)`). A text with syntax errors is left as it is: the
// formatter refuses it, the syntax error is already a diagnostic, and an
// error box on every format-on-save would only repeat it.
import type { TextEdit } from "vscode-languageserver/node.js";
import { tooLargeReason } from "./limits.js";
import type { Workspace } from "./workspace.js";

type FormatIsu = (text: string) => Promise<string>;

// Loaded on first use: a server that never formats never loads prettier.
let formatter: Promise<FormatIsu | undefined> | undefined;

export function loadFormatter(): Promise<FormatIsu | undefined> {
  formatter ??= import("../compiler/format/index.js").then(
    (m) => (text: string) => m.formatIsu(text),
    () => undefined,
  );
  return formatter;
}

export interface FormatOutcome {
  edits: TextEdit[] | null;
  /** Why nothing was formatted, when that is worth a log line. */
  problem?: string;
}

export async function formatDocument(ws: Workspace, uri: string): Promise<FormatOutcome> {
  const od = ws.byUri(uri);
  if (!od) return { edits: null };
  const tooLarge = ws.tooLarge(od.path);
  if (tooLarge !== undefined) return { edits: null, problem: `not formatted: ${tooLargeReason(tooLarge)}` };
  const format = await loadFormatter();
  if (!format) return { edits: null, problem: "formatting is not available: the formatter (compiler/format) could not be loaded" };
  const text = od.doc.getText();
  const version = od.doc.version;
  let formatted: string;
  try {
    formatted = await format(text);
  } catch (e) {
    return { edits: null, problem: `not formatted: ${(e as Error).message}` };
  }
  // An edit that arrived while formatting makes this result stale.
  if (ws.byUri(uri)?.doc.version !== version) return { edits: null };
  if (formatted === text) return { edits: [] };
  return { edits: [{ range: { start: od.doc.positionAt(0), end: od.doc.positionAt(text.length) }, newText: formatted }] };
}
