// Group A checks: imports, names and values (ISU0002–ISU0004, ISU0102–ISU0104,
// ISU0201–ISU0206). Each rule: its failing example gives exactly its code, its
// passing example gives nothing, and inline plans pin message, hint, place and fix.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, type Compilation } from "../compiler/compile.js";
import type { Diagnostic } from "../compiler/syntax/diagnostic.js";
import { rulesByCode } from "../compiler/checks/engine/registry.js";
import { failingExamplePath, passingExamplePath } from "../compiler/docs/diagnostics-doc.js";

const root = path.resolve(__dirname, "..");
const CODES = ["ISU0002", "ISU0003", "ISU0004", "ISU0102", "ISU0103", "ISU0104", "ISU0201", "ISU0202", "ISU0203", "ISU0204", "ISU0205", "ISU0206"];

const PLAN = "/virtual/plan.isu";

function run(files: Record<string, string>, rootPath = PLAN): Compilation {
  return compile(rootPath, { host: { readFile: (p) => files[p] } });
}

function runPlan(text: string): Compilation {
  return run({ [PLAN]: text });
}

function only(c: Compilation, code: string): Diagnostic[] {
  return c.diagnostics.filter((d) => d.code === code);
}

/** 1-based line and column of the n-th occurrence of a piece of text. */
function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' not found ${nth} times`);
  }
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function startOf(d: Diagnostic): { line: number; column: number } {
  return { line: d.range.start.line, column: d.range.start.column };
}

/** Applies one fix's edits to a file's text (edits from the end backwards). */
function applyFix(text: string, d: Diagnostic, fixIndex = 0, file = d.file): string {
  const edits = d.fixes![fixIndex]!.edits.filter((e) => e.file === file).sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

const HEAD = `plan exempel "Exempel" {
  language sv
  purpose "Att prova en regel."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
`;

describe("group A fixtures", () => {
  for (const code of CODES) {
    const rule = rulesByCode.get(code);
    it(`${code} is registered`, () => {
      expect(rule, `${code} in compiler/checks/engine/registry.ts`).toBeDefined();
    });
    if (!rule) continue;
    it(`${code} ${rule.meta.name}: failing example gives exactly ${code}`, () => {
      const c = compile(failingExamplePath(root, rule));
      expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(c.diagnostics.filter((d) => d.code === code).map((d) => `${d.code} ${d.message}`));
      expect(c.diagnostics).toHaveLength(1);
      expect(c.errors).toBe(1);
      expect(c.diagnostics[0]!.hint).toBeTruthy();
    });
    it(`${code} ${rule.meta.name}: passing example is clean`, () => {
      const c = compile(passingExamplePath(root, rule));
      expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
    it(`${code} ${rule.meta.name}: meta is complete`, () => {
      expect(rule.meta.description).not.toContain("\n");
      expect(rule.meta.docs.length).toBeGreaterThan(120);
      expect(rule.meta.configurable === false).toBe(code === "ISU0002" || code === "ISU0003");
    });
  }
});

describe("ISU0002 import-not-found", () => {
  it("suggests a file with a similar name among the program's files, with a fix keeping the spelling of the path", () => {
    const text = `import "./kon"\nimport "./kom"\n${HEAD.replace(/valueset kon[\s\S]*$/, "")}variable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const c = run({ [PLAN]: text, "/virtual/kon.isu": `valueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n` });
    const [d, ...rest] = only(c, "ISU0002");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("imported file './kom' not found");
    expect(d!.hint).toBe("did you mean './kon'?");
    expect(d!.file).toBe(PLAN);
    expect(startOf(d!)).toEqual({ line: 2, column: 8 });
    expect(d!.range.end.column).toBe(15);
    expect(d!.fixes![0]!.edits[0]!.newText).toBe('"./kon"');
    expect(applyFix(text, d!)).toContain('import "./kon"\nimport "./kon"\n');
  });

  it("says where it looked when nothing is similar, and cannot be turned off", () => {
    const text = `${HEAD.replace("purpose", 'rule ISU0002 off\n  purpose')}import "./lib/saknas.isu"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const [d] = only(runPlan(text), "ISU0002");
    expect(d!.severity).toBe("error");
    expect(d!.message).toBe("imported file './lib/saknas.isu' not found");
    expect(d!.hint).toBe("there is no file 'lib/saknas.isu' next to this file; correct the path (it is relative to this file) or create the file");
    expect(startOf(d!)).toEqual(at(text, '"./lib/saknas.isu"'));
    expect(d!.fixes).toBeUndefined();
  });
});

describe("ISU0003 import-cycle", () => {
  it("names the whole circle at the import that closes it", () => {
    const a = `import "./b.isu"\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
    const b = `// b\nimport "./a.isu"\ntimepoint bedomning "Bedömning"\n`;
    const text = `import "./a.isu"\nplan p "P" {\n  language sv\n  purpose "Syfte."\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const c = run({ [PLAN]: text, "/virtual/a.isu": a, "/virtual/b.isu": b });
    const ds = only(c, "ISU0003");
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe("/virtual/b.isu");
    expect(ds[0]!.message).toBe("import cycle: a.isu → b.isu → a.isu");
    expect(ds[0]!.hint).toBe("remove this import ('a.isu' already imports this file); put what both files need in a third file that both import");
    expect(startOf(ds[0]!)).toEqual({ line: 2, column: 8 });
    // The names of both files are still in scope: no undefined-name noise.
    expect(only(c, "ISU0101")).toEqual([]);
  });

  it("reports a file that imports itself", () => {
    const text = `${HEAD}import "./plan.isu"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const [d] = only(runPlan(text), "ISU0003");
    expect(d!.message).toBe("'plan.isu' imports itself");
    expect(d!.hint).toMatch(/^remove this import/);
    expect(startOf(d!)).toEqual(at(text, '"./plan.isu"'));
  });
});

describe("ISU0004 plan-placement", () => {
  it("reports an imported file with a plan at the import that brings it in", () => {
    const other = `plan andra "Andra" {\n  language sv\n  purpose "Syfte."\n}\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
    const text = `import "./lib/andra.isu"\nplan p "P" {\n  language sv\n  purpose "Syfte."\n}\ntimepoint bedomning "Bedömning"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const c = run({ [PLAN]: text, "/virtual/lib/andra.isu": other });
    const ds = only(c, "ISU0004");
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(PLAN);
    expect(ds[0]!.message).toBe("imported file 'lib/andra.isu' declares plan 'andra'; only the checked file may declare a plan");
    expect(ds[0]!.hint).toMatch(/^import a module without a plan block/);
    expect(startOf(ds[0]!)).toEqual({ line: 1, column: 8 });
    // Checked on its own, the imported file is a valid plan.
    expect(only(run({ "/virtual/lib/andra.isu": other }, "/virtual/lib/andra.isu"), "ISU0004")).toEqual([]);
  });

  it("reports every plan after the first in the checked file at its name", () => {
    const text = `${HEAD}plan tva "Två" { language sv }\nplan tre "Tre" { language sv }\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
    const ds = only(runPlan(text), "ISU0004");
    expect(ds.map((d) => d.message)).toEqual([
      "a second plan 'tva' in this file; a file declares at most one plan (the first is 'exempel' on line 1)",
      "a second plan 'tre' in this file; a file declares at most one plan (the first is 'exempel' on line 1)",
    ]);
    expect(startOf(ds[0]!)).toEqual(at(text, "tva"));
    expect(ds[1]!.hint).toBe("remove this plan block, or move plan 'tre' into a file of its own");
  });
});

describe("ISU0102 wrong-kind", () => {
  const text = `${HEAD}timepoint uppfoljning "Uppföljning"
variable alder "Ålder" : integer 18..120 at bedomning
group aldersgrupp "Åldersgrupp" from alder {
  "Under 65" = ..64
  "65 och äldre" = 65..
}
variable kon "Kön" : kon at bedomning
question medel "Medelålder?" { summary aldersgrupp }
question tid "Kön?" { count kon at kon }
question typ "Typ?" { count kon by bedomning }
`;
  const c = runPlan(text);
  const ds = only(c, "ISU0102");

  it("points a group used as a variable to the variable it is formed from, with a fix", () => {
    const d = ds.find((x) => x.message.startsWith("'aldersgrupp'"))!;
    expect(d.message).toBe("'aldersgrupp' is a group, not a variable");
    expect(d.hint).toBe("did you mean 'alder' (the variable group 'aldersgrupp' is formed from)?");
    expect(startOf(d)).toEqual(at(text, "aldersgrupp }"));
    expect(d.range.end.column - d.range.start.column).toBe("aldersgrupp".length);
    expect(d.fixes![0]!.edits[0]!.newText).toBe("alder");
  });

  it("names the kind found and the kinds expected, and lists what fits", () => {
    const both = ds.find((d) => d.message.startsWith("'kon'"))!;
    expect(both.message).toBe("'kon' is a variable and a value set, not a time point");
    expect(both.hint).toBe("use a time point here: 'bedomning', 'uppfoljning'");
    expect(startOf(both)).toEqual(at(text, "kon }"));
    const tp = ds.find((d) => d.message === "'bedomning' is a time point, not a variable or group")!;
    expect(tp.hint).toBe("use a variable or a group here: 'alder', 'kon', 'aldersgrupp'");
    expect(startOf(tp)).toEqual(at(text, "bedomning }"));
    expect(ds).toHaveLength(3);
  });

  it("keeps undefined-name silent for these names", () => {
    expect(only(c, "ISU0101")).toEqual([]);
  });

  it("suggests the value set of a variable used as a type", () => {
    const t = `${HEAD}variable kon "Kön" : kon at bedomning\nvariable kon2 "Kön igen" : kon2 at bedomning\nvariable kon3 "Kön 3" : kon at bedomning\nquestion q "Q?" { count kon by kon3 }\nquestion q2 "Q2?" { count kon2 }\n`;
    const [d] = only(runPlan(t.replace(": kon2 at", ": kon3 at")), "ISU0102");
    expect(d!.message).toBe("'kon3' is a variable, not a value set");
    expect(d!.hint).toBe("did you mean 'kon' (the value set of variable 'kon3')?");
  });
});

describe("ISU0103 duplicate-name", () => {
  it("says that variables and groups share one namespace", () => {
    const text = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning
group alder "Åldersgrupp" from alder {
  "Barn" = ..17
  "Vuxen" = 18..
}
variable kon "Kön" : kon at bedomning
question q "Q?" { count kon by alder }
`;
    const [d, ...rest] = only(runPlan(text), "ISU0103");
    expect(rest).toEqual([]);
    expect(d!.message).toBe(`group 'alder' has the same name as variable 'alder' (declared on line ${at(text, "variable alder").line}); variables and groups share one namespace`);
    expect(d!.hint).toBe("rename the group or the variable");
    expect(startOf(d!)).toEqual(at(text, "alder", 2));
  });

  it("reports the later declaration when the first comes from an imported file", () => {
    const lib = `// delade värdemängder\n\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
    const text = `import "./lib/gemensamt.isu"\n${HEAD}variable kon "Kön" : kon at bedomning\nquestion q "Q?" { count kon }\n`;
    const [d, ...rest] = only(run({ [PLAN]: text, "/virtual/lib/gemensamt.isu": lib }), "ISU0103");
    expect(rest).toEqual([]);
    expect(d!.file).toBe(PLAN);
    expect(d!.message).toBe("value set 'kon' is declared twice (first in lib/gemensamt.isu on line 3)");
    expect(d!.hint).toBe("rename this value set, or remove it if it is a copy");
    expect(startOf(d!)).toEqual(at(text, "kon", 1));
  });
});

describe("ISU0104 invalid-identifier", () => {
  it("renames a value code together with every use of it", () => {
    const text = `${HEAD.replace('kvinna "Kvinna"', 'Kvinna "Kvinna"')}variable kon "Kön" : kon at bedomning
variable boende "Boende" : kon at bedomning
question q "Q?" {
  count boende
  where kon = Kvinna or kon in (Kvinna, man)
}
`;
    const [d, ...rest] = only(runPlan(text), "ISU0104");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("code 'Kvinna' in value set 'kon' is not a valid name: use lower-case a–z, digits and _, starting with a letter");
    expect(d!.hint).toBe("use 'kvinna' (the fix renames all 2 uses too)");
    expect(startOf(d!)).toEqual(at(text, "Kvinna"));
    const fixed = applyFix(text, d!);
    expect(fixed).toContain('  kvinna "Kvinna"\n');
    expect(fixed).toContain("where kon = kvinna or kon in (kvinna, man)");
    expect(only(runPlan(fixed), "ISU0104")).toEqual([]);
  });

  it("folds Swedish letters and avoids a name already taken", () => {
    const text = `${HEAD}variable kon "Kön" : kon at bedomning\nvariable Kön "Kön igen" : kon at bedomning\nquestion q "Q?" { count kon by Kön }\n`;
    const [d] = only(runPlan(text), "ISU0104");
    expect(d!.message).toBe("variable 'Kön' is not a valid name: use lower-case a–z, digits and _, starting with a letter");
    expect(d!.hint).toBe("use 'kon_2' (the fix renames its use too)");
    expect(d!.fixes![0]!.edits.map((e) => e.newText)).toEqual(["kon_2", "kon_2"]);
    expect(d!.fixes![0]!.edits.map((e) => e.range.start.line)).toEqual([at(text, "Kön ").line, at(text, "by Kön").line]);
  });

  it("checks time point, group entry and plan names", () => {
    const text = `plan Exempel_1 "E" {\n  language sv\n  purpose "S."\n}\ntimepoint bedömning "Bedömning"\nvariable alder "Ålder" : integer at bedömning\ngroup grp "G" from alder {\n  Unga "Unga" = ..30\n  aldre "Äldre" = 31..\n}\nquestion q "Q?" { count grp }\n`;
    const msgs = only(runPlan(text), "ISU0104").map((d) => d.message.replace(/ is not a valid name.*/, ""));
    expect(msgs).toEqual(["plan 'Exempel_1'", "time point 'bedömning'", "entry 'Unga' in group 'grp'"]);
  });
});

describe("ISU0201 undefined-value", () => {
  const boende = `valueset boende "Boendeform" {
  ensam "Ensamboende"
  sambo "Sammanboende"
  annat "Annat" other
}
`;
  it("suggests a code by its label and offers to add the value to its value set", () => {
    const text = `${HEAD}${boende}variable boende "Boendeform" : boende at bedomning
group ensamhet "Ensamhet" from boende {
  "Ensam" = ensamboende
  "Inte ensam" = sambo, annat
}
question q "Q?" { count ensamhet }
`;
    const [d, ...rest] = only(runPlan(text), "ISU0201");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("value set 'boende' has no value 'ensamboende'");
    expect(d!.hint).toBe(`did you mean 'ensam' ("Ensamboende")?`);
    expect(startOf(d!)).toEqual(at(text, "ensamboende"));
    expect(d!.fixes!.map((f) => f.title)).toEqual(["Change to 'ensam'", `add 'ensamboende "Ensamboende"' to valueset boende`]);
    const add = d!.fixes![1]!.edits[0]!;
    expect(add.newText).toBe('  ensamboende "Ensamboende"\n');
    expect({ line: add.range.start.line, column: add.range.start.column }).toEqual({ line: at(text, "}\nvariable boende").line, column: 1 });
    const added = applyFix(text, d!, 1);
    expect(added).toContain('  annat "Annat" other\n  ensamboende "Ensamboende"\n}\n');
    expect(only(runPlan(added), "ISU0201")).toEqual([]);
    expect(only(runPlan(applyFix(text, d!, 0)), "ISU0201")).toEqual([]);
  });

  it("lists the codes when nothing is close, and inserts into a one-line value set", () => {
    const text = `plan p "P" {\n  language sv\n  purpose "S."\n}\ntimepoint bedomning "B"\nvalueset svar "Svar" { ja "Ja" nej "Nej" }\nvariable svar "Svar" : svar at bedomning\nquestion q "Q?" {\n  count svar\n  where svar != kanske\n}\n`;
    const [d] = only(runPlan(text), "ISU0201");
    expect(d!.hint).toBe(`use one of 'ja', 'nej', or add 'kanske "Kanske"' to valueset svar`);
    expect(d!.fixes).toHaveLength(1);
    expect(applyFix(text, d!)).toContain('valueset svar "Svar" { ja "Ja" nej "Nej" kanske "Kanske" }');
  });

  it("checks codes against a group's entry names", () => {
    const text = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning
group aldersgrupp "Åldersgrupp" from alder {
  yngre "Under 65" = ..64
  aldre "65 och äldre" = 65..
}
variable kon "Kön" : kon at bedomning
question q "Q?" {
  count kon
  where aldersgrupp = aldr
}
`;
    const [d] = only(runPlan(text), "ISU0201");
    expect(d!.message).toBe("group 'aldersgrupp' has no entry 'aldr'");
    expect(d!.hint).toBe("did you mean 'aldre'?");
    expect(startOf(d!)).toEqual(at(text, "aldr\n"));
    expect(d!.fixes![0]!.edits[0]!.newText).toBe("aldre");
  });
});

describe("ISU0202 duplicate-code", () => {
  it("treats 1 and 01 as one code and suggests a code from the label for word codes", () => {
    const text = `plan p "P" {\n  language sv\n  purpose "S."\n}\ntimepoint bedomning "B"
valueset niva "Nivå" {
  1 "Låg"
  01 "Hög"
  9 "Vet ej" missing
}
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  man "Annat" other
}
`;
    const ds = only(runPlan(text), "ISU0202");
    expect(ds.map((d) => d.message)).toEqual([`code '01' appears twice in value set 'niva' (first on line 7, "Låg")`, `code 'man' appears twice in value set 'kon' (first on line 13, "Man")`]);
    expect(ds[0]!.fixes![0]!.edits[0]!.newText).toBe("2");
    expect(ds[1]!.hint).toBe(`give "Annat" a code of its own, e.g. 'annat', or remove the repeated line`);
    expect(startOf(ds[1]!)).toEqual(at(text, "man", 2));
    expect(ds[1]!.fixes![0]!.edits[0]!.newText).toBe("annat");
  });

  it("reports a group entry name used twice", () => {
    const text = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning\ngroup g "G" from alder {\n  ung "Ung" = ..40\n  ung "Äldre" = 41..\n}\nquestion q "Q?" { count g }\n`;
    const [d] = only(runPlan(text), "ISU0202");
    expect(d!.message).toBe(`entry name 'ung' appears twice in group 'g' (first on line ${at(text, "ung").line})`);
    expect(d!.hint).toBe(`give "Äldre" a name of its own`);
    expect(startOf(d!)).toEqual(at(text, "ung", 2));
  });
});

describe("ISU0203 duplicate-label", () => {
  it("compares translations per language and leaves same-code pairs to ISU0202", () => {
    const text = `plan p "P" {\n  language sv\n  translations en\n  purpose "S."\n}\ntimepoint bedomning "B"
valueset boende "Boendeform" {
  ensam "Ensamboende" { label en "Living alone" }
  sambo "Sammanboende" { label en "Cohabiting" }
  gift "Gift" { label en "cohabiting " }
  gift "Gift" { label en "Married" }
}
`;
    const c = runPlan(text);
    const ds = only(c, "ISU0203");
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe("warning");
    expect(ds[0]!.message).toBe(`'gift' has the same label (label en) as 'sambo' in value set 'boende': "cohabiting "`);
    expect(ds[0]!.hint).toBe("give 'gift' a label of its own, so forms and tables can tell the two apart");
    expect(startOf(ds[0]!)).toEqual(at(text, '"cohabiting "'));
    expect(only(c, "ISU0202")).toHaveLength(1);
  });

  it("checks the labels of group entries", () => {
    const text = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning\ngroup g "G" from alder {\n  "Vuxen" = ..64\n  "vuxen" = 65..\n}\nquestion q "Q?" { count g }\n`;
    const [d] = only(runPlan(text), "ISU0203");
    expect(d!.message).toBe(`entry 2 has the same label as entry 1 in group 'g': "vuxen"`);
    expect(startOf(d!)).toEqual(at(text, '"vuxen"'));
  });
});

describe("ISU0204 value-type-mismatch", () => {
  const text = `${HEAD}valueset svarighet "Svårighet" ordinal better lower {
  0 "Inga"
  1 "Lätta"
  2 "Måttliga"
  3 "Stora"
  4 "Totala"
  8 "Ej specificerat" missing
  9 "Ej tillämpligt" missing
}
variable kon "Kön" : kon at bedomning
variable alder "Ålder" : integer 0..120 at bedomning
variable forflyttning "Förflyttning" : svarighet at bedomning { definition "D." }
variable anteckning "Anteckning" : text at bedomning { reason "R." }
group aldersgrupp "Åldersgrupp" from alder {
  barn "Barn" = ..17
  vuxen "Vuxen" = 18..
}
question a "A?" {
  count kon
  where forflyttning >= 3
}
question b "B?" {
  count kon
  where alder = vuxen and kon = 1 and aldersgrupp < 18
}
question c "C?" {
  count kon
  where anteckning = x
}
`;
  const ds = only(runPlan(text), "ISU0204");

  it("lists the scale values for an ordered comparison on an ordinal set, leaving out the missing codes", () => {
    const d = ds.find((x) => x.message.startsWith("'>='"))!;
    expect(d.message).toBe("'>=' compares numbers, but 'forflyttning' takes the codes of value set 'svarighet'");
    expect(d.hint).toBe("list the values: `forflyttning in (3, 4)` (the missing-value codes 8, 9 are not scale values)");
    expect(startOf(d)).toEqual(at(text, "forflyttning >= 3"));
    expect(applyFix(text, d)).toContain("where forflyttning in (3, 4)\n");
  });

  it("points a code compared with a number variable to the group that has it", () => {
    const d = ds.find((x) => x.message.startsWith("'vuxen'"))!;
    expect(d.message).toBe("'vuxen' is a code, but 'alder' is a number");
    expect(d.hint).toBe("did you mean group 'aldersgrupp' (`aldersgrupp = vuxen`)?");
    expect(startOf(d)).toEqual(at(text, "vuxen and"));
    expect(applyFix(text, d)).toContain("where aldersgrupp = vuxen and");
  });

  it("reports a number against word codes, order on a group, and comparing free text", () => {
    expect(ds.map((d) => d.message)).toEqual([
      "'>=' compares numbers, but 'forflyttning' takes the codes of value set 'svarighet'",
      "'vuxen' is a code, but 'alder' is a number",
      "'1' is a number, but value set 'kon' has word codes",
      "'<' compares numbers, but 'aldersgrupp' is a group",
      "'anteckning' is free text; a condition cannot compare it",
    ]);
    const group = ds[3]!;
    expect(group.hint).toBe("compare the variable the group is formed from: `alder < 18`");
    expect(ds[2]!.hint).toBe("use one of its codes: 'kvinna', 'man', 'annat'");
    expect(startOf(ds[2]!)).toEqual(at(text, "1 and"));
  });

  it("reports numbers against word codes in a group mapping, and leaves unknown codes to ISU0201", () => {
    const t = `${HEAD}variable kon "Kön" : kon at bedomning\ngroup g "G" from kon {\n  "Kvinnor" = 1\n  "Övriga" = man, annat, okand\n}\nquestion q "Q?" { count g }\n`;
    const c = runPlan(t);
    expect(only(c, "ISU0204").map((d) => [d.message, startOf(d)])).toEqual([["'1' is a number, but value set 'kon' has word codes", at(t, "1\n")]]);
    expect(only(c, "ISU0201").map((d) => d.message)).toEqual(["value set 'kon' has no value 'okand'"]);
  });
});

describe("ISU0205 missing-code-in-group", () => {
  const head = `${HEAD}valueset svarighet "Svårighet" ordinal better lower {
  0 "Inga"
  1 "Lätta"
  2 "Stora"
  9 "Ej tillämpligt" missing
}
variable forflyttning "Förflyttning" : svarighet at bedomning { definition "D." }
`;
  it("removes the code and its comma when it leads the list", () => {
    const text = `${head}group g "G" from forflyttning {\n  latt "Lätt" = 0, 1\n  svar "Svår" = 9, 2\n}\nquestion q "Q?" { count g }\n`;
    const [d, ...rest] = only(runPlan(text), "ISU0205");
    expect(rest).toEqual([]);
    expect(d!.severity).toBe("warning");
    expect(d!.message).toBe(`'9' ("Ej tillämpligt") is a missing-value code of value set 'svarighet' but is mapped into "Svår" of group 'g'`);
    expect(d!.hint).toBe("remove '9' from the group: missing answers are counted as missing data in every table");
    expect(startOf(d!)).toEqual(at(text, "9, 2"));
    expect(applyFix(text, d!)).toContain(`svar "Svår" = 2\n`);
  });

  it("offers no fix when the code is the entry's only value", () => {
    const text = `${head}group g "G" from forflyttning {\n  latt "Lätt" = 0, 1, 2\n  okant "Okänt" = 9\n}\nquestion q "Q?" { count g }\n`;
    const [d] = only(runPlan(text), "ISU0205");
    expect(d!.fixes).toBeUndefined();
    expect(startOf(d!)).toEqual(at(text, "9\n"));
  });

  it("says nothing about a missing code used in a condition", () => {
    const text = `${head}variable kon "Kön" : kon at bedomning\nquestion q "Q?" {\n  count kon\n  where forflyttning = 9\n}\n`;
    expect(only(runPlan(text), "ISU0205")).toEqual([]);
  });
});

describe("ISU0206 invalid-range", () => {
  it("reports decimals in an integer band with a rounding fix, and a band outside the declared range", () => {
    const text = `${HEAD}variable alder "Ålder" : integer 18..120 at bedomning
group g "G" from alder {
  "Yngre" = ..64.5
  "Äldre" = 65..
  "Barn" = 0..17
}
question q "Q?" { count g }
`;
    const ds = only(runPlan(text), "ISU0206");
    expect(ds.map((d) => d.message)).toEqual(["'64.5' is not a whole number, but 'alder' is an integer", "band 0..17 of group 'g' lies outside the range 18..120 of 'alder'"]);
    expect(ds[0]!.hint).toBe("use 64 (integer ranges include both ends), or declare 'alder' as decimal");
    expect(startOf(ds[0]!)).toEqual(at(text, "64.5"));
    expect(applyFix(text, ds[0]!)).toContain(`"Yngre" = ..64\n`);
    expect(ds[1]!.hint).toBe("no value of 'alder' can fall in it, so the group entry stays empty: correct the range, or widen the range of 'alder'");
    expect(startOf(ds[1]!)).toEqual(at(text, "0..17"));
    expect(ds[1]!.range.end.column).toBe(at(text, "0..17").column + 5);
  });

  it("swaps a reversed range in a condition", () => {
    const text = `${HEAD}variable alder "Ålder" : decimal 0..120 at bedomning\nvariable kon "Kön" : kon at bedomning\nquestion q "Q?" {\n  count kon\n  where alder in 80..65.5 or alder in 130..\n}\n`;
    const ds = only(runPlan(text), "ISU0206");
    expect(ds.map((d) => d.message)).toEqual([
      "the range 80..65.5 in this condition is empty: its low end 80 is above its high end 65.5",
      "the range 130.. in this condition lies outside the range 0..120 of 'alder'",
    ]);
    expect(ds[0]!.hint).toBe("write the low end first: 65.5..80");
    expect(applyFix(text, ds[0]!)).toContain("where alder in 65.5..80 or");
  });
});
