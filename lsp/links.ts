// Document links: each import path opens the file it names.
import type { DocumentLink } from "vscode-languageserver/node.js";
import { resolveImportPath } from "../compiler/semantics/program.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

export function documentLinks(ws: Workspace, path: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const d of ws.parsed(path).ast.declarations) {
    if (d.kind !== "Import") continue;
    const target = resolveImportPath(path, d.path.value);
    out.push({ range: toLspRange(d.path.range), target: ws.uriOf(target), tooltip: `open ${d.path.value}` });
  }
  return out;
}
