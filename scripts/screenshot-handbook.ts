// Renders a plan's handbook.html in headless Chromium and saves a full-page PNG
// for review. Usage:
//   npx tsx scripts/screenshot-handbook.ts <plan.isu> <out.png> [--lang en] [--print] [--slices <px>]
// --print lays the page out as the print style sheet does (A4 media rules).
// --slices also writes out-1.png, out-2.png … of that height, readable at full size.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { compile } from "../compiler/compile.js";
import { handbookGenerator, isHandbookLanguage } from "../compiler/generate/handbook/index.js";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npx tsx scripts/screenshot-handbook.ts <plan.isu> <out.png> [--lang sv|en] [--print] [--slices <px>]\n`);
  process.exit(2);
}

/** Debian's chromium, or whatever `chromium` is on PATH. */
export function findChromium(): string | undefined {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const positional: string[] = [];
  let lang = "sv";
  let print = false;
  let slice = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--lang") lang = args[++i] ?? usage("--lang needs a value");
    else if (a === "--print") print = true;
    else if (a === "--slices") {
      slice = Number(args[++i]);
      if (!Number.isInteger(slice) || slice < 100) usage("--slices needs a height in pixels (at least 100)");
    } else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else positional.push(a);
  }
  const [plan, out] = positional;
  if (!plan || !out) usage("a plan file and an output file are needed");
  if (!isHandbookLanguage(lang)) usage(`--lang must be sv or en, not '${lang}'`);
  if (!fs.existsSync(plan)) usage(`no such file: ${plan}`);

  const compiled = compile(path.resolve(plan));
  if (!compiled.model) {
    const errors = compiled.diagnostics.filter((d) => d.severity === "error");
    for (const d of errors) process.stderr.write(`${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.code} ${d.message}\n`);
    usage(`${plan} does not compile (${errors.length} error${errors.length === 1 ? "" : "s"}); run 'isu check ${plan}' for details`);
  }
  const html = handbookGenerator(compiled.model, { lang, dialects: [] }).find((f) => f.path === "handbook.html")!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-handbook-"));
  const file = path.join(dir, "handbook.html");
  fs.writeFileSync(file, html.content);

  const executablePath = findChromium();
  if (!executablePath) usage("chromium was not found (expected /usr/bin/chromium or `chromium` on PATH)");
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error") process.stderr.write(`console error: ${m.text()}\n`);
    });
    page.on("requestfailed", (r) => process.stderr.write(`request failed: ${r.url()}\n`));
    if (print) await page.emulateMedia({ media: "print" });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: out, fullPage: true });
    process.stdout.write(`wrote ${out}\n`);
    if (slice) {
      const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
      const stem = out.replace(/\.png$/i, "");
      for (let y = 0, n = 1; y < height; y += slice, n++) {
        const part = `${stem}-${n}.png`;
        await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width, height: Math.min(slice, height - y) } });
        process.stdout.write(`wrote ${part}\n`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`screenshot failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
