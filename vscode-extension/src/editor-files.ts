// Which plan a command works on, and the editor's view of files (unsaved buffers first).
import * as nodePath from "node:path";
import { window, workspace, type TextDocument, type Uri } from "vscode";
import type { OpenText } from "./plan-outputs.js";

/** Open .isu buffers by absolute path, so compiling sees unsaved edits in imported files too. */
export const openText: OpenText = (path) => {
  const wanted = nodePath.resolve(path);
  const doc = workspace.textDocuments.find((d) => d.uri.scheme === "file" && nodePath.resolve(d.uri.fsPath) === wanted);
  return doc?.getText();
};

export function isIsuDocument(doc: TextDocument): boolean {
  return doc.languageId === "isu" || doc.uri.fsPath.toLowerCase().endsWith(".isu");
}

/**
 * The plan a command is about: the file it was invoked on (explorer, editor
 * title) or the active editor's. Undefined, with a message shown, when there is none.
 */
export async function planDocument(commandName: string, uri?: Uri): Promise<TextDocument | undefined> {
  if (uri) return workspace.openTextDocument(uri);
  const doc = window.activeTextEditor?.document;
  if (doc && isIsuDocument(doc)) return doc;
  void window.showErrorMessage(`ISU: ${commandName} works on an .isu plan: open the plan's file (the one with the 'plan' block) and run the command again.`);
  return undefined;
}
