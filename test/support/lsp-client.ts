// A small LSP client for tests and the bench: it starts `node bin/isu.js lsp
// --stdio` and speaks JSON-RPC with it over the child's stdin and stdout, the
// way an editor does. (Messages go by method name: the protocol package's
// typed message objects belong to another vscode-jsonrpc version than the
// connection's.) Published diagnostics are recorded per URI so a test can
// wait for the ones it expects.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol";

export const uriOf = (file: string): string => pathToFileURL(path.resolve(file)).href;

/** The newest modification time of the .ts files under these folders. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return newest;
}

/**
 * Compiles the project to dist/ when the CLI or the server there is older than
 * the sources. tsc still writes output when files elsewhere have type errors,
 * so only a missing output fails.
 */
export function ensureBuilt(root: string): void {
  const outputs = ["dist/cli/main.js", "dist/lsp/server.js"].map((f) => path.join(root, f));
  const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  if (built >= newestSource(["grammar", "compiler", "lsp", "cli"].map((d) => path.join(root, d)))) return;
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", root], { cwd: root, encoding: "utf8" });
  for (const f of outputs) if (!fs.existsSync(f)) throw new Error(`building the project failed (${f} is missing):\n${r.stdout}${r.stderr}`);
}

export interface StartOptions {
  root: string;
  env?: Record<string, string>;
  /** Arguments after `isu lsp` (default: --stdio). */
  args?: string[];
}

export class LspClient {
  private diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private exited = false;
  stderr = "";

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
  ) {
    conn.onNotification(PublishDiagnosticsNotification.method, (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    proc.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    proc.on("exit", () => (this.exited = true));
  }

  static start(opts: StartOptions): LspClient {
    const proc = spawn(process.execPath, [path.join(opts.root, "bin/isu.js"), "lsp", ...(opts.args ?? ["--stdio"])], {
      cwd: opts.root,
      env: { ...process.env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    return new LspClient(proc, conn);
  }

  get alive(): boolean {
    return !this.exited;
  }

  async initialize(workspace?: string): Promise<InitializeResult> {
    const result = (await this.conn.sendRequest(InitializeRequest.method, {
      processId: process.pid,
      rootUri: workspace ? uriOf(workspace) : null,
      workspaceFolders: workspace ? [{ uri: uriOf(workspace), name: path.basename(workspace) }] : null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: false } },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
        },
        workspace: { workspaceFolders: true },
      },
    })) as InitializeResult;
    await this.conn.sendNotification(InitializedNotification.method, {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: "isu", version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.method, { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** Every diagnostics notification received for the URI, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** The latest diagnostics for the URI that satisfy `pred`, now or when they arrive. */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    const latest = this.published(uri).at(-1);
    if (latest && pred(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms (received ${this.published(uri).length}); server stderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ uri, pred, resolve: done });
    });
  }

  /** The next diagnostics for the URI, whatever they say. */
  nextDiagnostics(uri: string, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    const seen = this.published(uri).length;
    return this.waitForDiagnostics(uri, () => this.published(uri).length > seen, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((res) => this.proc.once("exit", () => res()));
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.method), new Promise((res) => setTimeout(res, 5000))]);
      await this.conn.sendNotification(ExitNotification.method);
    } catch {
      // The connection may already be closed.
    }
    const timer = setTimeout(() => this.proc.kill(), 5000);
    await gone;
    clearTimeout(timer);
    this.conn.dispose();
  }
}
