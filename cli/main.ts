// The `isu` command line: thin; it parses arguments and calls the compiler.
import { Command, CommanderError } from "commander";
import { registerBuild } from "./build-command.js";
import { registerCheck } from "./check-command.js";
import { escapeForTerminal } from "../compiler/syntax/hidden-chars.js";
import { fsReason } from "../compiler/semantics/read-file.js";
import { UsageError } from "../compiler/build/usage-error.js";
import { DatabaseError } from "../compiler/data/errors.js";
import { registerFmt } from "./fmt-command.js";
import { registerLsp } from "./lsp-command.js";
import { registerReport } from "./report-command.js";
import { registerSimulate } from "./simulate-command.js";

export function makeProgram(): Command {
  const program = new Command();
  program
    .name("isu")
    .description("The ISU compiler: check follow-up plans (.isu) and generate forms, database schemas, queries and handbooks")
    .version("0.1.0")
    .showHelpAfterError("(run 'isu --help' or 'isu <command> --help' for usage)")
    .exitOverride();
  registerCheck(program);
  registerFmt(program);
  registerBuild(program);
  registerReport(program);
  registerLsp(program);
  registerSimulate(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = makeProgram();
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    // A database the user named that cannot be used as asked (compiler/data/errors.ts) is a usage error too.
    if (e instanceof UsageError || e instanceof DatabaseError) {
      process.stderr.write(`isu: ${escapeForTerminal((e as Error).message)}\n`);
      return 2;
    }
    // A system error (disk full, permissions, a path that vanished) is the file system's, not a bug: exit 2, naming the path.
    const sys = e as NodeJS.ErrnoException;
    if (typeof sys?.code === "string" && typeof sys.syscall === "string") {
      process.stderr.write(`isu: cannot ${sys.syscall}${sys.path ? ` '${escapeForTerminal(sys.path)}'` : ""}: ${escapeForTerminal(fsReason(e))}\n`);
      return 2;
    }
    process.stderr.write(`isu: internal error: ${escapeForTerminal((e as Error).message)}\nPlease report this with the command and the files that caused it.\n`);
    return 70;
  }
}
