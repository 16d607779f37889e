// The language server's memory stays bounded (lsp/limits.ts). The real server
// is spawned over stdio, as an editor does: large plans are opened, used
// (diagnostics, semantic tokens, hover, outline) and closed one after another,
// and the server's resident memory (VmRSS of the child) must come back near
// where it started (it ends about 30 MB above it). Before closing released
// anything, every closed 1 MB plan kept about 110 MB: twelve of them ended
// 1.4 GB above the start.
//
// Memory is read after a full garbage collection (the child runs with
// --expose-gc and the test hook isu/test/memory collects): what is measured
// is what the server holds, not garbage V8 has not come to yet. A leak is
// memory a collection cannot free, so the measurement still catches one.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover, Location, SemanticTokens } from "vscode-languageserver-protocol";
import { IncrementalParseCache } from "../lsp/incremental-parse.js";
import { MAX_DOCUMENT_BYTES, TOO_LARGE_CODE } from "../lsp/limits.js";
import { TEST_MEMORY_REQUEST, type TestMemoryReport } from "../lsp/server.js";
import { generatePlan } from "./bench/generate-plan.js";
import { ensureBuilt, LspClient, uriOf } from "./support/lsp-client.js";

const root = path.resolve(__dirname, "..");
const MB = 1024 * 1024;
/** How far above its start the server's resident memory may end. */
const ALLOWED_GROWTH = 150 * MB;

/** The resident memory of a process, in bytes. */
function vmRss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) * 1024;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

let client: LspClient;
let dir: string;
/** The server's resident memory at work, before the large documents. */
let start: number;

beforeAll(async () => {
  ensureBuilt(root);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-lsp-memory-"));
  client = LspClient.start({
    root,
    env: { ISU_LSP_TEST_HOOKS: "1", NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --expose-gc`.trim() },
  });
  await client.initialize(dir);
  // Load every module and warm the parser up first, so the baseline is the server at work, not at birth.
  const warm = await openAndCheck(path.join(dir, "warm.isu"), largePlan(99, 2_000));
  await client.close(warm);
  start = (await held()).vmRss;
}, 240_000);

afterAll(async () => {
  await client?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What the server holds now: collected first, then VmRSS read from /proc. */
async function held(): Promise<TestMemoryReport & { vmRss: number }> {
  const report = await client.request<TestMemoryReport>(TEST_MEMORY_REQUEST, {});
  expect(report.collected, "the server runs with --expose-gc").toBe(true);
  return { ...report, vmRss: vmRss(client.proc.pid!) };
}

/** A large valid plan of its own name, about `lines` lines long. */
function largePlan(i: number, lines: number): string {
  return generatePlan(lines).replace('plan bench "Benchmark"', `plan bench${i} "Benchmark ${i}"`);
}

/** Opens a document and waits for its diagnostics. */
async function openAndCheck(file: string, text: string): Promise<string> {
  const uri = uriOf(file);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  return uri;
}

describe("closing documents releases them", () => {
  it("twelve 1 MB plans opened, used and closed one after another: resident memory returns near its start", async () => {
    const trace: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `large${i}.isu`);
      const text = largePlan(i, 40_000);
      expect(text.length).toBeGreaterThan(MB);
      const uri = await openAndCheck(file, text);
      const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
      expect(tokens.data.length).toBeGreaterThan(100_000);
      const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 6 } });
      expect(JSON.stringify(hover?.contents)).toContain(`bench${i}`);
      const symbols = await client.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri } });
      expect(symbols.length).toBeGreaterThan(1_000);
      await client.close(uri);
      const now = await held();
      trace.push(`${i}: ${mb(now.vmRss)}`);
      // A plan that imports nothing leaves nothing behind once closed.
      expect(now.cachedFiles, "parse cache after closing a plan that imports nothing").toEqual([]);
    }
    const end = await held();
    expect(end.vmRss - start, `resident memory: start ${mb(start)}, after each close ${trace.join(", ")}; heap ${mb(end.heapUsed)}`).toBeLessThan(ALLOWED_GROWTH);
  }, 240_000);

  it("answers promptly afterwards", async () => {
    const file = path.join(dir, "small.isu");
    const uri = await openAndCheck(file, largePlan(7, 200));
    const t0 = Date.now();
    const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 6 } });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(JSON.stringify(hover?.contents)).toContain("bench7");
    await client.close(uri);
  });
});

describe("a document above the size limit", () => {
  it("gets one diagnostic and is not parsed: a 20 MB plan neither aborts the server nor grows it", async () => {
    const file = path.join(dir, "huge.isu");
    const text = largePlan(0, 40_000).repeat(20);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    const uri = await openAndCheck(file, text);
    const diagnostics = client.published(uri).at(-1)!.diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: TOO_LARGE_CODE, source: "isu", range: { start: { line: 0, character: 0 } } });
    expect(diagnostics[0]!.message).toMatch(/not analysed: it is 2\d\.\d MB, and the language server analyses files of at most 4\.0 MB/);
    // Every feature answers, with nothing.
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 6 } })).toBeNull();
    expect((await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } })).data).toEqual([]);
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toBeNull();
    const now = await held();
    // Its text was never parsed: the parse cache holds an empty file for it.
    expect(now.cachedChars).toBe(0);
    expect(now.vmRss - start, `resident memory with the 20 MB document open: ${mb(now.vmRss)} (start ${mb(start)})`).toBeLessThan(ALLOWED_GROWTH + 100 * MB);

    // Cut down below the limit, it is analysed like any other.
    const small = largePlan(3, 200);
    await client.change(uri, 2, [{ text: small }]);
    const again = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(again.diagnostics.map((d) => d.code)).not.toContain(TOO_LARGE_CODE);
    expect(JSON.stringify((await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 6 } }))?.contents)).toContain("bench3");
    await client.close(uri);
    expect(client.alive).toBe(true);
  }, 120_000);

  it("an import of a file above the limit is reported as unreadable, and the file is never parsed", async () => {
    const big = path.join(dir, "big-module.isu");
    const module = 'valueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n}\n';
    fs.writeFileSync(big, module + `/* ${"x".repeat(MAX_DOCUMENT_BYTES)} */\n`);
    const main = path.join(dir, "imports-big.isu");
    const text = 'import "./big-module.isu"\n\nplan p "P" {\n  language sv\n  purpose "Att pröva."\n}\n';
    const uri = await openAndCheck(main, text);
    const d = client
      .published(uri)
      .at(-1)!
      .diagnostics.find((x) => x.code === "ISU0002");
    expect(d?.message ?? "", JSON.stringify(client.published(uri).at(-1))).toMatch(/larger than the 4\.0 MB the language server analyses/);
    expect((await held()).cachedFiles).toEqual([main]);
    await client.close(uri);
  });
});

describe("what stays cached", () => {
  it("a closed file stays only while an open document imports it; a workspace file looked through for references does not stay", async () => {
    const fixtures = path.join(root, "test/fixtures/lsp");
    const ws = path.join(dir, "ws");
    fs.mkdirSync(ws);
    const plan = path.join(ws, "plan.isu");
    const shared = path.join(ws, "gemensam.isu");
    const other = path.join(ws, "other.isu");
    fs.copyFileSync(path.join(fixtures, "plan.isu"), plan);
    fs.copyFileSync(path.join(fixtures, "gemensam.isu"), shared);
    fs.writeFileSync(other, 'import "./gemensam.isu"\n\nvariable annan "Annan" : kon at start\n');

    const planUri = await openAndCheck(plan, fs.readFileSync(plan, "utf8"));
    const sharedUri = await openAndCheck(shared, fs.readFileSync(shared, "utf8"));
    expect((await held()).cachedFiles.sort()).toEqual([shared, plan].sort());

    // Closed but imported by the open plan: kept, and read from the disk from now on.
    await client.close(sharedUri);
    expect((await held()).cachedFiles.sort()).toEqual([shared, plan].sort());

    // References to a value set of the shared file look through other.isu too, which is then dropped.
    const line = fs
      .readFileSync(plan, "utf8")
      .split("\n")
      .findIndex((l) => l.startsWith('variable kon "Kön" : kon'));
    const refs = await client.request<Location[]>("textDocument/references", {
      textDocument: { uri: planUri },
      position: { line, character: 'variable kon "Kön" : '.length + 1 },
      context: { includeDeclaration: true },
    });
    expect(refs.map((r) => r.uri)).toContain(uriOf(other));
    expect((await held()).cachedFiles.sort()).toEqual([shared, plan].sort());

    // Nothing open: nothing kept.
    await client.close(planUri);
    expect((await held()).cachedFiles).toEqual([]);
  });
});

describe("the parse cache's limits (lsp/incremental-parse.ts)", () => {
  const module = (i: number, pad = 0) => `valueset v${i} "V${i}" {\n  a "A"\n}\n${"// x\n".repeat(pad)}`;

  it("keeps at most maxFiles closed files, the least recently used out first; open files are never evicted", () => {
    const open = new Set(["/w/open.isu"]);
    const cache = new IncrementalParseCache({ isOpen: (p) => open.has(p), maxFiles: 3, maxChars: 1_000_000 });
    cache.get("/w/open.isu", module(0));
    for (let i = 1; i <= 3; i++) cache.get(`/w/m${i}.isu`, module(i));
    cache.get("/w/m1.isu", module(1)); // used again: now the newest
    cache.get("/w/m4.isu", module(4));
    expect(cache.cachedPaths()).toEqual(["/w/open.isu", "/w/m3.isu", "/w/m1.isu", "/w/m4.isu"]);
    // A hit returns the same parse; a changed text is parsed again.
    expect(cache.get("/w/m4.isu", module(4))).toBe(cache.get("/w/m4.isu", module(4)));
    expect(cache.get("/w/m4.isu", module(5)).ast.declarations[0]).toMatchObject({ kind: "Valueset", name: { text: "v5" } });
  });

  it("keeps at most maxChars of closed files' source; a file larger than that alone is not kept", () => {
    const cache = new IncrementalParseCache({ isOpen: () => false, maxFiles: 100, maxChars: 2_000 });
    for (let i = 1; i <= 4; i++) cache.get(`/w/m${i}.isu`, module(i, 100)); // about 530 characters each
    expect(cache.cachedPaths()).toEqual(["/w/m2.isu", "/w/m3.isu", "/w/m4.isu"]);
    expect(cache.cachedChars()).toBeLessThanOrEqual(2_000);
    const big = cache.get("/w/big.isu", module(9, 1_000));
    expect(big.ast.declarations).toHaveLength(1);
    expect(cache.cachedPaths()).not.toContain("/w/big.isu");
  });

  it("retain() drops the closed files it is not told to keep; open files stay whatever it is told", () => {
    const open = new Set(["/w/a.isu", "/w/b.isu", "/w/c.isu"]);
    const cache = new IncrementalParseCache({ isOpen: (p) => open.has(p) });
    const text = generatePlan(400);
    for (const p of open) cache.get(p, text);
    for (const p of ["/w/a.isu", "/w/b.isu"]) {
      open.delete(p);
      cache.release(p);
    }
    expect(cache.cachedPaths()).toEqual(["/w/a.isu", "/w/b.isu", "/w/c.isu"]);
    cache.retain(new Set(["/w/b.isu"]));
    expect(cache.cachedPaths()).toEqual(["/w/b.isu", "/w/c.isu"]);
  });
});
