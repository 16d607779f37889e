// `isu lsp --stdio`: the language server, for editors. The server picks its
// transport from the command line (--stdio, --node-ipc, --socket=<port>);
// with none given it talks over stdin and stdout.
import type { Command } from "commander";

const TRANSPORTS = ["--stdio", "--node-ipc", "--socket", "--pipe"];

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("start the language server (used by editors such as VS Code)")
    .option("--stdio", "talk over stdin and stdout (the default)")
    .option("--node-ipc", "talk over Node's IPC channel")
    .option("--socket <port>", "talk over a socket on this port")
    // Editors add options of their own (e.g. --clientProcessId=<pid>).
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .addHelpText(
      "after",
      `
The server speaks the Language Server Protocol: diagnostics, completion, hover,
go to definition, references, rename, outline, folding, semantic highlighting,
quick fixes and formatting for .isu plans.

Example (what an editor runs):
  $ isu lsp --stdio`,
    )
    .action(async () => {
      if (!process.argv.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(t + "=")))) process.argv.push("--stdio");
      const { startServer } = await import("../lsp/server.js");
      startServer();
      // The server runs until the client says `exit` (which ends the process).
      await new Promise<never>(() => {});
    });
}
