// The ISU extension: starts the language server and registers the commands
// "ISU: Preview handbook", "ISU: Build outputs" and "ISU: Restart language server".
import { commands, window, type ExtensionContext, type Uri } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { buildOutputsCommand } from "./build-outputs.js";
import { planDocument } from "./editor-files.js";
import { HandbookPreview } from "./handbook-preview.js";
import { createLanguageClient } from "./language-client.js";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const preview = new HandbookPreview();
  context.subscriptions.push(
    preview,
    commands.registerCommand("isu.previewHandbook", async (uri?: Uri) => {
      const doc = await planDocument("Preview handbook", uri);
      if (doc) preview.show(doc);
    }),
    commands.registerCommand("isu.buildOutputs", (uri?: Uri) => buildOutputsCommand(uri)),
    commands.registerCommand("isu.restartServer", async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
  );
  await startClient(context);
}

/** Starts the server; a failure is shown, and the commands that do not need the server keep working. */
async function startClient(context: ExtensionContext): Promise<void> {
  try {
    client = createLanguageClient(context);
    await client.start();
  } catch (e) {
    client = undefined;
    void window.showErrorMessage(`ISU: the language server did not start: ${(e as Error).message}. See the "ISU Language Server" output for details.`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
