// The VS Code extension without VS Code: its manifest and contribution files,
// the TextMate grammar (fixtures with scope assertions, every keyword, and
// agreement with the real lexer on every token of the example plans), the
// snippets (each parses), the preview/build logic behind its commands, and the
// packaged .vsix: its entries, and its bundled language server answering LSP
// over stdio from a folder that has no node_modules.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as zlib from "node:zlib";
import type { IToken, TokenType } from "chevrotain";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { parseText } from "../grammar/parser.js";
import * as T from "../grammar/tokens.js";
import { LANGUAGES } from "../compiler/vocabulary/languages.js";
import { DIALECT_NAMES } from "../compiler/sql/dialects/index.js";
import { ALL_KEYWORDS, BLOCK_ITEM_KEYWORDS, DECLARATION_KEYWORDS, KEYWORDS, type Keyword, type KeywordPart } from "../grammar/keywords.js";
import { buildPlanOutputs, compilePlan, defaultOutputFolder, parseDialectSetting, previewHandbook } from "../vscode-extension/src/plan-outputs.js";
import { generateAll } from "../compiler/generate/all.js";

const root = path.resolve(__dirname, "..");
const ext = path.join(root, "vscode-extension");
// The manifests are read as loosely as VS Code reads them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = (p: string): any => JSON.parse(fs.readFileSync(p, "utf8"));
const manifest = readJson(path.join(ext, "package.json"));
const grammarPath = path.join(ext, "syntaxes", "isu.tmLanguage.json");
const grammarJson = readJson(grammarPath);
const snippets: Record<string, { prefix: string | string[]; body: string | string[]; description?: string }> = readJson(path.join(ext, "snippets", "isu.json"));
const langConfig = readJson(path.join(ext, "language-configuration.json"));
const tmp = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `isu-ext-${what}-`));
const keywordWords: readonly string[] = ALL_KEYWORDS;

// ---------------------------------------------------------------- TextMate tokenizer (vscode-textmate, as VS Code runs it)

interface TmToken {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface TmGrammar {
  tokenizeLine(line: string, stack: unknown): { tokens: TmToken[]; ruleStack: unknown };
}
const requireCjs = createRequire(import.meta.url);
const tmCommon = requireCjs("vscode-tmgrammar-test/dist/common/index.js") as {
  createRegistry(gs: { path: string; scopeName: string }[]): { loadGrammar(scope: string): Promise<TmGrammar | null> };
};
let grammar: TmGrammar;

/** Every line's tokens, for text that may span lines. */
function tokenizeText(text: string): { line: string; tokens: TmToken[] }[] {
  let stack: unknown = null;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return { line, tokens: r.tokens };
  });
}

/** The innermost scope at a 1-based line and column. */
function scopesAt(lines: { tokens: TmToken[] }[], line: number, column: number): string[] {
  const tok = lines[line - 1]!.tokens.find((t) => t.startIndex <= column - 1 && column - 1 < t.endIndex);
  return tok?.scopes ?? [];
}

const isKeywordScope = (s: string) => /^keyword\./.test(s);

beforeAll(async () => {
  const registry = tmCommon.createRegistry([{ path: grammarPath, scopeName: "source.isu" }]);
  const g = await registry.loadGrammar("source.isu");
  if (!g) throw new Error("the TextMate grammar did not load");
  grammar = g;
});

// ---------------------------------------------------------------- manifest and contribution files

describe("extension manifest", () => {
  it("is a publishable VS Code extension manifest", () => {
    expect(manifest.name).toBe("isu");
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/i);
    expect(manifest.version).toBe(readJson(path.join(root, "package.json")).version);
    expect(manifest.license).toBe("MIT");
    expect(fs.existsSync(path.join(ext, "LICENSE"))).toBe(true);
    expect(manifest.engines.vscode).toBe("^1.90.0");
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.activationEvents).toContain("onLanguage:isu");
    // A CommonJS bundle: the manifest must not declare the folder an ES module package.
    expect(manifest.type).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("contributes the isu language, its grammar, configuration and snippets, and the files exist", () => {
    const c = manifest.contributes;
    expect(c.languages).toEqual([{ id: "isu", aliases: ["ISU"], extensions: [".isu"], configuration: "./language-configuration.json" }]);
    expect(c.grammars).toEqual([{ language: "isu", scopeName: "source.isu", path: "./syntaxes/isu.tmLanguage.json" }]);
    expect(c.snippets).toEqual([{ language: "isu", path: "./snippets/isu.json" }]);
    for (const p of [c.languages[0].configuration, c.grammars[0].path, c.snippets[0].path]) expect(fs.existsSync(path.join(ext, p)), p).toBe(true);
    expect(grammarJson.scopeName).toBe("source.isu");
  });

  it("declares exactly the commands the extension registers, and menus name only those", () => {
    const declared = (manifest.contributes.commands as { command: string; title: string; category: string }[]).map((c) => c.command).sort();
    const src = fs.readFileSync(path.join(ext, "src", "extension.ts"), "utf8");
    const registered = [...src.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(declared);
    expect(declared).toEqual(expect.arrayContaining(["isu.previewHandbook", "isu.buildOutputs"]));
    const titles = Object.fromEntries((manifest.contributes.commands as { command: string; title: string; category: string }[]).map((c) => [c.command, `${c.category}: ${c.title}`]));
    expect(titles["isu.previewHandbook"]).toBe("ISU: Preview handbook");
    expect(titles["isu.buildOutputs"]).toBe("ISU: Build outputs");
    for (const items of Object.values(manifest.contributes.menus) as { command: string }[][]) {
      for (const item of items) expect(declared).toContain(item.command);
    }
  });

  it("declares every setting the extension reads, and the server trace setting of the client id", () => {
    const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;
    const src = fs.readFileSync(path.join(ext, "src", "settings.ts"), "utf8");
    const read = [...src.matchAll(/getConfiguration\("isu"[^)]*\)\.get<[^>]+>\("([^"]+)"/g)].map((m) => `isu.${m[1]}`);
    expect(read.length).toBeGreaterThanOrEqual(4);
    for (const key of read) expect(Object.keys(props)).toContain(key);
    expect(props["isu.trace.server"]!.enum).toEqual(["off", "messages", "verbose"]);
    // The manifest is static JSON: its output languages are the vocabulary's.
    expect(props["isu.outputLanguage"]!.enum).toEqual(["plan", ...LANGUAGES]);
    // Its dialects too, all written by default as by isu build.
    expect(props["isu.build.dialects"]).toMatchObject({ default: DIALECT_NAMES, items: { enum: DIALECT_NAMES } });
    expect(fs.readFileSync(path.join(ext, "src", "language-client.ts"), "utf8")).toMatch(/new LanguageClient\("isu"/);
  });

  it("keeps sources out of the package", () => {
    const ignore = fs.readFileSync(path.join(ext, ".vscodeignore"), "utf8").split("\n");
    expect(ignore).toEqual(expect.arrayContaining(["src/**", "scripts/**", "node_modules/**"]));
  });
});

describe("language configuration", () => {
  it("has the comment tokens, brackets, auto-closing and surrounding pairs", () => {
    expect(langConfig.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(langConfig.brackets).toEqual([
      ["{", "}"],
      ["(", ")"],
    ]);
    const closing = (langConfig.autoClosingPairs as { open: string; close: string }[]).map((p) => p.open + p.close);
    expect(closing).toEqual(expect.arrayContaining(["{}", "()", '""']));
    expect(langConfig.surroundingPairs).toEqual(
      expect.arrayContaining([
        ["{", "}"],
        ["(", ")"],
        ['"', '"'],
      ]),
    );
  });

  it("indents after an opening brace or triple quote and outdents at the closing one", () => {
    const inc = new RegExp(langConfig.indentationRules.increaseIndentPattern);
    const dec = new RegExp(langConfig.indentationRules.decreaseIndentPattern);
    for (const l of ['plan p "P" {', '  0 "Inga" {', '  purpose """', "  where (a = b or"]) expect(inc.test(l), l).toBe(true);
    for (const l of ['timepoint t "T" { when "x" }', "  count kon", '  purpose """Kort."""', "// {"]) expect(inc.test(l), l).toBe(false);
    for (const l of ["}", "  }", '  """']) expect(dec.test(l), l).toBe(true);
    expect(dec.test("  count kon")).toBe(false);
  });

  it("folds regions between marker comments", () => {
    expect(new RegExp(langConfig.folding.markers.start).test("  // region Frågor")).toBe(true);
    expect(new RegExp(langConfig.folding.markers.end).test("  // endregion")).toBe(true);
  });

  it("takes a whole identifier as a word, non-ASCII letters included", () => {
    const word = new RegExp(langConfig.wordPattern, "g");
    expect("count forflyttning_mal by kön".match(word)).toEqual(["count", "forflyttning_mal", "by", "kön"]);
    expect("18..120".match(word)).toEqual(["18", "120"]);
  });
});

// ---------------------------------------------------------------- TextMate grammar

describe("TextMate grammar", () => {
  it("passes every scope assertion in test/fixtures/tmgrammar (vscode-tmgrammar-test)", () => {
    const fixtures = fs.readdirSync(path.join(root, "test", "fixtures", "tmgrammar")).filter((f) => f.endsWith(".isu"));
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vscode-tmgrammar-test", "dist", "unit.js"), "-c", "-g", grammarPath, "test/fixtures/tmgrammar/*.isu"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.stdout + r.stderr).not.toMatch(/ERROR|failed/);
    expect(r.status).toBe(0);
    for (const f of fixtures) expect(r.stdout).toContain(f);
  });

  it("fails a wrong assertion (the runner really checks)", () => {
    const dir = tmp("tm");
    fs.writeFileSync(path.join(dir, "wrong.isu"), '// SYNTAX TEST "source.isu"\nplan p "P" {}\n// <---- keyword.other.analysis.isu\n');
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vscode-tmgrammar-test", "dist", "unit.js"), "-c", "-g", grammarPath, path.join(dir, "wrong.isu")], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/Missing required scopes: \[ keyword\.other\.analysis\.isu \]/);
  });

  it("highlights every keyword of grammar/keywords.ts as a keyword (true and false as boolean constants), and no longer word", () => {
    expect(keywordWords.length).toBeGreaterThan(50);
    for (const word of keywordWords) {
      const expected = word === "true" || word === "false" ? /^constant\.language\.boolean\.isu$/ : /^keyword\./;
      for (const [text, line, col] of [
        [word, 1, 1],
        [`question q "Q" {\n  ${word}\n}`, 2, 3],
        [`valueset v "V" {\n  ${word}\n}`, 2, 3],
      ] as const) {
        const scopes = scopesAt(tokenizeText(text), line, col);
        expect(
          scopes.some((s) => expected.test(s)),
          `'${word}' in ${JSON.stringify(text)}: ${scopes.join(" ")}`,
        ).toBe(true);
      }
      for (const longer of [`${word}x`, `x${word}`, `${word}_2`]) {
        const scopes = scopesAt(tokenizeText(`question q "Q" {\n  count ${longer}\n}`), 2, 9);
        expect(scopes.some(isKeywordScope), `'${longer}' is a name, not a keyword: ${scopes.join(" ")}`).toBe(false);
      }
    }
  });

  // The grammar file is static JSON; this ties each of its keyword scopes to
  // one part of the keyword table (grammar/keywords.ts), word for word.
  it("has one keyword scope for each part of the keyword table, with exactly its words", () => {
    const scopeOf: Record<KeywordPart, string> = {
      declaration: "keyword.declaration.isu",
      setting: "keyword.other.setting.isu",
      scale: "keyword.other.scale.isu",
      marker: "keyword.other.marker.isu",
      type: "keyword.type.isu",
      analysis: "keyword.other.analysis.isu",
      clause: "keyword.other.clause.isu",
      logical: "keyword.operator.expression.logical.isu",
      membership: "keyword.operator.expression.in.isu",
      boolean: "constant.language.boolean.isu",
    };
    const patterns = grammarJson.repository.keywords.patterns as { name: string; match: string }[];
    const words = (p: { match: string }) =>
      p.match
        .replace(/\\b/g, "")
        .replace(/^\(\?:|\)$/g, "")
        .split("|");
    expect(patterns.map((p) => p.name).sort()).toEqual(Object.values(scopeOf).sort());
    for (const [part, scope] of Object.entries(scopeOf) as [KeywordPart, string][]) {
      expect(words(patterns.find((p) => p.name === scope)!).sort(), scope).toEqual([...KEYWORDS[part]].sort());
    }
    expect(patterns.flatMap(words).sort()).toEqual([...keywordWords].sort());
  });

  // The real lexer is the truth: on every token of every example and fixture
  // plan, the highlighting must agree with what the token is.
  const plans = [
    ...fs
      .readdirSync(path.join(root, "examples"))
      .filter((f) => f.endsWith(".isu"))
      .map((f) => path.join(root, "examples", f)),
    ...fs
      .readdirSync(path.join(root, "test", "fixtures", "plans"))
      .filter((f) => f.endsWith(".isu"))
      .map((f) => path.join(root, "test", "fixtures", "plans", f)),
  ];
  const expectation = (t: TokenType): RegExp => {
    if (t === T.True || t === T.False) return /^constant\.language\.boolean\./;
    if (T.keywordTokens.includes(t)) return /^keyword\./;
    if (t === T.LineComment || t === T.BlockComment) return /^comment\./;
    if (t === T.TripleString) return /^string\.quoted\.triple\./;
    if (t === T.StringLiteral) return /^string\.quoted\.double\./;
    if (t === T.NumberLiteral) return /^constant\.numeric\./;
    if (t === T.DotDot) return /^keyword\.operator\.range\./;
    if ([T.Equals, T.NotEquals, T.Less, T.LessEq, T.Greater, T.GreaterEq, T.Star, T.Percent].includes(t)) return /^keyword\.operator\./;
    if ([T.LBrace, T.RBrace, T.LParen, T.RParen, T.Comma, T.Colon].includes(t)) return /^punctuation\./;
    // A name: declared, referenced, a value code, a language, a classification system or a rule.
    if (t === T.Identifier || t === T.HyphenatedName) return /^(variable|entity\.name|constant\.other|support\.constant|constant\.language\.severity)\./;
    throw new Error(`no expectation for token ${t.name}`);
  };

  it("has plans to compare against", () => expect(plans.length).toBeGreaterThanOrEqual(5));

  for (const plan of plans) {
    it(`agrees with the lexer on every token of ${path.relative(root, plan)}`, () => {
      const text = fs.readFileSync(plan, "utf8");
      const lexed = T.isuLexer.tokenize(text);
      expect(lexed.errors).toEqual([]);
      const lines = tokenizeText(text);
      const all: IToken[] = [...lexed.tokens, ...((lexed.groups["comments"] as IToken[] | undefined) ?? [])];
      const wrong: string[] = [];
      for (const tok of all) {
        const scopes = scopesAt(lines, tok.startLine!, tok.startColumn!);
        const want = expectation(tok.tokenType);
        const innermost = scopes.filter((s) => !s.startsWith("meta.") && s !== "source.isu");
        // Punctuation inside a string or comment counts as the string or comment.
        const ok = innermost.some((s) => want.test(s)) && !(want.source.includes("variable") && innermost.some(isKeywordScope));
        if (!ok) wrong.push(`${tok.startLine}:${tok.startColumn} ${tok.tokenType.name} '${tok.image.slice(0, 20)}' → ${scopes.join(" ")}`);
      }
      expect(wrong).toEqual([]);
      expect(all.length).toBeGreaterThan(20);
    });
  }
});

// ---------------------------------------------------------------- snippets

/** A snippet body with every placeholder replaced by its default (or first choice). */
function expand(body: string | string[]): string {
  let text = Array.isArray(body) ? body.join("\n") : body;
  for (let i = 0; i < 10 && /\$\{\d+[:|]/.test(text); i++) {
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, "$1").replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1");
  }
  return text.replace(/\$0/g, "").replace(/\t/g, "  ");
}

/** Where a fragment snippet belongs, from its first word: the block that accepts it. */
function inContext(text: string): string {
  const first = text.trimStart().split(/\s/)[0]!;
  const among = (words: readonly Keyword[]) => (words as readonly string[]).includes(first);
  if (among(DECLARATION_KEYWORDS)) return text;
  if (among(BLOCK_ITEM_KEYWORDS.plan)) return `plan p "P" {\n${text}\n}`;
  if (among(BLOCK_ITEM_KEYWORDS.question)) return `question q "Q" {\n${text}\n}`;
  if (among(BLOCK_ITEM_KEYWORDS.variable)) return `variable x "X" : integer {\n${text}\n}`;
  return `valueset v "V" {\n${text}\n}`;
}

describe("snippets", () => {
  const names = Object.keys(snippets);

  it("are valid and described", () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const [name, s] of Object.entries(snippets)) {
      expect(typeof s.prefix === "string" || Array.isArray(s.prefix), name).toBe(true);
      expect(s.description, name).toBeTruthy();
      expect(expand(s.body), name).not.toMatch(/\$/);
    }
  });

  it("cover every construct of the language", () => {
    const prefixes = new Set(Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix])));
    for (const p of [
      "plan",
      "import",
      "timepoint",
      "valueset nominal",
      "valueset ordinal",
      "other",
      "missing",
      "variable",
      "variable multiple",
      "variable integer",
      "variable decimal",
      "variable boolean",
      "variable date",
      "variable text",
      "group bands",
      "group codes",
      "question count",
      "question summary",
      "question crosstab",
      "question change",
      "question attainment",
      "by",
      "where",
      "code",
      "definition",
      "label",
      "rule",
    ])
      expect(prefixes.has(p), p).toBe(true);
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`'${name}' expands to text the parser accepts`, () => {
      const text = inContext(expand(s.body));
      const out = parseText(text);
      expect(
        out.lexErrors.map((e) => e.message),
        text,
      ).toEqual([]);
      expect(
        out.parseErrors.map((e) => e.message),
        text,
      ).toEqual([]);
      // The highlighting agrees with the lexer on the snippet's keywords.
      const lines = tokenizeText(text);
      for (const tok of out.tokens.filter((t) => T.keywordTokens.includes(t.tokenType) && t.tokenType !== T.True && t.tokenType !== T.False)) {
        expect(scopesAt(lines, tok.startLine!, tok.startColumn!).some(isKeywordScope), `${tok.image} in ${text}`).toBe(true);
      }
    });
  }

  it("make a clean plan when put together", () => {
    // The declaration snippets with their defaults, wired together as a user would: this proves the
    // defaults are not only parseable but meaningful to the checker.
    const bodies = ["Plan", "Time point", "Value set (ordinal)", "Variable (integer)", "Group with bands", "Question: summary"].map((n) => {
      expect(snippets[n], n).toBeDefined();
      return expand(snippets[n]!.body);
    });
    const dir = tmp("snippets");
    const file = path.join(dir, "plan.isu");
    fs.writeFileSync(file, bodies.join("\n") + `\nquestion aldrar "Åldersgrupper" {\n  count aldersgrupp\n}\n`);
    const c = compile(file);
    expect(c.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });
});

// ---------------------------------------------------------------- the commands' logic (no VS Code needed)

describe("preview and build logic", () => {
  const hemtjanst = path.join(root, "examples", "hemtjanst_ibic.isu");
  const shared = path.join(root, "examples", "gemensamt.isu");
  const fromDisk = () => undefined;

  it("renders the handbook of a clean plan for a webview, in the plan's language or the one asked for", () => {
    const c = compilePlan(hemtjanst, fromDisk);
    expect(c.errors).toBe(0);
    const sv = previewHandbook(c, "plan");
    expect(sv.kind).toBe("handbook");
    expect(sv.html).toMatch(/<html lang="sv">/);
    expect(sv.html).toContain("Content-Security-Policy");
    expect(sv.html).not.toMatch(/<script/i);
    expect(sv.html).toContain(c.model!.title["sv"]);
    expect(sv.files).toEqual(expect.arrayContaining([hemtjanst, shared]));
    const en = previewHandbook(c, "en");
    expect(en.html).toMatch(/<html lang="en">/);
    expect(en.html).toContain(c.model!.title["en"]);
  });

  it("compiles unsaved buffers, imported files included, and shows the errors instead of the handbook", () => {
    const original = fs.readFileSync(shared, "utf8");
    const broken = original + '\nvariable trasig "Trasig" : saknad_vardemangd\n';
    const c = compilePlan(hemtjanst, (p) => (p === shared ? broken : undefined));
    const r = previewHandbook(c, "plan");
    expect(r.kind).toBe("problems");
    if (r.kind !== "problems") return;
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.html).toMatch(/The plan has \d+ errors?/);
    for (const e of r.errors) {
      expect(r.html).toContain(e.code);
      expect(r.html).toContain(`:${e.range.start.line}:${e.range.start.column}:`);
    }
    expect(r.html).toContain("gemensamt.isu:");
    expect(r.html).toContain("saknad_vardemangd");
    expect(r.html).toMatch(/\n +\| +\^+/);
    // The disk was not touched.
    expect(fs.readFileSync(shared, "utf8")).toBe(original);
  });

  it("escapes what the plan says when it shows errors", () => {
    const dir = tmp("escape");
    const file = path.join(dir, "plan.isu");
    fs.writeFileSync(file, 'plan p "P" {\n  language sv\n  purpose "x"\n}\nquestion q "<script>" { count saknas }\n');
    const r = previewHandbook(compilePlan(file, fromDisk), "plan");
    expect(r.kind).toBe("problems");
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("&lt;script&gt;");
  });

  it("says so when the file has no plan block", () => {
    const r = previewHandbook(compilePlan(shared, fromDisk), "plan");
    expect(r.kind).toBe("no-plan");
    expect(r.html).toContain("declares no plan block");
  });

  it("writes every output, all dialects or the ones asked for, as isu build does", async () => {
    const c = compilePlan(hemtjanst, fromDisk);
    const dir = path.join(tmp("build"), "out", c.model!.name);
    const all = await buildPlanOutputs(c, dir, { lang: "plan", dialects: [...DIALECT_NAMES] });
    const written = fs.readdirSync(dir).sort();
    // The manifest of what the build wrote sits beside the outputs (docs/outputs.md).
    expect(written).toEqual([".isu-build.json", ...all.files.map((f) => f.path)].sort());
    expect(written).toEqual(expect.arrayContaining(["form.json", "handbook.html", "handbook.md", "queries.json", "schema.sqlite.sql", "schema.postgres.sql", "schema.mssql.sql", "schema.duckdb.sql"]));
    const expected = new Map(generateAll(c.model!, { lang: c.model!.language, dialects: [...DIALECT_NAMES] }).map((f) => [f.path, f.content]));
    expect([...expected.keys()].sort()).toEqual(all.files.map((f) => f.path).sort());
    for (const f of all.files) expect(fs.readFileSync(path.join(dir, f.path), "utf8"), f.path).toBe(expected.get(f.path));
    const only = path.join(tmp("build"), "sqlite");
    await buildPlanOutputs(c, only, { lang: "en", dialects: ["sqlite"] });
    const files = fs.readdirSync(only);
    expect(files.filter((f) => f.endsWith(".sql")).sort()).toEqual(["queries.sqlite.sql", "schema.sqlite.sql"]);
    expect(fs.readFileSync(path.join(only, "handbook.html"), "utf8")).toMatch(/<html lang="en">/);
    // The same bytes as the CLI writes.
    const cli = path.join(tmp("build"), "cli");
    expect(spawnSync(process.execPath, [path.join(root, "bin", "isu.js"), "build", hemtjanst, "--out", cli, "-q"]).status).toBe(0);
    for (const f of all.files) expect(fs.readFileSync(path.join(cli, f.path), "utf8"), f.path).toBe(expected.get(f.path));
  });

  it("puts outputs in out/<plan> beside the plan unless told otherwise", () => {
    expect(defaultOutputFolder("/p/plans/a.isu", "hemtjanst")).toBe(path.resolve("/p/plans/out/hemtjanst"));
    expect(defaultOutputFolder("/p/plans/a.isu", "hemtjanst", "../build/${plan}-utdata")).toBe(path.resolve("/p/build/hemtjanst-utdata"));
    expect(defaultOutputFolder("/p/plans/a.isu", "hemtjanst", "/srv/isu")).toBe(path.resolve("/srv/isu"));
  });

  it("reads the dialect setting, refusing unknown dialects with the known ones", () => {
    expect(parseDialectSetting(undefined)).toEqual(["sqlite", "postgres", "mssql", "duckdb"]);
    expect(parseDialectSetting(["postgres", "postgres"])).toEqual(["postgres"]);
    expect(parseDialectSetting(["oracle"])).toMatch(/unknown dialect 'oracle'; use sqlite, postgres, mssql, duckdb/);
  });
});

// ---------------------------------------------------------------- the packaged .vsix

/** Entries of a zip file, read from its central directory; data inflated on demand. */
function readZip(file: string): Map<string, () => Buffer> {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("broken central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

function applyEdits(text: string, edits: LspEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line]! + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

interface Server {
  connection: MessageConnection;
  stderr: () => string;
  stop(): Promise<void>;
}

function startServer(serverJs: string, cwd: string): Server {
  const child = spawn(process.execPath, [serverJs, "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_PATH: "" } });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  return {
    connection,
    stderr: () => err,
    async stop() {
      try {
        await connection.sendRequest("shutdown");
        connection.sendNotification("exit");
      } catch {
        // already gone
      }
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const timer = setTimeout(() => child.kill(), 3000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

describe("packaging (npm run package:vscode)", () => {
  const vsix = path.join(ext, `isu-${manifest.version}.vsix`);
  let entries: Map<string, () => Buffer>;
  let unpacked: string;
  let server: Server | undefined;

  beforeAll(() => {
    fs.rmSync(vsix, { force: true });
    const r = spawnSync("npm", ["run", "package:vscode"], { cwd: root, encoding: "utf8", timeout: 280_000 });
    if (r.status !== 0) throw new Error(`npm run package:vscode failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    entries = readZip(vsix);
    // Unpacked far from the repository, so nothing can be found in a node_modules folder.
    unpacked = tmp("vsix");
    for (const [name, data] of entries) {
      if (name.endsWith("/")) continue;
      const to = path.join(unpacked, name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, data());
    }
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("holds the bundles, the grammar, the snippets, the language configuration and the documents, and no sources", () => {
    const names = [...entries.keys()];
    for (const n of [
      "extension/package.json",
      "extension/dist/extension.js",
      "extension/dist/server.js",
      "extension/syntaxes/isu.tmLanguage.json",
      "extension/snippets/isu.json",
      "extension/language-configuration.json",
      "extension/readme.md",
      "extension/LICENSE.txt",
      "extension.vsixmanifest",
    ])
      expect(names, n).toContain(n);
    expect(names.filter((n) => /\/src\/|node_modules|\.ts$|\.map$/.test(n))).toEqual([]);
    const packed = JSON.parse(entries.get("extension/package.json")!().toString("utf8"));
    expect(packed.contributes).toEqual(manifest.contributes);
    expect(entries.get("extension/syntaxes/isu.tmLanguage.json")!().toString("utf8")).toBe(fs.readFileSync(grammarPath, "utf8"));
  });

  it("bundles everything the extension needs except the vscode module", () => {
    const builtins = new Set(requireCjs("node:module").builtinModules as string[]);
    for (const bundle of ["extension/dist/extension.js", "extension/dist/server.js"]) {
      const code = fs.readFileSync(path.join(unpacked, bundle), "utf8");
      const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
      const foreign = [...required].filter((m) => m !== "vscode" && !builtins.has(m.replace(/^node:/, "")) && !m.startsWith("."));
      expect(foreign, bundle).toEqual([]);
      if (bundle.includes("server")) {
        expect(required.has("vscode"), "the server must not need VS Code").toBe(false);
        // prettier's standalone core only (scripts/build.mjs): its parsers for other languages are megabytes.
        expect(code.length).toBeLessThan(3_000_000);
      }
    }
  });

  it("loads the packaged extension as CommonJS; activation registers every command and survives a client that cannot start", () => {
    // VS Code itself cannot run here: a recording stand-in for the `vscode` module takes its place.
    // Its version string is not one the language client accepts, so the client refuses to start.
    const harness = `
      const Module = require("module");
      const seen = { commands: [], errors: [] };
      const fake = (name) => new Proxy(function () {}, {
        get: (t, p) => (p === "then" ? undefined : p === Symbol.toPrimitive ? () => name : fake(name + "." + String(p))),
        construct: () => fake("new " + name),
        apply: (t, self, args) => {
          if (name === "vscode.commands.registerCommand") seen.commands.push(args[0]);
          if (name === "vscode.window.showErrorMessage") seen.errors.push(args[0]);
          return fake(name + "()");
        },
      });
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === "vscode" ? fake("vscode") : load.call(this, request, ...rest); };
      const ext = require(process.argv[1]);
      const context = { subscriptions: [], asAbsolutePath: (p) => require("path").join(process.argv[2], p) };
      Promise.resolve(ext.activate(context)).then(
        () => { console.log(JSON.stringify({ exports: Object.keys(ext), ...seen })); },
        (e) => { console.log(JSON.stringify({ threw: String(e) })); },
      );`;
    const extDir = path.join(unpacked, "extension");
    const r = spawnSync(process.execPath, ["-e", harness, path.join(extDir, "dist", "extension.js"), extDir], { cwd: unpacked, encoding: "utf8", timeout: 30_000 });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(out.threw).toBeUndefined();
    expect(out.exports).toEqual(expect.arrayContaining(["activate", "deactivate"]));
    expect([...out.commands].sort()).toEqual((manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort());
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^ISU: the language server did not start: .+ See the "ISU Language Server" output/);
  });

  it("starts the packaged server, which answers initialize and publishes the compiler's diagnostics over stdio", async () => {
    server = startServer(path.join(unpacked, "extension", "dist", "server.js"), unpacked);
    const init = (await server.connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as {
      capabilities: Record<string, unknown>;
      serverInfo?: { name: string };
    };
    expect(init.capabilities["textDocumentSync"]).toBeDefined();
    for (const cap of ["completionProvider", "hoverProvider", "definitionProvider", "documentSymbolProvider"]) expect(init.capabilities[cap], cap).toBeTruthy();
    server.connection.sendNotification("initialized", {});

    const plan = path.join(root, "examples", "hemtjanst_ibic.isu");
    const uri = pathToFileURL(plan).href;
    const text = fs.readFileSync(plan, "utf8").replace(/count behovsomraden/, "count behovsomraden_x");
    const published = new Promise<{ uri: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }>((resolve) => {
      server!.connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }) => {
        if (p.uri === uri && p.diagnostics.length > 0) resolve(p);
      });
    });
    server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "isu", version: 1, text } });
    const diags = await published;
    const undefinedName = diags.diagnostics.find((d) => d.code === "ISU0101");
    expect(undefinedName, JSON.stringify(diags.diagnostics)).toBeDefined();
    expect(undefinedName!.message).toContain("behovsomraden_x");
    expect(text.split("\n")[undefinedName!.range.start.line]).toContain("behovsomraden_x");

    const symbols = (await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toContain("hemtjanst_ibic");
    expect(server.stderr()).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  });

  it.skipIf(!fs.existsSync(path.join(root, "compiler", "format", "index.ts")))("formats through the packaged server exactly as the project's formatter does", async () => {
    if (!server) throw new Error("the server test did not run");
    const { formatIsu } = (await import("../compiler/format/index.js")) as { formatIsu(text: string): Promise<string> };
    const uri = pathToFileURL(path.join(unpacked, "ful.isu")).href;
    const text = 'plan p "P" {\nlanguage sv\n      purpose "x"\n}\ntimepoint  t   "T"{when "nu"}\n';
    server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "isu", version: 1, text } });
    const edits = (await server.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as LspEdit[] | null;
    expect(edits, server.stderr()).not.toBeNull();
    const formatted = applyEdits(text, edits!);
    expect(formatted).not.toBe(text);
    expect(formatted).toBe(await formatIsu(text));
  });
});
