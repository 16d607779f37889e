// Go to definition: from a name, a value code or an import to where it is declared.
import type { Location } from "vscode-languageserver/node.js";
import { declarationOf, occurrences } from "./occurrences.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

export function definition(ws: Workspace, path: string, offset: number): Location | null {
  const o = occurrences(ws.resolution(path)).at(path, offset);
  if (!o) return null;
  if (o.target.kind === "import") {
    return { uri: ws.uriOf(o.target.target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  const d = declarationOf(o.target);
  return d ? { uri: ws.uriOf(d.file), range: toLspRange(d.range) } : null;
}
