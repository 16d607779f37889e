// Starts the bundled ISU language server (dist/server.js) and connects to it over stdio.
import type { ExtensionContext } from "vscode";
import { workspace } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "isu" },
      { scheme: "untitled", language: "isu" },
    ],
    // Imported files that are not open still change on disk (git checkout, another editor).
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.isu") },
    outputChannelName: "ISU Language Server",
  };
  // The id "isu" is what makes the `isu.trace.server` setting apply to this client.
  return new LanguageClient("isu", "ISU Language Server", serverOptions, clientOptions);
}
