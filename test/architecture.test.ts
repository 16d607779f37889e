// The map in docs/architecture.md, held to the imports: every source file
// lies in a unit the map lists, every import (type-only and dynamic ones
// too) goes to a unit on a lower layer, no two files import each other in a
// loop except through types, and the invariants named there hold.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const SOURCE_ROOTS = ["grammar", "compiler", "lsp", "cli"];

interface Unit {
  layer: number;
  /** "compiler/checks/" or "compiler/compile.ts". */
  path: string;
}

/** The map's table: `| <layer> | \`<unit>\` | … |`. */
function readMap(): Unit[] {
  const doc = fs.readFileSync(path.join(root, "docs", "architecture.md"), "utf8");
  return [...doc.matchAll(/^\| (\d+) \| `([^`]+)` \|/gm)].map((m) => ({ layer: Number(m[1]), path: m[2]! }));
}

interface Import {
  from: string;
  /** A relative specifier resolved to a repository path (.ts), or a package name. */
  to: string;
  typeOnly: boolean;
  line: number;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith(".ts")) out.push(p.split(path.sep).join("/"));
  }
  return out;
}

/** Every import of a file: declarations, re-exports, `import("…")` calls and `import("…").T` types. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean, node: ts.Node) => {
    const to = spec.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, ".ts") : spec;
    out.push({ from: file, to, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const units = readMap();
const files = SOURCE_ROOTS.flatMap((d) => sourceFiles(d));
const imports = files.flatMap(importsOf);
const unitOf = (file: string): Unit | undefined => units.filter((u) => (u.path.endsWith("/") ? file.startsWith(u.path) : file === u.path)).sort((a, b) => b.path.length - a.path.length)[0];
const local = imports.filter((i) => i.to.endsWith(".ts"));

describe("the map in docs/architecture.md", () => {
  it("lists the units, each once", () => {
    expect(units.length).toBeGreaterThanOrEqual(10);
    expect(new Set(units.map((u) => u.path)).size).toBe(units.length);
  });

  it("covers every source file, and every unit it lists exists", () => {
    expect(files.filter((f) => !unitOf(f))).toEqual([]);
    for (const u of units) expect(fs.existsSync(path.join(root, u.path)), u.path).toBe(true);
  });

  it("has at most 16 units on at most 8 levels of import depth", () => {
    expect(units.length).toBeLessThanOrEqual(16);
    const deps = new Map<string, Set<string>>();
    for (const i of local) {
      const [a, b] = [unitOf(i.from)!.path, unitOf(i.to)?.path];
      if (b && a !== b) (deps.get(a) ?? deps.set(a, new Set()).get(a)!).add(b);
    }
    const depth = new Map<string, number>();
    const measure = (u: string, trail: string[] = []): number => {
      if (trail.includes(u)) throw new Error(`units import each other: ${[...trail, u].join(" → ")}`);
      if (!depth.has(u)) depth.set(u, 1 + Math.max(0, ...[...(deps.get(u) ?? [])].map((v) => measure(v, [...trail, u]))));
      return depth.get(u)!;
    };
    expect(Math.max(...units.map((u) => measure(u.path)))).toBeLessThanOrEqual(8);
  });
});

describe("invariants", () => {
  it("every import goes to a unit on a lower layer (type-only and dynamic imports too)", () => {
    const wrong = local
      .map((i) => ({ i, a: unitOf(i.from)!, b: unitOf(i.to) }))
      .filter(({ a, b }) => b && a !== b && b.layer >= a.layer)
      .map(({ i, a, b }) => `${i.from}:${i.line} (${a.path}, layer ${a.layer}) imports ${i.to} (${b!.path}, layer ${b!.layer})`);
    expect(wrong).toEqual([]);
  });

  it("no two files import each other in a loop except through types", () => {
    const graph = new Map<string, string[]>();
    for (const i of local) if (!i.typeOnly) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    const state = new Map<string, "open" | "done">();
    const loops: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        loops.push([...trail.slice(trail.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(loops).toEqual([]);
  });

  it("grammar/ imports nothing of the compiler, and compiler/vocabulary/ nothing at all", () => {
    expect(local.filter((i) => i.from.startsWith("grammar/") && !i.to.startsWith("grammar/"))).toEqual([]);
    expect(imports.filter((i) => i.from.startsWith("compiler/vocabulary/") && !i.to.startsWith("compiler/vocabulary/"))).toEqual([]);
  });

  it("the generators read only the model (and the SQL names and the vocabulary)", () => {
    const allowed = ["compiler/generate/", "compiler/model/", "compiler/sql/", "compiler/vocabulary/"];
    expect(local.filter((i) => i.from.startsWith("compiler/generate/") && !allowed.some((a) => i.to.startsWith(a))).map((i) => `${i.from}:${i.line} → ${i.to}`)).toEqual([]);
  });

  it("the language server has no parser or lexer of its own: of Chevrotain it reads only grammar/'s tokens", () => {
    const used = new Set<string>();
    for (const f of files.filter((x) => x.startsWith("lsp/"))) {
      const sf = ts.createSourceFile(f, fs.readFileSync(path.join(root, f), "utf8"), ts.ScriptTarget.Latest, true);
      for (const st of sf.statements) {
        if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== "chevrotain") continue;
        const b = st.importClause?.namedBindings;
        if (b && ts.isNamedImports(b)) for (const e of b.elements) used.add(e.name.text);
        else used.add("*");
      }
    }
    expect([...used].filter((n) => !["IToken", "TokenType", "tokenMatcher"].includes(n))).toEqual([]);
  });

  it("no rule imports the catalogue or the front end", () => {
    const bad = local.filter(
      (i) => i.from.startsWith("compiler/checks/rules/") && (i.to === "compiler/checks/engine/registry.ts" || i.to === "compiler/checks/engine/runner.ts" || i.to === "compiler/compile.ts"),
    );
    expect(bad.map((i) => `${i.from}:${i.line} → ${i.to}`)).toEqual([]);
  });

  it("the VS Code extension uses the library and the server, never the CLI", () => {
    const ext = sourceFiles("vscode-extension/src").flatMap(importsOf);
    expect(ext.length).toBeGreaterThan(5);
    expect(ext.filter((i) => i.to.startsWith("cli/")).map((i) => `${i.from}:${i.line} → ${i.to}`)).toEqual([]);
  });

  it("the walk sees type-only, inline-type and dynamic imports", () => {
    const probe = importsOf("compiler/checks/rules/reserved-name.ts");
    expect(probe.some((i) => i.typeOnly && i.to.startsWith("compiler/syntax/"))).toBe(true);
    expect(importsOf("cli/lsp-command.ts").some((i) => !i.typeOnly && i.to === "lsp/server.ts")).toBe(true);
  });
});
