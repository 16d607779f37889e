// Bench section: the language server over its real protocol (`isu lsp
// --stdio`), as figures only: edit → published diagnostics on a generated
// 5,000-line plan, completion latency, a few other requests, and formatting
// of the 10,000-line plan.
import * as fs from "node:fs";
import * as path from "node:path";
import type { CompletionItem, TextEdit } from "vscode-languageserver-protocol";
import { LspClient, uriOf } from "../../support/lsp-client.js";
import { generatePlan } from "../generate-plan.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function run({ root, tmp, bigPlan }: { root: string; tmp: string; bigPlan: string }): Promise<void> {
  const client = LspClient.start({ root });
  try {
    await client.initialize();
    const file = path.join(tmp, "lsp5k.isu");
    const text = generatePlan(5_000);
    fs.writeFileSync(file, text);
    const uri = uriOf(file);
    const lines = text.split("\n");

    let t0 = performance.now();
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
    console.log(`lsp: open a generated plan of ${lines.length - 1} lines → diagnostics: ${ms(performance.now() - t0)} (${first.diagnostics.length} diagnostics)`);

    // Edits: a label changed in the middle of the file; every other one breaks a name.
    const target = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith("  count typ"));
    const original = lines[target]!;
    const edits = 25;
    const times: number[] = [];
    let version = 1;
    for (let i = 0; i < edits; i++) {
      const replacement = i % 2 ? original : original.replace("count typ", "count tyq");
      version++;
      t0 = performance.now();
      await client.change(uri, version, [{ range: { start: { line: target, character: 0 }, end: { line: target, character: lines[target]!.length } }, text: replacement }]);
      lines[target] = replacement;
      const v = version;
      await client.waitForDiagnostics(uri, (p) => p.version === v, 120_000);
      times.push(performance.now() - t0);
    }
    console.log(
      `lsp: didChange → publishDiagnostics, ${lines.length - 1}-line plan: median ${ms(median(times))}, min ${ms(Math.min(...times))} (${edits} edits, each awaited; includes the ${process.env["ISU_LSP_DEBOUNCE_MS"] ?? 10} ms debounce)`,
    );

    // Edits that leave a syntax error (a brace removed, then put back): the whole text is parsed again.
    const braceLine = lines.findIndex((l, i) => i > target && l === "}");
    const broken: number[] = [];
    for (let i = 0; i < 20; i++) {
      const replacement = i % 2 ? "}" : "";
      version++;
      t0 = performance.now();
      await client.change(uri, version, [{ range: { start: { line: braceLine, character: 0 }, end: { line: braceLine, character: lines[braceLine]!.length } }, text: replacement }]);
      lines[braceLine] = replacement;
      const v = version;
      const d = await client.waitForDiagnostics(uri, (p) => p.version === v, 120_000);
      if (i % 2 === 0 && !d.diagnostics.some((x) => x.code === "ISU0001")) throw new Error("the edit should have left a syntax error");
      broken.push(performance.now() - t0);
    }
    console.log(`lsp: didChange → publishDiagnostics, alternately breaking and mending the syntax: median ${ms(median(broken))}, min ${ms(Math.min(...broken))} (20 edits)`);

    // Completion after `count ` (variables of the right kind) and after `=` in a where.
    const countAt = { line: target, character: "  count ".length };
    const whereLine = lines.findIndex((l, i) => i > target && l.includes("where alder >= 18 and kon in ("));
    const whereAt = { line: whereLine, character: lines[whereLine]!.indexOf("kvinna") };
    const complete = (position: { line: number; character: number }) => client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position });
    const warm: number[] = [];
    let items = 0;
    for (let i = 0; i < 20; i++) {
      t0 = performance.now();
      items = (await complete(i % 2 ? whereAt : countAt)).length;
      warm.push(performance.now() - t0);
    }
    console.log(`lsp: completion (program already resolved): median ${ms(median(warm))}, min ${ms(Math.min(...warm))} (20 requests; ${items} items at the last)`);

    // Completion straight after an edit: the server resolves the new text first (no checks).
    const cold: number[] = [];
    for (let i = 0; i < 10; i++) {
      version++;
      const replacement = i % 2 ? original : original + " ";
      await client.change(uri, version, [{ range: { start: { line: target, character: 0 }, end: { line: target, character: lines[target]!.length } }, text: replacement }]);
      lines[target] = replacement;
      t0 = performance.now();
      await complete(countAt);
      cold.push(performance.now() - t0);
      // Let that edit's check finish, so the next completion does not wait behind it.
      const v = version;
      await client.waitForDiagnostics(uri, (p) => p.version === v, 120_000);
    }
    console.log(`lsp: completion right after an edit (parse + resolve of the new text, before its check): median ${ms(median(cold))}, min ${ms(Math.min(...cold))} (10 requests)`);

    for (const [name, method, params] of [
      ["hover", "textDocument/hover", { textDocument: { uri }, position: { line: target, character: "  count t".length } }],
      [
        "references",
        "textDocument/references",
        { textDocument: { uri }, position: { line: lines.findIndex((l) => l.startsWith("variable kon ")), character: 10 }, context: { includeDeclaration: true } },
      ],
      ["semantic tokens", "textDocument/semanticTokens/full", { textDocument: { uri } }],
      ["document symbols", "textDocument/documentSymbol", { textDocument: { uri } }],
      ["folding", "textDocument/foldingRange", { textDocument: { uri } }],
    ] as const) {
      const ts: number[] = [];
      for (let i = 0; i < 7; i++) {
        t0 = performance.now();
        await client.request(method, params);
        ts.push(performance.now() - t0);
      }
      console.log(`lsp: ${name}, ${lines.length - 1}-line plan: median ${ms(median(ts))} (7 requests)`);
    }
    await client.close(uri);

    // Formatting the 10,000-line plan through the server.
    const bigUri = uriOf(bigPlan);
    const big = fs.readFileSync(bigPlan, "utf8");
    await client.open(bigUri, big);
    await client.waitForDiagnostics(bigUri, (p) => p.version === 1, 120_000);
    const fmt: number[] = [];
    let edited = 0;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      const out = await client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri: bigUri }, options: { tabSize: 2, insertSpaces: true } });
      fmt.push(performance.now() - t0);
      edited = out?.length ?? -1;
    }
    console.log(
      `lsp: formatting, ${big.split("\n").length - 1}-line plan: median ${ms(median(fmt))}, min ${ms(Math.min(...fmt))} (5 requests; ${edited < 0 ? "formatter unavailable" : edited ? "one whole-document edit" : "already formatted"})`,
    );
    await client.close(bigUri);
  } finally {
    await client.stop();
  }
}
