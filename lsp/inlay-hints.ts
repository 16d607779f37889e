// Inlay hints: the label after each numeric value code used in a group
// mapping or a condition (`= 0, 1` reads `= 0 Inga svårigheter, 1 Lätta
// svårigheter`), so the code needs no trip to its value set. Codes that are
// words already say what they mean and get no hint.
import { InlayHintKind, type InlayHint, type Range } from "vscode-languageserver/node.js";
import { occurrences } from "./occurrences.js";
import { overlaps, toLspPosition } from "./positions.js";
import type { Workspace } from "./workspace.js";

export function inlayHints(ws: Workspace, path: string, range: Range): InlayHint[] {
  const text = ws.text(path) ?? "";
  const out: InlayHint[] = [];
  for (const o of occurrences(ws.resolution(path)).inFile(path)) {
    if (o.declaration || !overlaps(o.range, range)) continue;
    if (!/^-?\d/.test(text.slice(o.range.start.offset, o.range.end.offset))) continue;
    const label = o.target.kind === "value" ? o.target.value.label.text.value : o.target.kind === "entry" ? o.target.entry.label.text.value : undefined;
    if (label) out.push({ position: toLspPosition(o.range.end), label, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return out;
}
