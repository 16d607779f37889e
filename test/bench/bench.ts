// `npm run bench`: timings printed as figures; no thresholds here (targets
// are in the issues and the closing notes, never in unit tests).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../compiler/compile.js";
import { generatePlan } from "./generate-plan.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-bench-"));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(runs: number, f: () => T): { median: number; min: number; last: T } {
  const ts: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = f();
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts), last };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

console.log(`ISU benchmark — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`);
console.log("");

// 1. Parse + check of a generated 10,000-line plan.
const big = path.join(tmp, "bench10k.isu");
fs.writeFileSync(big, generatePlan(10_000));
const bigLines = fs.readFileSync(big, "utf8").split("\n").length - 1;
compile(big); // warm-up (JIT, parser self-analysis)
const check = time(7, () => compile(big));
console.log(`parse+check, generated plan of ${bigLines} lines: median ${fmt(check.median)}, min ${fmt(check.min)} (7 runs; ${check.last.errors} errors, ${check.last.warnings} warnings)`);
if (global.gc) global.gc();
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`heap after checking it: ${heap.toFixed(0)} MiB`);

// 2. Every example plan.
const examples = fs.existsSync(path.join(root, "examples"))
  ? fs
      .readdirSync(path.join(root, "examples"))
      .filter((f) => f.endsWith(".isu"))
      .sort()
  : [];
for (const f of examples) {
  const p = path.join(root, "examples", f);
  const lines = fs.readFileSync(p, "utf8").split("\n").length;
  const r = time(20, () => compile(p));
  console.log(`parse+check ${f} (${lines} lines): median ${fmt(r.median)}, min ${fmt(r.min)} (20 runs)`);
}

// Further sections (build, queries, language server) register themselves here.
const extras = path.join(path.dirname(fileURLToPath(import.meta.url)), "sections");
if (fs.existsSync(extras)) {
  for (const f of fs
    .readdirSync(extras)
    .filter((x) => x.endsWith(".ts"))
    .sort()) {
    console.log("");
    const mod = (await import(path.join(extras, f))) as { run(ctx: { root: string; tmp: string; bigPlan: string }): Promise<void> };
    await mod.run({ root, tmp, bigPlan: big });
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
