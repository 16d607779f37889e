// The formatter: the canonical layout, comments kept in place, syntax errors
// refused, meaning kept (the AST before and after is equal, ranges aside) and
// idempotence — on every example and fixture plan, the benchmark plan and
// fuzzed reflows of them — plus the prettier plugin and `isu fmt`.
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as prettier from "prettier";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../cli/main.js";
import { FormatError, formatIsu, isuPrettierPlugin } from "../compiler/format/index.js";
import { parseSource } from "../compiler/syntax/source.js";
import { isuLexer } from "../grammar/tokens.js";
import { generatePlan } from "./bench/generate-plan.js";

const root = path.resolve(__dirname, "..");

/** The AST with every source range replaced by a marker: what the text means, not where it stands. */
function meaning(text: string): unknown {
  const sf = parseSource("plan.isu", text);
  expect(sf.syntax, `syntax problems in:\n${text}`).toEqual([]);
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof (o["start"] as { offset?: unknown } | undefined)?.offset === "number" && "end" in o) return "range";
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  return strip(sf.ast);
}

/** Comment texts, sorted; trailing blanks of a line comment do not count (the formatter trims every line). */
function commentTexts(text: string): string[] {
  return parseSource("plan.isu", text)
    .comments.map((c) => (c.block ? c.text : c.text.trimEnd()))
    .sort();
}

async function expectFaithful(text: string, what: string): Promise<string> {
  const once = await formatIsu(text);
  expect(meaning(once), `${what}: meaning changed`).toEqual(meaning(text));
  expect(commentTexts(once), `${what}: comments changed`).toEqual(commentTexts(text));
  expect(await formatIsu(once), `${what}: formatting again changed the text`).toBe(once);
  return once;
}

const lines = (...xs: string[]): string => xs.join("\n") + "\n";

function isuFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...isuFilesUnder(p));
    else if (e.name.endsWith(".isu")) out.push(p);
  }
  return out.sort();
}

const parsesCleanly = (file: string): boolean => parseSource(file, fs.readFileSync(file, "utf8")).syntax.length === 0;

describe("canonical layout", () => {
  it("indents by two spaces, spaces `:`, `=`, `,`, `*` and comparisons, and closes `..`", async () => {
    const input = lines(
      'plan p "P"{language sv',
      'purpose "Syfte."}',
      'timepoint t0 "A"{when "x"}',
      'variable alder "Ålder":integer 18 .. 120 unit "år" at t0,t1{required}',
      'group g "G" from alder{"unga"=..64',
      ' b "b"=65..  }',
      'question q "Q"{count alder at t0 by kon*g,alder',
      "where alder>=65 and kon in(kvinna,man)}",
    );
    expect(await expectFaithful(input, "spacing")).toBe(
      lines(
        'plan p "P" {',
        "  language sv",
        '  purpose "Syfte."',
        "}",
        "",
        'timepoint t0 "A" { when "x" }',
        "",
        'variable alder "Ålder" : integer 18..120 unit "år" at t0, t1 { required }',
        "",
        'group g "G" from alder {',
        '  "unga" = ..64',
        '  b "b" = 65..',
        "}",
        "",
        'question q "Q" {',
        "  count alder at t0",
        "  by kon * g, alder",
        "  where alder >= 65 and kon in (kvinna, man)",
        "}",
      ),
    );
  });

  it("keeps a block written on one line on one line (items two spaces apart) and expands the rest", async () => {
    const input = lines('valueset v "V" nominal {', '  a "A" {   label en "A"   code icf "d4" }', '  b "B" other { label en "B"', "  }", "}");
    expect(await expectFaithful(input, "inline blocks")).toBe(lines('valueset v "V" nominal {', '  a "A" { label en "A"  code icf "d4" }', '  b "B" other {', '    label en "B"', "  }", "}"));
  });

  it("puts a blank line between declarations, but lets a run of one-line declarations of one kind stay together", async () => {
    const input = lines(
      'import "./a.isu"',
      'import "./b.isu"',
      'timepoint t0 "A" { when "x" }',
      'timepoint t1 "B" { when "y" }',
      'variable a "A" : kon at t0',
      'variable b "B" : kon at t0',
      "",
      "",
      'variable c "C" : kon at t0',
      'variable d "D" : kon at t0 {',
      '  definition "D."',
      "}",
      'variable e "E" : kon at t0',
    );
    expect(await expectFaithful(input, "declaration spacing")).toBe(
      lines(
        'import "./a.isu"',
        'import "./b.isu"',
        "",
        'timepoint t0 "A" { when "x" }',
        'timepoint t1 "B" { when "y" }',
        "",
        'variable a "A" : kon at t0',
        'variable b "B" : kon at t0',
        "",
        'variable c "C" : kon at t0',
        "",
        'variable d "D" : kon at t0 {',
        '  definition "D."',
        "}",
        "",
        'variable e "E" : kon at t0',
      ),
    );
  });

  it("keeps plan settings in source order and at most one blank line inside a block, none at its edges", async () => {
    const input = lines("plan p {", "", '  version "2"', '  organisation "O"', "", "", "", '  note "a"', "  language sv", "", "}");
    expect(await expectFaithful(input, "settings")).toBe(lines("plan p {", '  version "2"', '  organisation "O"', "", '  note "a"', "  language sv", "}"));
  });

  it("prints the time point order as a comma list", async () => {
    const input = lines("plan p {", "  timepoints  inskrivning ,uppf_6m,", "    uppf_12m", "}");
    expect(await expectFaithful(input, "timepoints")).toBe(lines("plan p {", "  timepoints inskrivning, uppf_6m, uppf_12m", "}"));
  });

  it("prints conditions with the fewest parentheses that keep the same tree", async () => {
    const cases: [string, string][] = [
      ["((a = 1))", "a = 1"],
      ["(a = 1 and b = 2) or c = 3", "a = 1 and b = 2 or c = 3"],
      ["a = 1 and (b = 2 or c = 3)", "a = 1 and (b = 2 or c = 3)"],
      ["not (a = 1)", "not a = 1"],
      ["not (a = 1 or b = 2)", "not (a = 1 or b = 2)"],
      ["(not a = 1) and b in 1..3", "not a = 1 and b in 1..3"],
      // A nested `and` inside `and` (or `or` in `or`) is its own node in the tree: kept.
      ["a = 1 and (b = 2 and c = 3)", "a = 1 and (b = 2 and c = 3)"],
      ["a = 1 or (b = 2 or c = 3)", "a = 1 or (b = 2 or c = 3)"],
      ["x at t0 != ja and y <= -2.5", "x at t0 != ja and y <= -2.5"],
    ];
    for (const [written, canonical] of cases) {
      const out = await expectFaithful(lines('question q "Q" {', "  count x", `  where ${written}`, "}"), written);
      expect(out).toBe(lines('question q "Q" {', "  count x", `  where ${canonical}`, "}"));
    }
  });

  it("prints texts exactly as written, triple-quoted ones with their content and indentation untouched", async () => {
    const triple = ['  purpose """', "      Rad ett,", '        rad "två" \\ med tecken.', '  """'];
    const input = lines("plan p {", '    note   "med \\"citat\\" och \\\\"', ...triple, "}");
    expect(await expectFaithful(input, "texts")).toBe(lines("plan p {", '  note "med \\"citat\\" och \\\\"', ...triple, "}"));
  });

  it("turns CRLF line ends into LF, or keeps them with endOfLine auto", async () => {
    const input = 'timepoint t0 "A" {\r\n  when "x"\r\n}\r\n';
    expect(await formatIsu(input)).toBe('timepoint t0 "A" {\n  when "x"\n}\n');
    expect(await formatIsu(input, { endOfLine: "auto" })).toBe(input);
  });

  it("formats an empty file to nothing", async () => {
    expect(await formatIsu("")).toBe("");
    expect(await formatIsu("  \n\n")).toBe("");
  });
});

describe("docs/language.md, Formatting", () => {
  it("shows what the formatter does: its example's second text is the first one formatted", async () => {
    const doc = fs.readFileSync(path.join(root, "docs", "language.md"), "utf8");
    const section = doc.slice(doc.indexOf("\n## Formatting\n"));
    const [before, after] = [...section.matchAll(/```isu\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(before && after, "the section shows a text before and after formatting").toBeTruthy();
    expect(await expectFaithful(before!, "docs example")).toBe(after);
  });
});

describe("comments stay where they were", () => {
  it("keeps leading comments above, trailing ones on their line and inner ones inside", async () => {
    const input = lines(
      "// Om planen",
      "",
      "// direkt ovanför",
      'plan p "P" { // efter klammern',
      "  // före språket",
      "  language sv   // svenska",
      "",
      "  /* blockkommentar",
      "     över två rader */",
      '  purpose "S" /* i raden */',
      "  // sist i blocket",
      "} // efter planen",
      "// sist i filen",
    );
    expect(await expectFaithful(input, "comments")).toBe(
      lines(
        "// Om planen",
        "",
        "// direkt ovanför",
        'plan p "P" { // efter klammern',
        "  // före språket",
        "  language sv // svenska",
        "",
        "  /* blockkommentar",
        "     över två rader */",
        '  purpose "S" /* i raden */',
        "  // sist i blocket",
        "} // efter planen",
        "// sist i filen",
      ),
    );
  });

  it("keeps comments in an empty block inside it", async () => {
    const input = lines('valueset v "V" {', "  // inget än", "}", 'valueset w "W" { // inget här heller', "}");
    expect(await expectFaithful(input, "empty blocks")).toBe(lines('valueset v "V" {', "  // inget än", "}", "", 'valueset w "W" { // inget här heller', "}"));
  });

  it("keeps a block comment beside the word it was beside", async () => {
    const input = lines('variable x /* namn */ "X" : integer 1 /* lägst */ .. 9 at /* tp */ t0');
    expect(await expectFaithful(input, "block comments")).toBe(lines('variable x /* namn */ "X" : integer 1 /* lägst */..9 at /* tp */ t0'));
  });

  it("ends a joined line with its last line comment and lifts earlier ones above the statement", async () => {
    const input = lines('variable x "X" // om etiketten', "  : kon // om typen", "  at t0 // om tidpunkten");
    expect(await expectFaithful(input, "joined line")).toBe(lines("// om etiketten", "// om typen", 'variable x "X" : kon at t0 // om tidpunkten'));
  });

  it("keeps a file of comments only", async () => {
    const input = lines("// ett", "", "/* två */", "// tre");
    expect(await expectFaithful(input, "only comments")).toBe(input);
  });
});

describe("syntax errors", () => {
  it("throws a FormatError naming line and column where the checker does, for parse and lexer errors", async () => {
    const cases: [string, RegExp][] = [
      [lines('plan p "P" {', "  language", "}"), /expected a name but found '}'/],
      [lines("variable x : kon at t0", 'group g "G" from x {', '  a "A" = 1 #', "}"), /unexpected character '#'/],
      [lines('plan p "P" {', '  note "ej avslutad', "}"), /unterminated text/],
    ];
    for (const [text, reason] of cases) {
      const e = await formatIsu(text).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(FormatError);
      const fe = e as FormatError;
      const first = parseSource("plan.isu", text).syntax[0]!;
      expect([fe.line, fe.column]).toEqual([first.range.start.line, first.range.start.column]);
      expect(fe.reason).toBe(first.message);
      expect(fe.reason).toMatch(reason);
      expect(fe.message).toBe(`syntax error at line ${fe.line}, column ${fe.column}: ${fe.reason}`);
    }
  });
});

describe("text whose value formatting would change", () => {
  it("refuses a lone carriage return inside a block comment, and formats one between tokens", async () => {
    for (const [text, line, column] of [["plan p {\n  /* a\rb */ language sv\n}\n", 2, 3]] as const) {
      const e = await formatIsu(text).then(
        () => undefined,
        (x: unknown) => x as FormatError,
      );
      expect(e).toBeInstanceOf(FormatError);
      expect([e!.kind, e!.line, e!.column]).toEqual(["unsafe", line, column]);
      expect(e!.reason).toMatch(/carriage return without a line feed/);
    }
    expect(await formatIsu('plan p {\r  purpose """a\r\nb"""\r}\r')).toBe('plan p {\n  purpose """a\nb"""\n}\n');
  });

  it("formats a lone carriage return inside a triple-quoted text as the line end it is, keeping the text's value", async () => {
    const text = 'plan p {\n  purpose """\r    a\r      b\r    """\n}\n';
    const out = await formatIsu(text);
    expect(out).toBe('plan p {\n  purpose """\n    a\n      b\n    """\n}\n');
    const purpose = (src: string) =>
      (parseSource("p.isu", src).ast.declarations[0] as { settings: { key: string; text?: { value: string } }[] }).settings.find((x) => x.key === "purpose")!.text!.value;
    expect(purpose(out)).toBe("a\n  b");
    expect(purpose(text)).toBe(purpose(out));
  });
});

describe("meaning kept and formatting stable", () => {
  const examples = isuFilesUnder(path.join(root, "examples")).filter((f) => !f.includes(`${path.sep}broken${path.sep}`));
  const fixtures = isuFilesUnder(path.join(root, "test", "fixtures")).filter(parsesCleanly);
  const broken = isuFilesUnder(path.join(root, "examples", "broken")).filter(parsesCleanly);

  it("finds the plans to test on", () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each([...examples, ...fixtures, ...broken].map((f) => [path.relative(root, f), f]))("%s", async (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    await expectFaithful(text, file);
  });

  it("on the benchmark plan", async () => {
    await expectFaithful(generatePlan(2000), "generated plan");
  });

  it("on fuzzed reflows of the plans, with comments inserted between tokens", async () => {
    const corpus = [...examples, ...fixtures].filter(parsesCleanly).map((f) => fs.readFileSync(f, "utf8"));
    const gaps = [" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\n    ", " \n ", "\r\n"];
    const comment = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("line" as const, "block" as const, "blockLines" as const),
      ownLine: fc.boolean(),
    });
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(fc.constantFrom(...gaps), { minLength: 1, maxLength: 48 }),
        fc.array(comment, { maxLength: 8 }),
        async (which, gapCycle, inserted) => {
          const text = corpus[which]!;
          const lexed = isuLexer.tokenize(text);
          const toks = [...lexed.tokens, ...((lexed.groups["comments"] as typeof lexed.tokens | undefined) ?? [])].sort((a, b) => a.startOffset - b.startOffset);
          const at = new Map<number, string[]>();
          inserted.forEach((c, i) => {
            const word = c.kind === "line" ? `// fuzz ${i}\n` : c.kind === "block" ? `/* fuzz ${i} */` : `/* fuzz\n   ${i} */`;
            const k = c.at % (toks.length + 1);
            at.set(k, [...(at.get(k) ?? []), (c.ownLine ? "\n" : " ") + word + " "]);
          });
          let out = "";
          toks.forEach((t, i) => {
            let gap = i === 0 ? "" : gapCycle[i % gapCycle.length]!;
            if (i > 0 && toks[i - 1]!.image.startsWith("//") && !gap.includes("\n")) gap = "\n" + gap;
            out += gap + (at.get(i) ?? []).join("") + t.image;
          });
          out += (at.get(toks.length) ?? []).join("") + "\n";
          const sf = parseSource("fuzz.isu", out);
          fc.pre(sf.syntax.length === 0);
          tried++;
          const once = await formatIsu(out);
          expect(meaning(once)).toEqual(meaning(text));
          expect(commentTexts(once)).toEqual(commentTexts(out));
          expect(await formatIsu(once)).toBe(once);
        },
      ),
      { numRuns: 150 },
    );
    expect(tried).toBeGreaterThan(100);
  });
});

describe("prettier plugin", () => {
  it("is found by file extension and formats like formatIsu", async () => {
    const text = lines('timepoint t0 "A"{when "x"}', 'variable a "A":kon at t0');
    const viaPrettier = await prettier.format(text, { filepath: "plan.isu", plugins: [isuPrettierPlugin] });
    expect(viaPrettier).toBe(await formatIsu(text));
    expect(viaPrettier).toBe(lines('timepoint t0 "A" { when "x" }', "", 'variable a "A" : kon at t0'));
    expect(isuPrettierPlugin.languages?.[0]?.extensions).toContain(".isu");
  });

  it("reports a syntax error with prettier's code frame", async () => {
    const text = 'plan p "P" {\n  language\n}\n';
    const at = parseSource("plan.isu", text).syntax[0]!.range.start;
    const e = await prettier.format(text, { parser: "isu", plugins: [isuPrettierPlugin] }).then(
      () => undefined,
      (x: unknown) => x as Error,
    );
    expect(e).toBeInstanceOf(FormatError);
    expect(e!.message).toContain(`line ${at.line}, column ${at.column}`);
    expect(e!.message).toContain(`> ${at.line} |`);
  });
});

describe("isu fmt", () => {
  let dir: string;
  let out: string;
  let err: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-fmt-"));
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const messy = lines('timepoint t0 "A"{when "x"}');
  const tidy = lines('timepoint t0 "A" { when "x" }');
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };

  it("rewrites changed files in place, leaves formatted ones untouched and no temporary file behind", async () => {
    const a = write("a.isu", messy);
    const b = write("sub/b.isu", tidy);
    const inodeB = fs.statSync(b).ino;
    expect(await main(["fmt", dir])).toBe(0);
    expect(fs.readFileSync(a, "utf8")).toBe(tidy);
    expect(fs.statSync(b).ino).toBe(inodeB);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toContain(path.join(path.basename(dir), "a.isu"));
    expect(err).toMatch(/1 file formatted, 1 file already formatted/);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.isu", "sub"]);
  });

  it("--check writes nothing, lists the files that would change and exits 1", async () => {
    const a = write("a.isu", messy);
    write("b.isu", tidy);
    expect(await main(["fmt", "--check", path.join(dir, "a.isu"), path.join(dir, "b.isu")])).toBe(1);
    expect(fs.readFileSync(a, "utf8")).toBe(messy);
    expect(out).toContain("a.isu");
    expect(out).not.toContain("b.isu");
    expect(err).toMatch(/1 file would be reformatted/);
  });

  it("--check exits 0 when everything is formatted", async () => {
    write("b.isu", tidy);
    expect(await main(["fmt", "--check", dir])).toBe(0);
    expect(out).toBe("");
  });

  it("leaves a file with a syntax error untouched, names file:line:col and exits 1", async () => {
    const broken = lines('plan p "P" {', "  language", "}");
    const p = write("broken.isu", broken);
    expect(await main(["fmt", p])).toBe(1);
    expect(fs.readFileSync(p, "utf8")).toBe(broken);
    const at = parseSource(p, broken).syntax[0]!.range.start;
    expect(err).toMatch(new RegExp(`broken\\.isu:${at.line}:${at.column}: syntax error: expected .*\\n.*left unchanged`));
  });

  it("exits 2 for a file that cannot be read, after formatting the others", async () => {
    const a = write("a.isu", messy);
    expect(await main(["fmt", path.join(dir, "missing.isu"), a])).toBe(2);
    expect(err).toMatch(/cannot read '.*missing\.isu': no such file or folder/);
    expect(fs.readFileSync(a, "utf8")).toBe(tidy);
  });

  it("has --help with usage and exit codes", async () => {
    expect(await main(["fmt", "--help"])).toBe(0);
    expect(out).toMatch(/Usage: isu fmt \[options\] <paths\.\.\.>/);
    expect(out).toMatch(/--check/);
    expect(out).toMatch(/Exit codes/);
  });
});
