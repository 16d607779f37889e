// A mutation campaign with hostile text (issue 7): random mixtures of the
// pieces that break SQL scripts, terminals, JSON, HTML and Markdown are put
// (a) into a plan's string literals, through the checker, and (b) into every
// text of a compiled model, past it. Whatever gets through, the outputs must
// hold: the SQLite scripts, applied by better-sqlite3 and (for a sample) the
// real sqlite3 CLI, create only the plan's own objects and write no file;
// every SQL script is free of raw control characters and line separators;
// the JSON outputs parse and carry the texts exactly; the handbook's HTML
// and Markdown have the same elements and links as with plain texts.
// `npm test` runs a fixed seed and count; `npm run fuzz` a longer campaign
// (FUZZ_RUNS, FUZZ_SEED; a random seed, printed, when none is given).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { generateAll } from "../compiler/generate/all.js";
import type { OutputFile } from "../compiler/generate/output.js";
import { tr, type PlanModel } from "../compiler/model/index.js";
import { replaceTexts } from "./support/replace-texts.js";

const root = path.resolve(__dirname, "..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261204;
if (process.env.FUZZ_RUNS) process.stdout.write(`fuzz-hostile: ${RUNS} runs per property, seed ${SEED}\n`);
const TIMEOUT = 60_000 + RUNS * 400;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-fuzz-hostile-"));
const markers = path.join(tmp, "markers");
fs.mkdirSync(markers);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PLAN_FILES = ["test/fixtures/plans/form-enkel.isu", "test/fixtures/plans/q-tidig-insats.isu"].map((f) => path.join(root, f));

/** What breaks out of SQL literals and comments, client meta-commands, JSON, HTML and Markdown. */
const PIECES = [
  "'",
  "''",
  '"',
  "`",
  "--",
  "/*",
  "*/",
  "$$",
  "$q$",
  "\\",
  "\\\\",
  ";",
  ")",
  "(",
  "]",
  "[",
  "\n",
  "\r",
  "\r\n",
  "\u0000",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u000b",
  "\u001b[2J",
  "\u007f",
  "\u202e",
  "\uFEFF",
  "\uD800",
  "😀",
  "\t",
  "\nGO\n",
  "GO",
  "$(ISU)",
  `\n.shell touch ${markers}/dot\n`,
  `\n.system touch ${markers}/dot2\n`,
  `\\! touch ${markers}/psql `,
  `\n:!! touch ${markers}/sqlcmd\n`,
  "'); CREATE TABLE pwned(z); --",
  `'); SELECT writefile('${markers}/w', 'x'); --`,
  "char(0)",
  "NCHAR(10)",
  "</script>",
  "<script>alert(1)</script>",
  "<!--",
  "-->",
  "<img src=x onerror=alert(1)>",
  "&amp;",
  "&#x3c;",
  "]]>",
  "[a](https://e.example)",
  "https://e.example/x",
  "www.e.example",
  "a@e.example",
  "<https://e.example>",
  "|",
  "*",
  "_",
  "#",
  "> ",
  "- ",
  "1. ",
  "~~",
  "![i](x.png)",
];
const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  // A blank text leaves its row out of the handbook: a different shape, not an injection.
  .filter((t) => t.trim() !== "");

const compiled = PLAN_FILES.map((file) => {
  const c = compile(file);
  if (!c.model) throw new Error(`${file} does not compile`);
  return { file, text: fs.readFileSync(file, "utf8"), model: c.model };
});

const opts = (m: PlanModel) => ({ lang: m.language, dialects: ["sqlite", "postgres", "mssql"] as ("sqlite" | "postgres" | "mssql")[] });
const byPath = (files: OutputFile[]) => new Map(files.map((f) => [f.path, f.content]));

/** Objects a SQLite script leaves in a fresh database (better-sqlite3). */
function sqliteObjects(scripts: string[]): string[] {
  const db = new Database(":memory:");
  try {
    for (const s of scripts) db.exec(s);
    return (db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY name").all() as { type: string; name: string }[]).map((r) => `${r.type} ${r.name}`);
  } finally {
    db.close();
  }
}

const hasSqlite3 = spawnSync("sqlite3", ["-version"]).status === 0;
let cliRuns = 0;
/** The same through the real sqlite3 CLI, as a DBA applies the scripts: `sqlite3 db < script`. */
function sqliteCliObjects(scripts: string[]): string[] {
  const db = path.join(tmp, `cli-${cliRuns++}.db`);
  for (const s of scripts) {
    const r = spawnSync("sqlite3", ["-bail", db], { input: s });
    expect(r.status, r.stderr.toString()).toBe(0);
  }
  const r = spawnSync("sqlite3", [db, "SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY name"], { encoding: "utf8" });
  fs.rmSync(db, { force: true });
  return r.stdout.split("\n").filter(Boolean);
}

function strings(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof x === "string") out.add(x);
  else if (Array.isArray(x)) for (const e of x) strings(e, out);
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) strings(v, out.add(k));
  return out;
}

const md = new MarkdownIt({ html: true, linkify: true });
/** The Markdown's structure as GitHub-like rendering sees it: links, raw HTML, images. */
function markdownShape(text: string): Record<string, number> {
  const counts: Record<string, number> = { link_open: 0, html_inline: 0, html_block: 0, image: 0 };
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type in counts) counts[t.type]!++;
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(text, {}));
  return counts;
}
const TAG = /<[a-zA-Z!/?][^>]*>/g;
/** The same elements in the same order; on a difference, the place in both texts. */
function expectSameTags(html: string, plain: string): void {
  const tags = (h: string) => [...h.matchAll(TAG)].map((m) => ({ tag: m[0].replace(/\s.*$/s, "").toLowerCase(), at: m.index! }));
  const [a, b] = [tags(html), tags(plain)];
  let i = 0;
  while (i < a.length && i < b.length && a[i]!.tag === b[i]!.tag) i++;
  if (i === a.length && i === b.length) return;
  const near = (h: string, t: { at: number } | undefined) => JSON.stringify(h.slice(Math.max(0, (t?.at ?? h.length) - 300), (t?.at ?? h.length) + 100));
  expect.fail(`handbook.html differs in shape at element ${i}:\n hostile: ${near(html, a[i])}\n plain:   ${near(plain, b[i])}`);
}

// Raw controls, separators and NEL never reach a SQL script: they are spliced in with char()/chr()/NCHAR().
const RAW_IN_SQL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029]/;

/** Every property of the outputs of a model whose texts may be anything. */
function outputsHold(model: PlanModel, benign: PlanModel, injected: string[], viaCli: boolean): void {
  const files = byPath(generateAll(model, opts(model)));
  const plain = byPath(generateAll(benign, opts(benign)));
  expect([...files.keys()]).toEqual([...plain.keys()]);
  for (const [p, text] of files) if (p.endsWith(".sql")) expect(RAW_IN_SQL.test(text), `${p} carries a raw control character`).toBe(false);
  const sqlite = [files.get("schema.sqlite.sql")!, files.get("queries.sqlite.sql")!];
  const want = sqliteObjects([plain.get("schema.sqlite.sql")!, plain.get("queries.sqlite.sql")!]);
  expect(sqliteObjects(sqlite)).toEqual(want);
  if (viaCli && hasSqlite3) expect(sqliteCliObjects(sqlite)).toEqual(want);
  expect(fs.readdirSync(markers)).toEqual([]);
  for (const [p, text] of files) {
    if (!p.endsWith(".json")) continue;
    expect(text).not.toMatch(/[\u2028\u2029<]/);
    JSON.parse(text);
  }
  const form = strings(JSON.parse(files.get("form.json")!));
  for (const t of injected) expect(form.has(t), JSON.stringify(t)).toBe(true);
  expectSameTags(files.get("handbook.html")!, plain.get("handbook.html")!);
  expect(markdownShape(files.get("handbook.md")!)).toEqual(markdownShape(plain.get("handbook.md")!));
}

/** The variable and value labels of a model: texts form.json must carry exactly. */
const formLabels = (m: PlanModel) => [...m.variables.map((v) => tr(v.label, m.language)), ...m.valuesets.flatMap((vs) => vs.values.map((v) => tr(v.label, m.language)))];

let tried = 0;
let failed = false;
afterAll(() => {
  if (process.env.FUZZ_RUNS) process.stdout.write(`fuzz-hostile: ${tried} hostile inputs tried, ${failed ? "and one broke an output (see above)" : "none got through"}\n`);
});
/** Runs a campaign, noting a failure for the summary. */
function campaign(run: () => void): void {
  try {
    run();
  } catch (e) {
    failed = true;
    throw e;
  }
}

describe("hostile text campaign", () => {
  it(
    "texts put past the checker into every place of a model never break an output",
    () =>
      campaign(() => {
        let run = 0;
        fc.assert(
          fc.property(fc.constantFrom(...compiled), fc.array(hostileText, { minLength: 8, maxLength: 8 }), (p, texts) => {
            tried++;
            // Each text is made unique (the handbook leaves out a definition that repeats its label, say).
            let i = 0;
            const model = replaceTexts(p.model, () => `${texts[i % texts.length]!} T${i++}`);
            // The plain twin keeps each text's whitespace (its paragraphs) and replaces the rest by x.
            let j = 0;
            const benign = replaceTexts(p.model, () => `${texts[j % texts.length]!.replace(/\S/g, "x")} T${j++}`);
            outputsHold(model, benign, formLabels(model), run++ % 15 === 0);
          }),
          { numRuns: RUNS, seed: SEED },
        );
      }),
    TIMEOUT,
  );

  /** A string literal's content, written back as the language escapes it. */
  const literal = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  const LITERAL = /(?<!")"(?:[^"\\\n]|\\.)*"(?!")/g;

  it(
    "texts written into a plan's string literals either stop at the checker or build safe outputs",
    () =>
      campaign(() => {
        let run = 0;
        let built = 0;
        fc.assert(
          fc.property(fc.constantFrom(...compiled), fc.array(fc.tuple(fc.nat(), hostileText), { minLength: 1, maxLength: 5 }), (p, edits) => {
            tried++;
            const spans = [...p.text.matchAll(LITERAL)].map((m) => ({ at: m.index!, len: m[0].length }));
            const chosen = new Map<number, string>();
            for (const [k, t] of edits) chosen.set(k % spans.length, t);
            let text = p.text;
            for (const k of [...chosen.keys()].sort((a, b) => b - a)) {
              const s = spans[k]!;
              text = `${text.slice(0, s.at)}"${literal(chosen.get(k)!)}"${text.slice(s.at + s.len)}`;
            }
            const file = path.join(tmp, `mutant-${path.basename(p.file)}`);
            fs.writeFileSync(file, text);
            const c = compile(file);
            expect(c.diagnostics.filter((d) => d.code === "ISU0000").map((d) => d.message)).toEqual([]);
            if (!c.model) return;
            built++;
            // The twin: the plan as it was, with the warnings the mutant raised (plainly worded), so the handbook's warnings table has the same rows.
            const twin = { ...p.model, openDiagnostics: c.model.openDiagnostics.map((d) => ({ ...d, message: "plain" })) };
            outputsHold(c.model, twin, [], run++ % 15 === 0);
          }),
          { numRuns: RUNS, seed: SEED + 1 },
        );
        // The campaign reaches the generators, not only the checker.
        expect(built).toBeGreaterThan(RUNS / 10);
      }),
    TIMEOUT,
  );
});
