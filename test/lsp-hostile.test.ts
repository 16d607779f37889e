// The language server against hostile use of its protocol: requests before
// `initialize`, spoken as raw JSON-RPC frames with no client library in
// between. Memory under large documents opened and closed in a loop, and a
// document too large to analyse, are test/lsp-memory.test.ts's.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, uriOf } from "./support/lsp-client.js";

const root = path.resolve(__dirname, "..");
const SERVER_NOT_INITIALIZED = -32002;
const METHOD_NOT_FOUND = -32601;

beforeAll(() => ensureBuilt(root), 240_000);

/** The server spoken to in raw frames: `Content-Length: n\r\n\r\n{json}`. */
class RawServer {
  readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  readonly messages: { id?: number; method?: string; result?: unknown; error?: { code: number; message: string } }[] = [];
  private waiters: (() => void)[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [path.join(root, "bin/isu.js"), "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout!.on("data", (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const head = this.buffer.indexOf("\r\n\r\n");
        if (head < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString("ascii"))?.[1]);
        if (this.buffer.length < head + 4 + length) break;
        this.messages.push(JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString("utf8")));
        this.buffer = this.buffer.subarray(head + 4 + length);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  /** The response to request `id`, when it comes. */
  async response(id: number, timeoutMs = 20_000): Promise<(typeof this.messages)[number]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.messages.find((x) => x.id === id && x.method === undefined);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no response to request ${id}; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 200);
      });
    }
  }

  /** Resolves when the process has exited, with its exit code. */
  exit(): Promise<number | null> {
    if (this.proc.exitCode !== null) return Promise.resolve(this.proc.exitCode);
    return new Promise((res) => this.proc.once("exit", (code) => res(code)));
  }
}

describe("requests before initialize", () => {
  let server: RawServer;
  afterAll(() => {
    if (server?.proc.exitCode === null) server.proc.kill();
  });

  it("are answered ServerNotInitialized (-32002), notifications dropped, and the server works after initialize", async () => {
    server = new RawServer();
    const uri = uriOf(path.join(root, "test/fixtures/lsp/plan.isu"));
    const text = fs.readFileSync(path.join(root, "test/fixtures/lsp/plan.isu"), "utf8");
    const position = { line: 0, character: 6 };
    // A notification before initialize is dropped: the document is not open afterwards.
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "isu", version: 1, text } } });
    server.send({ id: 1, method: "textDocument/hover", params: { textDocument: { uri }, position } });
    server.send({ id: 2, method: "textDocument/documentSymbol", params: { textDocument: { uri } } });
    server.send({ id: 3, method: "workspace/symbol", params: { query: "" } });
    server.send({ id: 4, method: "isu/no-such-method", params: {} });
    server.send({ id: 5, method: "shutdown" });
    for (const id of [1, 2, 3, 4, 5]) {
      const r = await server.response(id);
      expect(r.result, `request ${id}`).toBeUndefined();
      expect(r.error?.code, `request ${id}: ${JSON.stringify(r)}`).toBe(SERVER_NOT_INITIALIZED);
      expect(r.error?.message).toMatch(/not initialized.*send 'initialize' first/);
    }
    expect(server.messages.filter((m) => m.method === "textDocument/publishDiagnostics")).toEqual([]);

    server.send({ id: 6, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } });
    const init = await server.response(6);
    expect(init.error).toBeUndefined();
    expect((init.result as { capabilities: { hoverProvider?: boolean } }).capabilities.hoverProvider).toBe(true);
    server.send({ method: "initialized", params: {} });

    // The early didOpen was dropped, so the document is unknown until opened now.
    server.send({ id: 7, method: "textDocument/documentSymbol", params: { textDocument: { uri } } });
    expect((await server.response(7)).result).toEqual([]);
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "isu", version: 1, text } } });
    server.send({ id: 8, method: "textDocument/documentSymbol", params: { textDocument: { uri } } });
    const symbols = (await server.response(8)).result as { name: string }[];
    expect(symbols.length).toBeGreaterThan(0);
    server.send({ id: 9, method: "isu/no-such-method", params: {} });
    expect((await server.response(9)).error?.code).toBe(METHOD_NOT_FOUND);

    server.send({ id: 10, method: "shutdown" });
    const down = await server.response(10);
    expect(down.error).toBeUndefined();
    expect(down.result).toBeNull();
    server.send({ method: "exit" });
    expect(await server.exit()).toBe(0);
  }, 60_000);
});
