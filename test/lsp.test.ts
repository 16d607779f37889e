// The language server, over its real protocol: `node bin/isu.js lsp --stdio`
// spoken to with JSON-RPC. Expectations come from the compiler itself (the
// same plan compiled in this process): the server must agree with it on
// diagnostics, names, declarations and references, for every example plan
// and the fixtures under test/fixtures/lsp/.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  PublishDiagnosticsParams,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import type * as A from "../compiler/syntax/ast.js";
import { writtenTexts } from "../compiler/syntax/localized-text.js";
import { compile, type Compilation } from "../compiler/compile.js";
import { ALL_KEYWORDS } from "../grammar/keywords.js";
import { parseSource } from "../compiler/syntax/source.js";
import { IncrementalParseCache } from "../lsp/incremental-parse.js";
import { generatePlan } from "./bench/generate-plan.js";
import { ensureBuilt, LspClient, uriOf } from "./support/lsp-client.js";

const root = path.resolve(__dirname, "..");
const fixtures = path.join(root, "test/fixtures/lsp");
const PLAN = path.join(fixtures, "plan.isu");
const MODULE = path.join(fixtures, "gemensam.isu");

// CompletionItemKind, SymbolKind and error codes of the protocol.
const KIND = { Variable: 6, Value: 12, Enum: 13, Keyword: 14, File: 17, EnumMember: 20, Event: 23, Struct: 22 } as const;
const INTERNAL_ERROR = -32603;

const examples = fs
  .readdirSync(path.join(root, "examples"))
  .filter((f) => f.endsWith(".isu"))
  .sort()
  .map((f) => path.join(root, "examples", f));

let client: LspClient;
let init: InitializeResult;

beforeAll(async () => {
  ensureBuilt(root);
  client = LspClient.start({ root, env: { ISU_LSP_TEST_HOOKS: "1" } });
  init = await client.initialize();
}, 240_000);

afterAll(async () => {
  await client?.stop();
});

// ------------------------------------------------------------ helpers

const lsp = (p: A.Position) => ({ line: p.line - 1, character: p.column - 1 });
const read = (f: string) => fs.readFileSync(f, "utf8");
/** The position of a 0-based offset in a text. */
function positionAt(text: string, offset: number): A.Position {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return { offset, line: text.slice(0, lineStart).split("\n").length, column: offset - lineStart + 1 };
}
const keywordSet = new Set<string>(ALL_KEYWORDS);

function complete(uri: string, p: A.Position): Promise<CompletionItem[]> {
  return client.request<CompletionItem[] | { items: CompletionItem[] }>("textDocument/completion", { textDocument: { uri }, position: lsp(p) }).then((r) => (Array.isArray(r) ? r : r.items));
}

function rangeOf(r: A.Range) {
  return { start: lsp(r.start), end: lsp(r.end) };
}

/** Opens a document and waits for its first diagnostics. */
async function openAndCheck(file: string, text = read(file)): Promise<PublishDiagnosticsParams> {
  const uri = uriOf(file);
  await client.open(uri, text);
  return client.waitForDiagnostics(uri, (p) => p.version === 1);
}

/** Decodes semantic tokens into absolute positions with their type and modifier names. */
function decodeTokens(t: SemanticTokens): Map<string, { type: string; mods: string[]; length: number }> {
  const legend = init.capabilities.semanticTokensProvider!.legend;
  const out = new Map<string, { type: string; mods: string[]; length: number }>();
  let line = 0;
  let char = 0;
  for (let i = 0; i < t.data.length; i += 5) {
    const [dl, dc, len, type, mods] = t.data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    char = dl === 0 ? char + dc : dc;
    out.set(`${line}:${char}`, { type: legend.tokenTypes[type]!, mods: legend.tokenModifiers.filter((_, b) => mods & (1 << b)), length: len });
  }
  return out;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((s, e) => s.slice(0, off(e.range.start)) + e.newText + s.slice(off(e.range.end)), text);
}

const SYMBOL_TOKEN: Record<string, string> = { plan: "class", timepoint: "namespace", valueset: "type", variable: "variable", group: "variable", question: "function" };
const HOVER_WORD: Record<string, string> = { plan: "plan", timepoint: "time point", valueset: "value set", variable: "variable", group: "group", question: "question" };

/** The declarations of a file that have names, with the symbol kind the resolver gives them. */
function declarations(c: Compilation, file: string): { decl: Exclude<A.Declaration, A.ImportDecl>; kind: string }[] {
  const kinds: Record<string, string> = { Plan: "plan", Timepoint: "timepoint", Valueset: "valueset", Variable: "variable", Group: "group", Question: "question" };
  return c.program.byPath
    .get(file)!
    .ast.declarations.filter((d): d is Exclude<A.Declaration, A.ImportDecl> => d.kind !== "Import")
    .map((d) => ({ decl: d, kind: kinds[d.kind]! }));
}

// ------------------------------------------------------------ tests

describe("incremental parsing (lsp/incremental-parse.ts)", () => {
  const parsedEqual = (cache: IncrementalParseCache, text: string) => {
    const a = cache.get("/virtual/plan.isu", text);
    const b = parseSource("/virtual/plan.isu", text);
    expect({ ast: a.ast, comments: a.comments, syntax: a.syntax, lineStarts: a.lineStarts }).toEqual({ ast: b.ast, comments: b.comments, syntax: b.syntax, lineStarts: b.lineStarts });
  };
  // Examples repeated so they are long enough to be cut into pieces.
  const corpus = [generatePlan(1_500), ...examples.map((f) => read(f).repeat(2))];
  const inserts = ['variable extra "Extra" : kon at t0', "", "// en kommentar", "}", 'question q "Q" {', "  count kon", "valueset", '"""', "/* öppen"];

  it("gives exactly the whole-text parse after any sequence of line edits, broken ones included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(fc.record({ op: fc.constantFrom("delete", "insert", "change", "move"), at: fc.nat(), what: fc.nat() }), { minLength: 1, maxLength: 6 }),
        (which, ops) => {
          const cache = new IncrementalParseCache();
          let lines = corpus[which]!.split("\n");
          parsedEqual(cache, lines.join("\n"));
          for (const { op, at, what } of ops) {
            const i = at % lines.length;
            lines = [...lines];
            if (op === "delete") lines.splice(i, 1);
            else if (op === "insert") lines.splice(i, 0, inserts[what % inserts.length]!);
            else if (op === "change") lines[i] = lines[i]!.replace(/[a-z]/, "x");
            else lines.splice(what % lines.length, 0, ...lines.splice(i, 1));
            parsedEqual(cache, lines.join("\n"));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("initialize", () => {
  it("announces every feature the server has", () => {
    const c = init.capabilities;
    expect(init.serverInfo?.name).toBe("isu");
    expect(c.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(c.completionProvider?.triggerCharacters).toContain(":");
    for (const p of [
      "hoverProvider",
      "definitionProvider",
      "referencesProvider",
      "documentSymbolProvider",
      "workspaceSymbolProvider",
      "foldingRangeProvider",
      "documentFormattingProvider",
      "documentHighlightProvider",
    ] as const) {
      expect(c[p], p).toBe(true);
    }
    expect(c.renameProvider).toEqual({ prepareProvider: true });
    expect(c.codeActionProvider).toEqual({ codeActionKinds: ["quickfix"] });
    expect(c.semanticTokensProvider?.full).toBe(true);
    expect(c.semanticTokensProvider?.legend.tokenTypes).toEqual(expect.arrayContaining(["keyword", "variable", "type", "enumMember", "function", "namespace", "string", "number", "comment"]));
  });
});

describe.each([...examples, PLAN])("%s", (file) => {
  const uri = uriOf(file);
  let c: Compilation;
  let text: string;
  let opened: PublishDiagnosticsParams;
  const refs = () => c.resolution.refs.filter((r) => r.file === file && r.target);

  beforeAll(async () => {
    text = read(file);
    c = compile(file);
    opened = await openAndCheck(file, text);
  }, 60_000);

  afterAll(async () => {
    await client.close(uri);
  });

  it("publishes the compiler's diagnostics for the file, and no errors", () => {
    expect(opened.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const expected = c.diagnostics.filter((d) => d.file === file).map((d) => ({ code: d.code, range: rangeOf(d.range) }));
    expect(opened.diagnostics.map((d) => ({ code: d.code, range: d.range }))).toEqual(expected);
    for (const d of opened.diagnostics) expect(d.source).toBe("isu");
  });

  it("completes keywords, value sets, time points, variables and codes by place", async () => {
    let probes = 0;
    const r = c.resolution;
    const check = async (p: A.Position, expectLabel: string | undefined, kinds: number[], also?: (items: CompletionItem[]) => void) => {
      const items = await complete(uri, p);
      const where = `${path.basename(file)}:${p.line}:${p.column}`;
      if (expectLabel !== undefined)
        expect(
          items.map((i) => i.label),
          where,
        ).toContain(expectLabel);
      for (const i of items) expect(kinds, `${where} ${i.label}`).toContain(i.kind);
      also?.(items);
      probes++;
    };
    const decls = declarations(c, file);
    for (const { decl } of decls.slice(1)) {
      await check(decl.range.start, decl.kind.toLowerCase(), [KIND.Keyword], (items) =>
        expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["group", "import", "plan", "question", "timepoint", "valueset", "variable"])),
      );
    }
    for (const { decl } of decls) {
      if (decl.kind === "Plan") {
        for (const s of decl.settings) await check(s.keyRange.start, s.key, [KIND.Keyword]);
      }
      if (decl.kind === "Variable") {
        const t = decl.type;
        await check(t.range.start, t.kind === "valueset" ? t.valueset.text : t.kind, [KIND.Enum, KIND.Keyword], (items) =>
          expect(
            items
              .filter((i) => i.kind === KIND.Enum)
              .map((i) => i.label)
              .sort(),
          ).toEqual([...r.valuesets.keys()].sort()),
        );
        for (const tp of decl.timepoints) await check(tp.range.start, tp.text, [KIND.Event]);
        // At the first definition's keyword (a LocalizedText keeps the ranges of its texts).
        for (const d of writtenTexts(decl.definition).slice(0, 1))
          await check(positionAt(text, text.lastIndexOf("definition", d.text.range.start.offset)), "definition", [KIND.Keyword], (items) =>
            expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["when", "sensitive", "reason", "code"])),
          );
      }
      if (decl.kind === "Group") {
        for (const e of decl.entries) {
          const first = e.values[0];
          if (!first) continue;
          const vs = r.variables.get(decl.source.name.text)!.decl.type;
          const codes = vs.kind === "valueset" ? r.valuesets.get(vs.valueset.text)!.decl.values.map((v) => v.code.value) : [];
          await check(first.range.start, first.raw, [KIND.EnumMember], (items) => expect(items.map((i) => i.label)).toEqual(codes));
        }
      }
      if (decl.kind === "Question") {
        for (const a of decl.analyses) {
          await check(a.range.start, "count", [KIND.Keyword]);
          if (a.kind === "change") {
            await check(a.variable.range.start, a.variable.text, [KIND.Variable], (items) => {
              for (const i of items) expect(r.valuesets.get((r.variables.get(i.label)!.decl.type as { valueset: A.Name }).valueset.text)!.decl.scale?.value).toBe("ordinal");
            });
            await check(a.from.range.start, a.from.text, [KIND.Event]);
            await check(a.to.range.start, a.to.text, [KIND.Event]);
          } else if (a.kind === "summary") {
            await check(a.target.name.range.start, a.target.name.text, [KIND.Variable], (items) => {
              for (const i of items) expect(["integer", "decimal"]).toContain(r.variables.get(i.label)!.decl.type.kind);
            });
          } else if (a.kind === "attainment") {
            await check(a.target.name.range.start, a.target.name.text, [KIND.Variable]);
            await check(a.goal.name.range.start, a.goal.name.text, [KIND.Variable]);
          } else {
            await check(a.target.name.range.start, a.target.name.text, [KIND.Variable, KIND.Struct], (items) => {
              for (const i of items) if (i.kind === KIND.Variable) expect(["valueset", "boolean"]).toContain(r.variables.get(i.label)!.decl.type.kind);
            });
          }
          const tp = "target" in a ? a.target.timepoint : undefined;
          if (tp) await check(tp.range.start, tp.text, [KIND.Event]);
        }
        for (const s of decl.splits) for (const p of s.parts) await check(p.name.range.start, p.name.text, [KIND.Variable, KIND.Struct]);
        const compares = (x: A.Condition): Extract<A.Condition, { kind: "compare" }>[] => (x.kind === "compare" ? [x] : x.kind === "not" ? compares(x.operand) : x.parts.flatMap(compares));
        for (const w of decl.where) {
          for (const cmp of compares(w)) {
            await check(cmp.subject.name.range.start, cmp.subject.name.text, [KIND.Variable, KIND.Struct, KIND.Keyword]);
            if (!["=", "!=", "in"].includes(cmp.op) || !cmp.values[0] || cmp.band) continue;
            const subject = cmp.subject.name.text;
            const g = r.groups.get(subject);
            const v = r.variables.get(subject);
            const codes = g
              ? g.decl.entries.map((e, i) => e.name?.text ?? String(i + 1))
              : v?.decl.type.kind === "valueset"
                ? r.valuesets.get(v.decl.type.valueset.text)!.decl.values.map((x) => x.code.value)
                : undefined;
            if (!codes) continue;
            for (const val of cmp.values) await check(val.range.start, val.raw, [KIND.EnumMember], (items) => expect(items.map((i) => i.label)).toEqual(codes));
          }
        }
      }
    }
    expect(probes).toBeGreaterThanOrEqual(decls.length - 1);
  });

  it("hovers every name and value code with what it denotes", async () => {
    let n = 0;
    for (const { decl, kind } of declarations(c, file)) {
      const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: lsp(decl.name.range.start) });
      expect((h?.contents as { value: string } | undefined)?.value).toContain(`**${HOVER_WORD[kind]}** \`${decl.name.text}\``);
      n++;
    }
    for (const ref of refs()) {
      const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: lsp(ref.range.start) });
      const value = (h?.contents as { value: string } | undefined)?.value ?? "";
      expect(value, `${ref.name} at ${ref.range.start.line}`).toContain(`**${HOVER_WORD[ref.target!.kind]}** \`${ref.name}\``);
      n++;
    }
    for (const vr of c.resolution.valueRefs.filter((v) => v.file === file && v.value)) {
      const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: lsp(vr.range.start) });
      const value = ((h?.contents as { value: string } | undefined)?.value ?? "").replace(/\\/g, "");
      expect(value).toContain(`**value** \`${vr.code}\``);
      expect(value).toContain(vr.value!.label.text.value);
      n++;
    }
    expect(n).toBeGreaterThan(0);
  });

  it("goes to the definition of every name and value code, across files", async () => {
    for (const ref of refs()) {
      const loc = await client.request<Location | null>("textDocument/definition", { textDocument: { uri }, position: lsp(ref.range.end) });
      const decl = ref.target!.decl as { name: A.Name };
      expect(loc, ref.name).toEqual({ uri: uriOf(ref.target!.file), range: rangeOf(decl.name.range) });
    }
    for (const vr of c.resolution.valueRefs.filter((v) => v.file === file && v.value)) {
      const loc = await client.request<Location | null>("textDocument/definition", { textDocument: { uri }, position: lsp(vr.range.start) });
      expect(loc).toEqual({ uri: uriOf(vr.valueset!.file), range: rangeOf(vr.value!.code.range) });
    }
  });

  it("finds every reference of each declared name", async () => {
    for (const { decl } of declarations(c, file)) {
      const sym = [...c.resolution.timepoints.values(), ...c.resolution.valuesets.values(), ...c.resolution.variables.values(), ...c.resolution.groups.values()].find((s) => s.decl === decl);
      if (!sym) continue;
      const locs = await client.request<Location[]>("textDocument/references", { textDocument: { uri }, position: lsp(decl.name.range.start), context: { includeDeclaration: true } });
      const expected = [{ uri, range: rangeOf(decl.name.range) }, ...c.resolution.refs.filter((x) => x.target === sym).map((x) => ({ uri: uriOf(x.file), range: rangeOf(x.range) }))];
      const key = (l: Location) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
      expect(locs.map(key).sort(), decl.name.text).toEqual(expected.map(key).sort());
    }
  });

  it("renames a name everywhere, and refuses a taken name or an invalid one", async () => {
    // A variable of the file that is used (a module without variables: a value set).
    const r = c.resolution;
    const used = (s: { file: string }) => s.file === file && r.refs.some((x) => x.target === s);
    const [v, table] = [...r.variables.values()].some(used) ? [[...r.variables.values()].find(used)!, r.variables] : [[...r.valuesets.values()].find((s) => s.file === file)!, r.valuesets];
    const other = [...(table as Map<string, { name: string }>).values()].find((x) => x !== v)!;
    const pos = { textDocument: { uri }, position: lsp(v.decl.name.range.start) };
    const prep = await client.request<{ range: unknown; placeholder: string }>("textDocument/prepareRename", pos);
    expect(prep).toEqual({ range: rangeOf(v.decl.name.range), placeholder: v.name });
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...pos, newName: `${v.name}_ny` });
    const edits = Object.values(edit.changes!).flat();
    expect(edits.length).toBe(1 + c.resolution.refs.filter((r) => r.target === v).length);
    expect(new Set(edits.map((e) => e.newText))).toEqual(new Set([`${v.name}_ny`]));
    // The renamed text compiles exactly as cleanly as before.
    const renamed = applyEdits(text, edit.changes![uri]!);
    const after = compile(file, { rootText: renamed });
    expect(after.diagnostics.map((d) => d.code)).toEqual(c.diagnostics.map((d) => d.code));
    await expect(client.request("textDocument/rename", { ...pos, newName: other.name })).rejects.toThrow(`'${other.name}' already exists`);
    await expect(client.request("textDocument/rename", { ...pos, newName: "Ålder" })).rejects.toThrow("not a valid name");
    await expect(client.request("textDocument/rename", { ...pos, newName: "count" })).rejects.toThrow("is a keyword");
  });

  it("outlines the file: declarations in order, values and entries as children", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const ast = c.program.byPath.get(file)!.ast.declarations;
    expect(symbols.map((s) => s.name)).toEqual(ast.map((d) => (d.kind === "Import" ? d.path.value : d.name.text)));
    ast.forEach((d, i) => {
      if (d.kind === "Valueset") expect(symbols[i]!.children?.map((x) => x.name)).toEqual(d.values.map((v) => v.code.value));
      if (d.kind === "Group") expect(symbols[i]!.children?.map((x) => x.name)).toEqual(d.entries.map((e, k) => e.name?.text ?? String(k + 1)));
      if (d.kind !== "Import") expect(symbols[i]!.selectionRange).toEqual(rangeOf(d.name.range));
    });
  });

  it("folds every block that spans lines, and multi-line comments and texts", async () => {
    const folds = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    const lines = text.split("\n");
    for (const d of c.program.byPath.get(file)!.ast.declarations) {
      if (d.range.end.line - d.range.start.line < 2 || !lines[d.range.end.line - 1]!.trim().startsWith("}")) continue;
      const open = lines.slice(d.range.start.line - 1).findIndex((l) => l.includes("{")) + d.range.start.line - 1;
      expect(folds, `${d.kind} at line ${d.range.start.line}`).toContainEqual({ startLine: open, endLine: d.range.end.line - 2 });
    }
    for (const cm of c.program.byPath.get(file)!.comments.filter((x) => x.block && x.range.end.line > x.range.start.line)) {
      expect(folds).toContainEqual({ startLine: cm.range.start.line - 1, endLine: cm.range.end.line - 1, kind: "comment" });
    }
  });

  it("colours names by what they denote, keywords, texts and comments", async () => {
    const tokens = decodeTokens(await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } }));
    const at = (p: A.Position) => tokens.get(`${p.line - 1}:${p.column - 1}`);
    for (const { decl, kind } of declarations(c, file)) {
      expect(at(decl.name.range.start), decl.name.text).toMatchObject({ type: SYMBOL_TOKEN[kind], mods: expect.arrayContaining(["declaration"]) });
      expect(at(decl.range.start)).toMatchObject({ type: "keyword" });
      if (decl.label.text) expect(at(decl.label.text.range.start)).toMatchObject({ type: "string" });
      if (decl.kind === "Valueset") for (const v of decl.values) expect(at(v.code.range.start)).toMatchObject({ type: "enumMember" });
    }
    for (const ref of refs()) expect(at(ref.range.start), ref.name).toMatchObject({ type: SYMBOL_TOKEN[ref.target!.kind], length: ref.name.length });
    for (const vr of c.resolution.valueRefs.filter((v) => v.file === file && (v.value || v.entry))) expect(at(vr.range.start)).toMatchObject({ type: "enumMember" });
    for (const cm of c.program.byPath.get(file)!.comments) expect(at(cm.range.start)).toMatchObject({ type: "comment" });
    const keywords = [...tokens.values()].filter((t) => t.type === "keyword").length;
    expect(keywords).toBeGreaterThan(5);
  });
});

describe("keywords offered are the language's", () => {
  it("every keyword completion is a keyword of grammar/tokens.ts", async () => {
    const uri = uriOf(PLAN);
    const text = read(PLAN);
    await openAndCheck(PLAN, text);
    const offsets = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
    const starts = [0, ...offsets];
    for (let line = 0; line < starts.length; line++) {
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line, character: 0 } });
      for (const i of items.filter((x) => x.kind === KIND.Keyword)) expect(keywordSet.has(i.label), i.label).toBe(true);
    }
    await client.close(uri);
  });
});

describe("completion while typing (text that does not parse yet)", () => {
  const uri = uriOf(path.join(fixtures, "typing.isu"));
  const base = read(PLAN);
  let version = 1;

  async function typeAndComplete(tail: string): Promise<CompletionItem[]> {
    const text = base + "\n" + tail;
    const lines = text.split("\n");
    await client.change(uri, ++version, [{ text }]);
    return client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } });
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label).sort();

  beforeAll(async () => {
    await client.open(uri, base, version);
  });
  afterAll(async () => {
    await client.close(uri);
  });

  it("after ':' in a variable: value sets and types", async () => {
    const items = await typeAndComplete('variable x "X" : ');
    expect(labels(items.filter((i) => i.kind === KIND.Enum))).toEqual(["boende", "kon", "skala"]);
    expect(labels(items.filter((i) => i.kind === KIND.Keyword))).toEqual(["boolean", "date", "decimal", "integer", "multiple", "text"]);
  });
  it("after 'multiple' only value sets; after 'at' time points", async () => {
    expect(labels(await typeAndComplete('variable x "X" : multiple '))).toEqual(["boende", "kon", "skala"]);
    const tps = await typeAndComplete('variable x "X" : kon at ');
    expect(tps.map((i) => [i.label, i.kind])).toEqual([
      ["start", KIND.Event],
      ["slut", KIND.Event],
    ]);
    expect(labels(await typeAndComplete('variable x "X" : kon at start, '))).toEqual(["slut", "start"]);
  });
  it("after an analysis keyword: variables of the right kind", async () => {
    expect(labels(await typeAndComplete('question q "Q" {\n  summary '))).toEqual(["alder"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  change '))).toEqual(["vardag"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count '))).toEqual(["aldersgrupp", "boende", "hushall", "kon", "vardag"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon\n  by '))).toEqual(["aldersgrupp", "boende", "hushall", "kon", "vardag"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  crosstab kon by '))).toEqual(["aldersgrupp", "boende", "hushall", "kon", "vardag"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon at '))).toEqual(["slut", "start"]);
  });
  it("in a plan block: 'timepoints' among the settings, then the time points not yet listed", async () => {
    expect(labels(await typeAndComplete("plan q {\n  "))).toContain("timepoints");
    expect(labels(await typeAndComplete("plan q {\n  timepoints "))).toEqual(["slut", "start"]);
    expect(labels(await typeAndComplete("plan q {\n  timepoints start, "))).toEqual(["slut"]);
  });
  it("in a change: time points after 'from' and 'to', then the keywords that follow", async () => {
    expect(labels(await typeAndComplete('question q "Q" {\n  change vardag '))).toEqual(["from"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  change vardag from '))).toEqual(["slut", "start"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  change vardag from start '))).toEqual(["to"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  change vardag from start to '))).toEqual(["slut", "start"]);
  });
  it("in a where: subjects, then the codes of the subject's value set with labels", async () => {
    const subjects = await typeAndComplete('question q "Q" {\n  count kon\n  where ');
    expect(labels(subjects)).toEqual(["alder", "aldersgrupp", "boende", "hushall", "kon", "not", "vardag"]);
    const codes = await typeAndComplete('question q "Q" {\n  count kon\n  where boende = ');
    expect(codes.map((i) => [i.label, i.kind, i.detail])).toEqual([
      ["ensam", KIND.EnumMember, "Bor ensam"],
      ["sambo", KIND.EnumMember, "Bor med andra"],
      ["annat", KIND.EnumMember, "Annat boende (other)"],
    ]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon\n  where kon in (kvinna, '))).toEqual(["annat", "kvinna", "man"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon\n  where vardag at slut = '))).toEqual(["0", "1", "2", "9"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon\n  where aldersgrupp = '))).toEqual(["aldre", "unga"]);
    expect(labels(await typeAndComplete('question q "Q" {\n  count kon\n  where kon = kvinna '))).toEqual(expect.arrayContaining(["and", "or", "by", "count"]));
  });
  it("in a group: the source's codes after '=' and ','", async () => {
    expect(labels(await typeAndComplete('group g "G" from boende {\n  a "A" = '))).toEqual(["annat", "ensam", "sambo"]);
    expect(labels(await typeAndComplete('group g "G" from boende {\n  a "A" = ensam, '))).toEqual(["annat", "ensam", "sambo"]);
    expect(labels(await typeAndComplete('group g "G" from '))).toEqual(["alder", "boende", "kon", "vardag"]);
  });
  it("block keywords inside each block, markers after a value, settings' values", async () => {
    expect(labels(await typeAndComplete('question q "Q" {\n  '))).toEqual(["attainment", "by", "change", "count", "crosstab", "label", "note", "reference", "summary", "where"]);
    expect(labels(await typeAndComplete('variable x "X" : kon at start {\n  '))).toEqual(["code", "definition", "label", "optional", "reason", "required", "sensitive", "unit", "when"]);
    expect(labels(await typeAndComplete('valueset v "V" {\n  a "A" '))).toEqual(["definition", "label", "missing", "other"]);
    expect(labels(await typeAndComplete('valueset v "V" '))).toEqual(["nominal", "ordinal"]);
    expect(labels(await typeAndComplete('valueset v "V" ordinal better '))).toEqual(["higher", "lower"]);
    expect(labels(await typeAndComplete('variable x "X" : kon at start {\n  sensitive '))).toContain("health");
    expect(labels(await typeAndComplete('variable x "X" : kon at start {\n  when kon = '))).toEqual(["annat", "kvinna", "man"]);
    expect(labels(await typeAndComplete(""))).toEqual(["group", "import", "plan", "question", "timepoint", "valueset", "variable"]);
  });
  it("after 'import': the .isu files beside the document", async () => {
    const items = await typeAndComplete("import ");
    expect(items.map((i) => [i.label, i.kind])).toEqual(
      expect.arrayContaining([
        ['"./gemensam.isu"', KIND.File],
        ['"./plan.isu"', KIND.File],
      ]),
    );
    for (const i of items) expect(fs.existsSync(path.join(fixtures, JSON.parse(i.label) as string))).toBe(true);
  });
  it("nothing inside a text or a comment", async () => {
    expect(await typeAndComplete('question q "Q är ')).toEqual([]);
    expect(await typeAndComplete("// count ")).toEqual([]);
  });
});

describe("edits", () => {
  const uri = uriOf(PLAN);
  let text: string;

  beforeAll(async () => {
    text = read(PLAN);
    await openAndCheck(PLAN, text);
  });
  afterAll(async () => {
    await client.close(uri);
  });

  it("an edit that introduces an error publishes it; the fix clears it", async () => {
    const broken = text.replace("count hushall", "count hushal");
    await client.change(uri, 2, [{ text: broken }]);
    const bad = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["ISU0101"]);
    expect(bad.diagnostics[0]!.message).toContain("undefined variable or group 'hushal'");
    expect(bad.diagnostics[0]!.message).toContain("hint: did you mean 'hushall'?");
    expect(bad.diagnostics[0]!.severity).toBe(1);

    // The quick fix for it: the did-you-mean, as a preferred edit.
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: bad.diagnostics[0]!.range, context: { diagnostics: bad.diagnostics } });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([["Change to 'hushall'", "quickfix", true]]);
    expect(applyEdits(broken, actions[0]!.edit!.changes![uri]!)).toBe(text);

    await client.change(uri, 3, [{ text }]);
    const good = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    expect(good.diagnostics).toEqual([]);
  });

  it("incremental edits apply to the right place", async () => {
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("count hushall"));
    const character = lines[line]!.indexOf("hushall");
    await client.change(uri, 4, [{ range: { start: { line, character }, end: { line, character: character + 7 } }, text: "kon" }]);
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 4);
    // The edit landed: the question now counts the variable it splits by (ISU0313), and nothing else is wrong.
    expect(d.diagnostics.map((x) => [x.code, x.range.start.line])).toEqual([["ISU0313", line + 1]]);
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line, character: character + 1 } });
    expect((h.contents as { value: string }).value).toContain("**variable** `kon`");
    await client.change(uri, 5, [{ range: { start: { line, character }, end: { line, character: character + 3 } }, text: "hushall" }]);
    expect((await client.waitForDiagnostics(uri, (p) => p.version === 5)).diagnostics).toEqual([]);
  });

  it("rapid edits never publish diagnostics for an older version after a newer one", async () => {
    const before = client.published(uri).length;
    for (let v = 6; v <= 15; v++) await client.change(uri, v, [{ text: v % 2 ? text.replace("summary alder", "summary aldr") : text }]);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 15);
    expect(last.diagnostics.map((d) => d.code)).toEqual(["ISU0101"]);
    const versions = client
      .published(uri)
      .slice(before)
      .map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    // Debounced: far fewer checks than edits.
    expect(versions.length).toBeLessThan(10);
    await client.change(uri, 16, [{ text }]);
    expect((await client.waitForDiagnostics(uri, (p) => p.version === 16)).diagnostics).toEqual([]);
  });
});

describe("two files: a plan and the module it imports", () => {
  const planUri = uriOf(PLAN);
  const moduleUri = uriOf(MODULE);
  let planText: string;
  let moduleText: string;

  beforeAll(async () => {
    planText = read(PLAN);
    moduleText = read(MODULE);
    await openAndCheck(PLAN, planText);
    await openAndCheck(MODULE, moduleText);
  });
  afterAll(async () => {
    await client.close(planUri);
    await client.close(moduleUri);
  });

  it("a change in the imported file re-checks its importer", async () => {
    const without = moduleText.replace('  sambo "Bor med andra"\n', "");
    await client.change(moduleUri, 2, [{ text: without }]);
    const plan = await client.waitForDiagnostics(planUri, (p) => p.diagnostics.some((d) => d.code === "ISU0201"));
    expect(plan.diagnostics.filter((d) => d.code === "ISU0201").map((d) => d.message)).toEqual([expect.stringContaining("'sambo'"), expect.stringContaining("'sambo'")]);
    // The fix adds the value to the value set, in the other file.
    const d = plan.diagnostics.find((x) => x.code === "ISU0201")!;
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: planUri }, range: d.range, context: { diagnostics: [d] } });
    const add = actions.find((a) => a.edit?.changes?.[moduleUri]);
    expect(add, JSON.stringify(actions)).toBeDefined();
    expect(applyEdits(without, add!.edit!.changes![moduleUri]!)).toContain("sambo");

    await client.change(moduleUri, 3, [{ text: moduleText }]);
    const fixed = await client.waitForDiagnostics(planUri, (p) => !p.diagnostics.some((x) => x.code === "ISU0201"));
    expect(fixed.diagnostics).toEqual([]);
  });

  it("definition and references cross the import, from both sides", async () => {
    const c = compile(PLAN);
    const kon = c.resolution.valuesets.get("kon")!;
    const use = c.resolution.refs.find((r) => r.target === kon)!;
    const loc = await client.request<Location>("textDocument/definition", { textDocument: { uri: planUri }, position: lsp(use.range.start) });
    expect(loc).toEqual({ uri: moduleUri, range: rangeOf(kon.decl.name.range) });
    const fromModule = await client.request<Location[]>("textDocument/references", {
      textDocument: { uri: moduleUri },
      position: lsp(kon.decl.name.range.start),
      context: { includeDeclaration: false },
    });
    expect(fromModule).toEqual([{ uri: planUri, range: rangeOf(use.range) }]);
    const highlights = await client.request<{ kind: number }[]>("textDocument/documentHighlight", { textDocument: { uri: planUri }, position: lsp(use.range.start) });
    expect(highlights).toEqual([{ range: rangeOf(use.range), kind: 2 }]);
  });

  it("renames a value code in the module and its uses in the plan", async () => {
    const c = compile(PLAN);
    const vs = c.resolution.valuesets.get("boende")!;
    const ensam = vs.decl.values.find((v) => v.code.value === "ensam")!;
    const uses = c.resolution.valueRefs.filter((v) => v.value === ensam);
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri: moduleUri }, position: lsp(ensam.code.range.start), newName: "ensamboende" });
    expect(edit.changes![moduleUri]).toEqual([{ range: rangeOf(ensam.code.range), newText: "ensamboende" }]);
    expect(edit.changes![planUri]!.map((e) => e.range).sort((a, b) => a.start.line - b.start.line)).toEqual(uses.map((u) => rangeOf(u.range)));
    await expect(client.request("textDocument/rename", { textDocument: { uri: moduleUri }, position: lsp(ensam.code.range.start), newName: "sambo" })).rejects.toThrow("already has the code 'sambo'");
  });

  it("renames a time point declared in the module across both files", async () => {
    const c = compile(PLAN);
    const start = c.resolution.timepoints.get("start")!;
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri: moduleUri }, position: lsp(start.decl.name.range.start), newName: "inskrivning" });
    expect(Object.keys(edit.changes!).sort()).toEqual([moduleUri, planUri].sort());
    const renamedPlan = applyEdits(planText, edit.changes![planUri]!);
    const renamedModule = applyEdits(moduleText, edit.changes![moduleUri]!);
    const after = compile(PLAN, { host: { readFile: (p) => (p === MODULE ? renamedModule : p === PLAN ? renamedPlan : undefined) } });
    expect(after.diagnostics).toEqual([]);
    await expect(client.request("textDocument/rename", { textDocument: { uri: moduleUri }, position: lsp(start.decl.name.range.start), newName: "slut" })).rejects.toThrow(
      "time point 'slut' already exists",
    );
  });

  it("workspace symbols cover the open documents and their imports", async () => {
    const found = await client.request<SymbolInformation[]>("workspace/symbol", { query: "bo" });
    const names = found.map((s) => `${s.name}@${path.basename(new URL(s.location.uri).pathname)}`);
    expect(names).toEqual(expect.arrayContaining(["boende@gemensam.isu", "boende@plan.isu"]));
    for (const s of found) expect(s.name.toLowerCase()).toMatch(/b.*o/);
  });
});

describe("open and close", () => {
  it("an import that cannot be found resolves once that file is opened, and breaks again when it closes", async () => {
    const planFile = path.join(fixtures, "uses-new.isu");
    const newFile = path.join(fixtures, "nytt.isu");
    const planUri = uriOf(planFile);
    const newUri = uriOf(newFile);
    expect(fs.existsSync(newFile)).toBe(false);
    const text = read(PLAN).replace('import "./gemensam.isu"', 'import "./gemensam.isu"\nimport "./nytt.isu"').replace("  count hushall\n", "  count hushall\n  by bor_ensam\n");
    const missing = await openAndCheck(planFile, text);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["ISU0002", "ISU0101"]);
    const published = client.published(planUri).length;
    await client.open(newUri, 'variable bor_ensam "Bor ensam" : boolean at start\n');
    const found = await client.waitForDiagnostics(planUri, (p) => client.published(planUri).length > published);
    expect(found.diagnostics).toEqual([]);
    await client.close(newUri);
    const again = await client.waitForDiagnostics(planUri, (p) => p.diagnostics.length > 0);
    expect(again.diagnostics.map((d) => d.code)).toEqual(["ISU0002", "ISU0101"]);
    await client.close(planUri);
  });

  it("opening another document does not re-send unchanged diagnostics", async () => {
    const uri = uriOf(PLAN);
    await openAndCheck(PLAN);
    const before = client.published(uri).length;
    const other = uriOf(examples[0]!);
    await client.open(other, read(examples[0]!));
    await client.waitForDiagnostics(other, (p) => p.version === 1);
    // A request after the check: every publication of that pass has arrived.
    await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(client.published(uri).length).toBe(before);
    await client.close(other);
    await client.close(uri);
  });
});

describe("type definition, import links and inlay hints", () => {
  const file = path.join(fixtures, "hints.isu");
  const uri = uriOf(file);
  const text = read(PLAN) + '\nquestion svara "Hur går det för dem med stora svårigheter?" {\n  count vardag at slut\n  where vardag at start in (1, 2) and not vardag at slut = 9\n}\n';
  let c: Compilation;

  beforeAll(async () => {
    c = compile(file, { rootText: text });
    expect(c.diagnostics).toEqual([]);
    await openAndCheck(file, text);
  });
  afterAll(async () => {
    await client.close(uri);
  });

  it("goes from a variable, or a value code, to its value set", async () => {
    const vardag = c.resolution.variables.get("vardag")!;
    const skala = c.resolution.valuesets.get("skala")!;
    const expected = { uri: uriOf(MODULE), range: rangeOf(skala.decl.name.range) };
    expect(await client.request("textDocument/typeDefinition", { textDocument: { uri }, position: lsp(vardag.decl.name.range.start) })).toEqual(expected);
    const code = c.resolution.valueRefs.find((v) => v.file === file && v.code === "9")!;
    expect(await client.request("textDocument/typeDefinition", { textDocument: { uri }, position: lsp(code.range.start) })).toEqual(expected);
    const group = c.resolution.groups.get("hushall")!;
    expect(await client.request("textDocument/typeDefinition", { textDocument: { uri }, position: lsp(group.decl.name.range.start) })).toBeNull();
  });

  it("links each import path to its file", async () => {
    const links = await client.request<{ range: unknown; target: string }[]>("textDocument/documentLink", { textDocument: { uri } });
    const imp = c.program.byPath.get(file)!.ast.declarations.find((d): d is A.ImportDecl => d.kind === "Import")!;
    expect(links.map((l) => ({ range: l.range, target: l.target }))).toEqual([{ range: rangeOf(imp.path.range), target: uriOf(MODULE) }]);
  });

  it("labels numeric codes in mappings and conditions, and only those", async () => {
    const hints = await client.request<{ position: unknown; label: string }[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: text.split("\n").length, character: 0 } },
    });
    const numeric = c.resolution.valueRefs.filter((v) => v.file === file && v.value && /^\d/.test(v.code));
    expect(numeric.map((v) => v.code)).toEqual(["1", "2", "9"]);
    expect(hints.map((h) => ({ position: h.position, label: h.label }))).toEqual(numeric.map((v) => ({ position: lsp(v.range.end), label: v.value!.label.text.value })));
  });
});

describe("references and rename reach workspace files that are not open", () => {
  let dir: string;
  let ws: LspClient;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-lsp-ws-"));
    fs.copyFileSync(MODULE, path.join(dir, "gemensam.isu"));
    fs.copyFileSync(PLAN, path.join(dir, "plan.isu"));
    ws = LspClient.start({ root });
    await ws.initialize(dir);
  });
  afterAll(async () => {
    await ws.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("renaming a value set in the module edits the unopened plan too", async () => {
    const module = path.join(dir, "gemensam.isu");
    const uri = uriOf(module);
    const text = read(module);
    await ws.open(uri, text);
    await ws.waitForDiagnostics(uri);
    const line = text.split("\n").findIndex((l) => l.startsWith("valueset skala"));
    const edit = await ws.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position: { line, character: 10 }, newName: "grad" });
    expect(Object.keys(edit.changes!).sort()).toEqual([uri, uriOf(path.join(dir, "plan.isu"))].sort());
    expect(edit.changes![uriOf(path.join(dir, "plan.isu"))]).toHaveLength(1);
  });
});

describe("formatting", () => {
  it("formats a document through the project's formatter; a text with syntax errors is left alone", async () => {
    const uri = uriOf(PLAN);
    const text = read(PLAN);
    const messy = text.replace('variable kon "Kön" : kon at start', 'variable   kon "Kön":kon    at start').replace("  count hushall", "count    hushall");
    await openAndCheck(PLAN, messy);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri }, options });
    const { formatIsu } = await import("../compiler/format/index.js");
    const formatted = applyEdits(messy, edits!);
    expect(formatted).toBe(await formatIsu(messy));
    expect(formatted).toContain('variable kon "Kön" : kon at start');
    expect(formatted).toContain("  count hushall\n");
    // Formatting formatted text changes nothing.
    await client.change(uri, 2, [{ text: formatted }]);
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options })).toEqual([]);
    await client.change(uri, 3, [{ text: messy + "\nquestion {" }]);
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options })).toBeNull();
    await client.close(uri);
  });
});

describe("robustness", () => {
  it("a failing request is answered with InternalError and the server goes on", async () => {
    const uri = uriOf(PLAN);
    await openAndCheck(PLAN);
    await expect(client.request("isu/test/crash", {})).rejects.toMatchObject({ code: INTERNAL_ERROR, message: expect.stringContaining("crash provoked by a test") });
    // A failure inside a real feature's handler: the next hover fails, the one after works.
    expect(await client.request("isu/test/crash", { feature: "hover" })).toBe("armed");
    const position = { line: 10, character: 10 };
    await expect(client.request("textDocument/hover", { textDocument: { uri }, position })).rejects.toMatchObject({ code: INTERNAL_ERROR });
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position });
    expect((h.contents as { value: string }).value).toContain("**variable** `kon`");
    expect(client.alive).toBe(true);
    await client.close(uri);
  });

  it("starts with the arguments editors add, and without any (stdio is the default)", async () => {
    for (const args of [["--stdio", `--clientProcessId=${process.pid}`], []]) {
      const other = LspClient.start({ root, args });
      const result = await other.initialize();
      expect(result.serverInfo?.name, args.join(" ")).toBe("isu");
      await other.stop();
      expect(other.alive).toBe(false);
    }
  });

  it("requests on a document that is not open answer empty, not an error", async () => {
    const uri = uriOf(path.join(fixtures, "nowhere.isu"));
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual([]);
  });

  it("a broken file still gets an outline, folding and tokens", async () => {
    const uri = uriOf(path.join(fixtures, "broken.isu"));
    const text = read(PLAN).replace("question fordelning", "question fordelning {{ ::").replace('"Hur gamla är brukarna?" {', '"Hur gamla är brukarna?"');
    await client.open(uri, text);
    const d = await client.waitForDiagnostics(uri);
    expect(d.diagnostics.some((x) => x.code === "ISU0001")).toBe(true);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(expect.arrayContaining(["stod", "kon", "aldersgrupp", "forandring"]));
    expect((await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } })).length).toBeGreaterThan(5);
    expect((await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } })).data.length).toBeGreaterThan(100);
    await client.close(uri);
    // Closing clears what the file had published.
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });
});
