// Group C checks: comparison groups (ISU0501–0505), data minimisation
// (ISU0601–0604), quality (ISU0701–0707), small numbers (ISU0801) and plan
// settings (ISU0901–0902). Each rule: its failing example gives exactly its
// code, its passing example gives nothing, and inline plans pin message,
// range and fixes (a fix is applied and the plan compiled again).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Range } from "../compiler/syntax/ast.js";
import { rulesByCode } from "../compiler/checks/engine/registry.js";
import { compile, type Compilation } from "../compiler/compile.js";
import { allRules } from "../compiler/checks/engine/registry.js";
import { findRule, readRuleSettings } from "../compiler/checks/engine/settings.js";
import type { Diagnostic, Fix } from "../compiler/syntax/diagnostic.js";
import { failingExamplePath, passingExamplePath } from "../compiler/docs/diagnostics-doc.js";

const root = path.resolve(__dirname, "..");
const PLAN_PATH = "/virtual/plan.isu";

const GROUP_C: [string, string, string][] = [
  ["ISU0501", "overlapping-bands", "error"],
  ["ISU0502", "gap-between-bands", "warning"],
  ["ISU0503", "unmapped-values", "warning"],
  ["ISU0504", "group-source-type", "error"],
  ["ISU0505", "value-mapped-twice", "error"],
  ["ISU0601", "unused-variable", "warning"],
  ["ISU0602", "free-text-without-reason", "warning"],
  ["ISU0603", "sensitive-without-legal-basis", "warning"],
  ["ISU0604", "unknown-sensitive-category", "error"],
  ["ISU0701", "no-other-option", "warning"],
  ["ISU0702", "missing-definition", "warning"],
  ["ISU0703", "missing-translation", "warning"],
  ["ISU0704", "classification-without-version", "warning"],
  ["ISU0705", "unknown-classification", "error"],
  ["ISU0706", "kva-summary-code", "warning"],
  ["ISU0707", "missing-purpose", "warning"],
  ["ISU0801", "small-cells", "info"],
  ["ISU0901", "invalid-rule-setting", "error"],
  ["ISU0902", "invalid-plan-setting", "error"],
];

function compileText(text: string): Compilation {
  const files: Record<string, string> = { [PLAN_PATH]: text };
  return compile(PLAN_PATH, { host: { readFile: (p) => files[p] } });
}

function only(c: Compilation, code: string): Diagnostic[] {
  return c.diagnostics.filter((d) => d.code === code);
}

function codes(c: Compilation): string[] {
  return c.diagnostics.map((d) => d.code);
}

function textAt(text: string, r: Range): string {
  return text.slice(r.start.offset, r.end.offset);
}

/** The text after a fix's edits (applied from the end, so offsets stay valid). */
function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) {
    expect(e.file).toBe(PLAN_PATH);
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  }
  return out;
}

/** A plan that is clean under the whole catalogue, with room for more settings and declarations. */
function plan(settings: string, body: string, purpose = `  purpose "Att visa hur en regel fungerar."\n`): string {
  return `plan exempel "Exempel" {
  language sv
${purpose}${settings}}
timepoint bedomning "Bedömning" { when "vid utredning" }
timepoint uppfoljning "Uppföljning" { when "6 månader efter beslut" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at bedomning
question fordelning "Hur fördelar sig brukarna på kön?" {
  count kon
}
${body}`;
}

const ALDER = `variable alder "Ålder" : integer 18..120 unit "år" at bedomning\n`;
const ageGroup = (bands: string, extra = "") => plan(extra, `${ALDER}group aldersgrupp "Åldersgrupp" from alder {\n${bands}}\nquestion kon_alder "Kön efter ålder" {\n  count kon\n  by aldersgrupp\n}\n`);
const TID = `variable tid "Tid" : decimal 0..10 unit "timmar" at bedomning\n`;
const timeGroup = (bands: string) => plan("", `${TID}group tidsgrupp "Tid" from tid {\n${bands}}\nquestion kon_tid "Kön efter tid" {\n  count kon\n  by tidsgrupp\n}\n`);
const BOENDE = `valueset boende "Boendeform" {
  ensam "Ensamboende"
  sambo "Gift eller sambo"
  barn "Bor med barn"
  annat "Annat boende" other
  vet_ej "Vet ej" missing
}
variable boende "Boendeform" : boende at bedomning
`;
const livingGroup = (entries: string, extra = "") => plan(extra, `${BOENDE}group boendegrupp "Boende" from boende {\n${entries}}\nquestion kon_boende "Kön efter boende" {\n  count kon\n  by boendegrupp\n}\n`);

describe("group C catalogue", () => {
  for (const [code, name, severity] of GROUP_C) {
    const rule = rulesByCode.get(code);
    it(`${code} is registered as ${name} (${severity})`, () => {
      expect(rule?.meta.name).toBe(name);
      expect(rule?.meta.defaultSeverity).toBe(severity);
      expect(rule?.meta.docs.length).toBeGreaterThan(100);
    });
    it(`${code} ${name}: the failing example gives exactly ${code}, the passing one nothing`, () => {
      const failing = compile(failingExamplePath(root, rule!));
      expect(failing.diagnostics.length).toBeGreaterThan(0);
      expect(codes(failing).filter((c) => c !== code)).toEqual([]);
      expect(failing.errors).toBeGreaterThan(0);
      const passing = compile(passingExamplePath(root, rule!));
      expect(passing.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }
  it("the base plan of the inline cases is clean", () => {
    expect(compileText(plan("", "")).diagnostics).toEqual([]);
    expect(fs.existsSync(path.join(root, "examples", "broken"))).toBe(true);
  });
});

describe("ISU0501 overlapping-bands", () => {
  it("reports integer bands that share an end, and the fix starts the later band after it", () => {
    const text = ageGroup(`  "18–64 år" = 18..64\n  "65–80 år" = 65..80\n  "80 år och äldre" = 80..\n`);
    const [d, ...rest] = only(compileText(text), "ISU0501");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("bands overlap in group 'aldersgrupp': '80 år och äldre' (80..) and '65–80 år' (65..80) both hold 80");
    expect(textAt(text, d!.range)).toBe("80..");
    expect(d!.fixes?.[0]?.title).toBe("Start '80 år och äldre' at 81");
    const fixed = applyFix(text, d!.fixes![0]!);
    expect(fixed).toContain(`"80 år och äldre" = 81..`);
    expect(compileText(fixed).diagnostics).toEqual([]);
  });
  it("treats decimal bands as low-inclusive, high-exclusive", () => {
    expect(compileText(timeGroup(`  "Kort" = 0..5\n  "Lång" = 5..\n`)).diagnostics).toEqual([]);
    const text = timeGroup(`  "Kort" = 0..5.5\n  "Lång" = 5..\n`);
    const [d] = only(compileText(text), "ISU0501");
    expect(d!.message).toBe("bands overlap in group 'tidsgrupp': 'Lång' (5..) and 'Kort' (0..5.5) both hold from 5 to below 5.5");
    expect(applyFix(text, d!.fixes![0]!)).toContain(`"Lång" = 5.5..`);
  });
  it("offers no fix when one band lies inside another", () => {
    const [d] = only(compileText(ageGroup(`  "Alla" = 18..120\n  "65–79 år" = 65..79\n`)), "ISU0501");
    expect(d!.message).toBe("bands overlap in group 'aldersgrupp': '65–79 år' (65..79) and 'Alla' (18..120) both hold 65..79");
    expect(d!.fixes).toBeUndefined();
  });
});

describe("ISU0502 gap-between-bands", () => {
  it("reports the values between two integer bands, with fixes on either side", () => {
    const text = ageGroup(`  "18–64 år" = 18..64\n  "70 år och äldre" = 70..\n`);
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0502"]);
    const d = c.diagnostics[0]!;
    expect(d.severity).toBe("warning");
    expect(d.message).toBe("gap in group 'aldersgrupp': values 65..69 lie between '18–64 år' (18..64) and '70 år och äldre' (70..) and belong to no entry");
    expect(textAt(text, d.range)).toBe("70..");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Start '70 år och äldre' at 65", "End '18–64 år' at 69"]);
    for (const f of d.fixes!) expect(compileText(applyFix(text, f)).diagnostics).toEqual([]);
  });
  it("judges gaps against the declared range", () => {
    // 6..9 lies below 18, so no individual can have it.
    expect(only(compileText(ageGroup(`  "Unga" = ..5\n  "Övriga" = 10..\n`)), "ISU0502")).toEqual([]);
    const [d] = only(compileText(ageGroup(`  "Unga" = ..10\n  "Övriga" = 20..\n`)), "ISU0502");
    expect(d!.message).toContain("values 18..19 lie between 'Unga' (..10) and 'Övriga' (20..)");
  });
  it("sees decimal bands meeting exactly as contiguous, and a gap between them in words", () => {
    const [d] = only(compileText(timeGroup(`  "Kort" = 0..5\n  "Lång" = 6..\n`)), "ISU0502");
    expect(d!.message).toContain("values from 5 to below 6 lie between 'Kort' (0..5) and 'Lång' (6..)");
  });
});

describe("ISU0503 unmapped-values", () => {
  it("reports the part of the declared range below the first band (18..120 with 65..79, 80..)", () => {
    const text = ageGroup(`  "65–79 år" = 65..79\n  "80 år och äldre" = 80..\n`);
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0503"]);
    const d = c.diagnostics[0]!;
    expect(d.message).toBe("values 18..64 of 'alder' (integer 18..120) belong to no entry of group 'aldersgrupp'");
    expect(textAt(text, d.range)).toBe("aldersgrupp");
    const fixed = applyFix(text, d.fixes![0]!);
    expect(fixed).toContain(`{\n  "18–64 år" = 18..64\n  "65–79 år" = 65..79\n`);
    expect(compileText(fixed).diagnostics).toEqual([]);
  });
  it("reports both ends at once, and a range the variable does not declare", () => {
    const [d] = only(compileText(ageGroup(`  "65–79 år" = 65..79\n`)), "ISU0503");
    expect(d!.message).toBe("values 18..64 and 80..120 of 'alder' (integer 18..120) belong to no entry of group 'aldersgrupp'");
    const open = plan("", `variable alder "Ålder" : integer at bedomning\ngroup aldersgrupp "Åldersgrupp" from alder {\n  "65 år och äldre" = 65..\n}\nquestion q "Q" {\n  count aldersgrupp\n}\n`);
    const [e] = only(compileText(open), "ISU0503");
    expect(e!.message).toBe("values ..64 of 'alder' (integer without a declared range) belong to no entry of group 'aldersgrupp'");
    expect(e!.hint).toContain("declare the range");
  });
  it("reports codes of the value set that no entry maps, but not missing codes", () => {
    const text = livingGroup(`  ensam "Bor ensam" = ensam\n  andra "Bor med andra" = sambo\n`);
    const [d, ...rest] = only(compileText(text), "ISU0503");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("values 'barn' and 'annat' of value set 'boende' are mapped by no entry of group 'boendegrupp'");
    const fixed = applyFix(text, d!.fixes![0]!);
    expect(fixed).toContain(`  "Bor med barn" = barn\n  "Annat boende" = annat\n}`);
    expect(compileText(fixed).diagnostics).toEqual([]);
  });
  it("points out that a decimal band ending at the range's top leaves the top out", () => {
    const text = timeGroup(`  "Kort" = 0..5\n  "Lång" = 5..10\n`);
    const [d] = only(compileText(text), "ISU0503");
    expect(d!.message).toBe("value 10 of 'tid' (decimal 0..10) belongs to no entry of group 'tidsgrupp'");
    expect(applyFix(text, d!.fixes![0]!)).toContain(`"Lång" = 5..\n`);
  });
});

describe("ISU0504 group-source-type", () => {
  it("refuses a group formed from free text", () => {
    const text = plan("", `variable ort "Ort" : text at bedomning { reason "Orten behövs för planeringen." }\ngroup ortgrupp "Ort" from ort {\n  "Staden" = stad\n}\nquestion q "Q" {\n  count kon\n  by ortgrupp\n}\n`);
    const [d] = only(compileText(text), "ISU0504");
    expect(d!.message).toBe("group 'ortgrupp' cannot be formed from 'ort': it is a free-text variable");
    expect(textAt(text, d!.range)).toBe("ort");
  });
  it("refuses bands on a choice variable and codes on a number, with a fix to a range", () => {
    const bands = livingGroup(`  "Några" = 1..2\n`);
    const [b] = only(compileText(bands), "ISU0504");
    expect(b!.message).toBe("group 'boendegrupp' maps the range 1..2, but 'boende' is a choice variable (value set 'boende')");
    expect(textAt(bands, b!.range)).toBe("1..2");
    const text = ageGroup(`  "Yngre" = 18, 19, 20\n  "Äldre" = 21..\n`);
    const [d] = only(compileText(text), "ISU0504");
    expect(d!.message).toBe("group 'aldersgrupp' maps the codes 18, 19, 20, but 'alder' is an integer variable");
    expect(textAt(text, d!.range)).toBe("18, 19, 20");
    expect(compileText(applyFix(text, d!.fixes![0]!)).diagnostics).toEqual([]);
  });
});

describe("ISU0505 value-mapped-twice", () => {
  it("reports a code in two entries and removes the later mention", () => {
    const text = livingGroup(`  ensam "Bor ensam" = ensam, sambo\n  andra "Bor med andra" = sambo, barn, annat\n`);
    const [d, ...rest] = only(compileText(text), "ISU0505");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("code 'sambo' is mapped in both 'Bor ensam' and 'Bor med andra' of group 'boendegrupp'");
    expect(textAt(text, d!.range)).toBe("sambo");
    expect(d!.range.start.line).toBe(text.split("\n").findIndex((l) => l.includes("andra \"Bor med andra\"")) + 1);
    const fixed = applyFix(text, d!.fixes![0]!);
    expect(fixed).toContain(`andra "Bor med andra" = barn, annat\n`);
    expect(compileText(fixed).diagnostics).toEqual([]);
  });
  it("reports a code listed twice in one entry", () => {
    const [d] = only(compileText(livingGroup(`  ensam "Bor ensam" = ensam, ensam\n  andra "Bor med andra" = sambo, barn, annat\n`)), "ISU0505");
    expect(d!.message).toBe("code 'ensam' is mapped twice in 'Bor ensam' of group 'boendegrupp'");
  });
});

describe("ISU0601 unused-variable", () => {
  const unused = plan("", `${ALDER}`);
  it("reports a variable no question reads and removes its whole line", () => {
    const c = compileText(unused);
    expect(codes(c)).toEqual(["ISU0601"]);
    const d = c.diagnostics[0]!;
    expect(d.severity).toBe("warning");
    expect(d.message).toBe("variable 'alder' is collected but no question reads it");
    expect(textAt(unused, d.range)).toBe("alder");
    expect(applyFix(unused, d.fixes![0]!)).toBe(plan("", ""));
  });
  it("counts reads through a group, a split and a where condition", () => {
    const viaGroup = plan("", `${ALDER}group aldersgrupp "Åldersgrupp" from alder {\n  "18–64 år" = 18..64\n  "65 år och äldre" = 65..\n}\nquestion q "Q" {\n  count aldersgrupp\n}\n`);
    expect(compileText(viaGroup).diagnostics).toEqual([]);
    const viaWhere = plan("", `${ALDER}question q "Q" {\n  count kon\n  where alder >= 65\n}\n`);
    expect(compileText(viaWhere).diagnostics).toEqual([]);
  });
  it("counts the text describing a used variable's other answer as used, but only the first such text", () => {
    const described = plan("", `variable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\n`);
    expect(compileText(described).diagnostics).toEqual([]);
    const twice = plan("", `variable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\nvariable kon_mer "Kön, mer" : text at bedomning { when kon = annat }\n`);
    expect(only(compileText(twice), "ISU0601").map((d) => d.message)).toEqual(["variable 'kon_mer' is collected but no question reads it"]);
  });
  it("offers no removal for a variable another declaration refers to", () => {
    const referred = plan("", `${ALDER}variable hjalp "Hjälp" : boolean at bedomning { when alder >= 65 }\nquestion h "H" {\n  count hjalp\n}\n`);
    const [d] = only(compileText(referred), "ISU0601");
    expect(d!.message).toBe("variable 'alder' is collected but no question reads it");
    expect(d!.fixes).toBeUndefined();
  });
  it("does not blame a variable that a misspelt name in a question meant", () => {
    const c = compileText(plan("", `${ALDER}question q "Q" {\n  summary aldr\n}\n`));
    expect(codes(c)).toEqual(["ISU0101"]);
  });
  it("is silenced by `rule ISU0601 off` and raised by `rule unused-variable error`", () => {
    expect(compileText(plan("  rule ISU0601 off\n", ALDER)).diagnostics).toEqual([]);
    const raised = compileText(plan("  rule unused-variable error\n", ALDER));
    expect(raised.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ISU0601", "error"]]);
    expect(raised.errors).toBe(1);
    expect(raised.model).toBeUndefined();
  });
});

describe("ISU0602 free-text-without-reason", () => {
  it("reports free text without a reason, not the description of an other answer", () => {
    const text = plan("  rule ISU0601 off\n", `variable behov "Behov" : text at bedomning\nvariable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\n`);
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0602"]);
    expect(c.diagnostics[0]!.message).toBe("free-text variable 'behov' has no stated reason");
    expect(textAt(text, c.diagnostics[0]!.range)).toBe("behov");
    expect(compileText(plan("  rule ISU0601 off\n", `variable behov "Behov" : text at bedomning { reason "Behoven är för olika." }\n`)).diagnostics).toEqual([]);
  });
});

describe("ISU0603 sensitive-without-legal-basis and ISU0604 unknown-sensitive-category", () => {
  const sensitive = (cat: string, settings = "") =>
    plan(settings, `valueset diagnos "Diagnos" {\n  demens "Demens"\n  annan "Annan" other\n}\nvariable diagnos "Diagnos" : diagnos at bedomning { sensitive ${cat} }\nquestion d "D" {\n  count diagnos\n}\n`);
  it("ISU0603 asks for a legal basis when a variable is sensitive", () => {
    const text = sensitive("health");
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0603"]);
    expect(c.diagnostics[0]!.message).toBe("variable 'diagnos' holds sensitive data (health) but plan 'exempel' states no legal basis");
    expect(textAt(text, c.diagnostics[0]!.range)).toBe("health");
    expect(compileText(sensitive("health", `  legal_basis "SoLPuL"\n`)).diagnostics).toEqual([]);
  });
  it("ISU0604 refuses an unknown category and suggests the closest", () => {
    const text = sensitive("helth", `  legal_basis "SoLPuL"\n`);
    const [d] = only(compileText(text), "ISU0604");
    expect(d!.message).toBe("unknown sensitive-data category 'helth' on variable 'diagnos'");
    expect(textAt(text, d!.range)).toBe("helth");
    expect(compileText(applyFix(text, d!.fixes![0]!)).diagnostics).toEqual([]);
    for (const cat of ["ethnicity", "religion", "political", "union", "genetic", "biometric", "sexual_life", "sexual_orientation", "criminal"]) {
      expect(only(compileText(sensitive(cat, `  legal_basis "SoLPuL"\n`)), "ISU0604")).toEqual([]);
    }
  });
});

describe("ISU0701 no-other-option", () => {
  const set = (values: string, scale = "", lang = "sv") =>
    plan("", `valueset stod "Stöd" ${scale}{\n${values}}\nvariable stod "Stöd" : stod at bedomning\nquestion s "S" {\n  count stod\n}\n`).replace("language sv", `language ${lang}`);
  it("adds `annat \"Annat\" other` before the closing brace", () => {
    const text = set(`  ja "Ja"\n  nej "Nej"\n`);
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0701"]);
    const d = c.diagnostics[0]!;
    expect(d.message).toBe("value set 'stod' has no 'other' value for answers that fit no category");
    expect(textAt(text, d.range)).toBe("stod");
    const fixed = applyFix(text, d.fixes![0]!);
    expect(fixed).toContain(`  nej "Nej"\n  annat "Annat" other\n}`);
    expect(compileText(fixed).diagnostics).toEqual([]);
  });
  it("uses a code that parses in an English plan (`other` is a keyword)", () => {
    const text = set(`  yes "Yes"\n  no "No"\n`, "", "en");
    const [d] = only(compileText(text), "ISU0701");
    expect(d!.fixes![0]!.title).toBe(`Add 'other_option "Other" other'`);
    expect(only(compileText(applyFix(text, d!.fixes![0]!)), "ISU0701")).toEqual([]);
    expect(only(compileText(applyFix(text, d!.fixes![0]!)), "ISU0001")).toEqual([]);
  });
  it("marks an existing value labelled Annat as other; missing values and ordinal sets pass", () => {
    const text = set(`  ja "Ja"\n  ovrigt "Annat"\n`);
    const [d] = only(compileText(text), "ISU0701");
    expect(applyFix(text, d!.fixes![0]!)).toContain(`ovrigt "Annat" other\n`);
    expect(compileText(set(`  ja "Ja"\n  nej "Nej"\n  vet_ej "Vet ej" missing\n`)).diagnostics).toEqual([]);
    expect(only(compileText(set(`  0 "Aldrig"\n  1 "Ibland"\n`, "ordinal better higher ")), "ISU0701")).toEqual([]);
  });
});

describe("ISU0702 missing-definition", () => {
  const scale = `valueset svarighet "Skala" ordinal better lower {\n  0 "Inga"\n  1 "Lätta"\n  9 "Ej tillämpligt" missing\n}\n`;
  it("asks for a definition on an ordinal or classified variable", () => {
    const text = plan("", `${scale}variable forflyttning "Förflyttning" : svarighet at bedomning, uppfoljning\nquestion f "F" {\n  change forflyttning from bedomning to uppfoljning\n}\n`);
    const [d] = only(compileText(text), "ISU0702");
    expect(codes(compileText(text))).toEqual(["ISU0702"]);
    expect(d!.message).toBe("variable 'forflyttning' is assessed on the ordinal scale 'svarighet' but has no definition");
    expect(textAt(text, d!.range)).toBe("forflyttning");
    const classified = plan("", `variable arbete "Arbete" : kon at bedomning { code icf "d850" }\nquestion a "A" {\n  count arbete\n}\n`);
    expect(only(compileText(classified), "ISU0702").map((x) => x.message)).toEqual(["variable 'arbete' is bound to ICF 'd850' but has no definition"]);
    expect(compileText(classified.replace(`code icf "d850"`, `code icf "d850"  definition "Förvärvsarbete."`)).diagnostics).toEqual([]);
  });
});

describe("ISU0703 missing-translation", () => {
  it("reports every label without `label en` when the plan promises translations en", () => {
    const text = plan(`  translations en\n  label en "Example"\n`, `group konsgrupp "Kön" from kon {\n  "Kvinnor" = kvinna { label en "Women" }\n  "Övriga" = man, annat\n  label en "Sex"\n}\nquestion k "K" {\n  count konsgrupp\n}\n`,
      // The purpose is translated; the time points' `when` texts are not.
      `  purpose "Att visa hur en regel fungerar."\n  purpose en "To show how a rule works."\n`,
    );
    const c = compileText(text);
    expect(c.diagnostics.every((d) => d.code === "ISU0703")).toBe(true);
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      "time point 'bedomning' has no label in 'en'",
      "the 'when' of time point 'bedomning' has no translation in 'en'",
      "time point 'uppfoljning' has no label in 'en'",
      "the 'when' of time point 'uppfoljning' has no translation in 'en'",
      "value set 'kon' has no label in 'en'",
      "value 'kvinna' of value set 'kon' has no label in 'en'",
      "value 'man' of value set 'kon' has no label in 'en'",
      "value 'annat' of value set 'kon' has no label in 'en'",
      "variable 'kon' has no label in 'en'",
      "question 'fordelning' has no label in 'en'",
      "entry 'Övriga' of group 'konsgrupp' has no label in 'en'",
      "question 'k' has no label in 'en'",
    ]);
    expect(textAt(text, c.diagnostics[0]!.range)).toBe(`"Bedömning"`);
  });
  it("is quiet without `translations`", () => {
    expect(compileText(plan("", "")).diagnostics).toEqual([]);
  });
});

describe("ISU0704–ISU0706 classification bindings", () => {
  const bound = (code: string) => plan("", `valueset insats "Insats" {\n  avlosning "Avlösning" { ${code} }\n  annat "Annan" other\n}\nvariable insats "Insats" : insats at bedomning\nquestion i "I" {\n  count insats\n}\n`);
  it("ISU0704 asks KSI codes for their version, and no other system", () => {
    const text = bound(`code ksi "VEB PH ZZ"`);
    const [d] = only(compileText(text), "ISU0704");
    expect(d!.message).toBe("KSI code 'VEB PH ZZ' on value 'avlosning' of value set 'insats' has no version");
    expect(textAt(text, d!.range)).toBe(`code ksi "VEB PH ZZ"`);
    expect(compileText(bound(`code ksi 2022 "VEB PH ZZ"`)).diagnostics).toEqual([]);
    expect(compileText(bound(`code icf "d640"`)).diagnostics).toEqual([]);
  });
  it("ISU0705 refuses an unknown system and suggests kva for kvå", () => {
    const text = bound(`code kvå "DV001"`);
    const [d] = only(compileText(text), "ISU0705");
    expect(d!.message).toBe("unknown classification system 'kvå' on value 'avlosning' of value set 'insats'");
    expect(textAt(text, d!.range)).toBe("kvå");
    expect(compileText(applyFix(text, d!.fixes![0]!)).diagnostics).toEqual([]);
  });
  it("ISU0706 warns on a KVÅ summary code", () => {
    const text = bound(`code kva "DV000"`);
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0706"]);
    expect(c.diagnostics[0]!.message).toBe("KVÅ code 'DV000' on value 'avlosning' of value set 'insats' is a summary code");
    expect(textAt(text, c.diagnostics[0]!.range)).toBe(`"DV000"`);
  });
});

describe("ISU0707 missing-purpose", () => {
  it("reports a plan without a purpose, or with an empty one", () => {
    const text = plan("", "", "");
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0707"]);
    expect(c.diagnostics[0]!.message).toBe("plan 'exempel' states no purpose");
    expect(textAt(text, c.diagnostics[0]!.range)).toBe("exempel");
    expect(only(compileText(plan("", "", `  purpose """\n  """\n`)), "ISU0707").map((d) => d.message)).toEqual(["plan 'exempel' has an empty purpose"]);
  });
});

describe("ISU0801 small-cells", () => {
  const split = (settings: string, analysis: string, by: string) =>
    plan(
      settings,
      `${BOENDE}${ALDER}group aldersgrupp "Åldersgrupp" from alder {\n  "18–64 år" = 18..64\n  "65–79 år" = 65..79\n  "80 år och äldre" = 80..\n}\nquestion q "Q" {\n  ${analysis}\n  by ${by}\n}\n`,
    );
  it("gives the figures: expected over the product of categories, missing codes excluded", () => {
    const text = split("  expected 100\n", "count kon", "aldersgrupp * boende");
    const c = compileText(text);
    expect(codes(c)).toEqual(["ISU0801"]);
    const d = c.diagnostics[0]!;
    expect(d.severity).toBe("info");
    expect(d.message).toBe("question 'q' by aldersgrupp * boende: about 2.8 individuals a cell (100 expected over 36 cells: aldersgrupp 3 × boende 4 × kon 3), below min_cell 5");
    expect(textAt(text, d.range)).toBe("aldersgrupp * boende");
    expect(c.errors).toBe(0);
    expect(c.model?.openDiagnostics.map((x) => x.code)).toEqual(["ISU0801"]);
  });
  it("counts only the split for summaries, and respects min_cell and a missing `expected`", () => {
    expect(compileText(split("  expected 100\n", "summary alder", "aldersgrupp * boende")).diagnostics).toEqual([]);
    // About 2.8 a cell is not below min_cell 2 (no ISU0801); that low a min_cell is itself ISU0802's warning.
    expect(codes(compileText(split("  expected 100\n  min_cell 2\n", "count kon", "aldersgrupp * boende")))).toEqual(["ISU0802"]);
    expect(compileText(split("", "count kon", "aldersgrupp * boende")).diagnostics).toEqual([]);
    expect(compileText(split("  expected 100\n", "count kon", "aldersgrupp, boende")).diagnostics).toEqual([]);
  });
});

describe("ISU0901 invalid-rule-setting", () => {
  it("refuses exactly the settings the engine does not apply", () => {
    const settings = ["rule ISU0601 off", "rule unused-variabel warning", "rule ISU0702 loud", "rule ISU0001 off", "rule missing-translation error", "rule ISU9999 off"];
    const text = plan(settings.map((s) => `  ${s}\n`).join(""), "");
    const c = compileText(text);
    expect(c.diagnostics.every((d) => d.code === "ISU0901")).toBe(true);
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      "unknown rule 'unused-variabel'",
      "unknown severity 'loud' for rule ISU0702 (missing-definition)",
      "rule ISU0001 (syntax-error) cannot be changed",
      "unknown rule 'ISU9999'",
    ]);
    const reportedLines = new Set(c.diagnostics.map((d) => d.range.start.line));
    const { overrides } = readRuleSettings(c.resolution.plan!.decl, allRules);
    for (const s of c.resolution.plan!.decl.settings) {
      if (s.key !== "rule") continue;
      const rule = findRule(s.rule.text, allRules);
      const applied = !!rule && overrides.get(rule.meta.code) === s.severity.text;
      expect(reportedLines.has(s.range.start.line), s.rule.text).toBe(!applied);
    }
    expect([...overrides.entries()]).toEqual([
      ["ISU0601", "off"],
      ["ISU0703", "error"],
    ]);
  });
  it("suggests the closest rule or severity, and removes a setting on a fixed rule", () => {
    const text = plan("  rule unused-variabel error\n  rule ISU0001 off\n  rule ISU0601 of\n", "");
    const c = compileText(text);
    const [name, fixed, sev] = c.diagnostics;
    expect(name!.hint).toContain("did you mean 'unused-variable'?");
    expect(textAt(text, name!.range)).toBe("unused-variabel");
    expect(applyFix(text, name!.fixes![0]!)).toContain("rule unused-variable error");
    expect(applyFix(text, fixed!.fixes![0]!)).not.toContain("ISU0001");
    expect(applyFix(text, fixed!.fixes![0]!)).toContain(`  rule unused-variabel error\n  rule ISU0601 of\n`);
    expect(sev!.message).toBe("unknown severity 'of' for rule ISU0601 (unused-variable)");
    expect(applyFix(text, sev!.fixes![0]!)).toContain("rule ISU0601 off");
  });
});

describe("ISU0902 invalid-plan-setting", () => {
  it("checks language, min_cell, expected and repeated single-valued settings", () => {
    const text = plan(`  language de\n  min_cell 0\n  expected 2.5\n  label en "Example"\n  label en "Sample"\n  note "a"\n  note "b"\n`, "");
    const c = compileText(text);
    expect(c.diagnostics.every((d) => d.code === "ISU0902")).toBe(true);
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      "'language' is given twice in plan 'exempel' (first on line 2)",
      "min_cell must be a whole number of at least 1, not 0",
      "expected must be a whole number of at least 1, not 2.5",
      "'label en' is given twice in plan 'exempel' (first on line 7)",
    ]);
    expect(textAt(text, c.diagnostics[1]!.range)).toBe("0");
    const removed = applyFix(text, c.diagnostics[0]!.fixes![0]!);
    expect(removed).not.toContain("language de");
    expect(removed).toContain(`  purpose "Att visa hur en regel fungerar."\n  min_cell 0\n`);
  });
  it("refuses a language other than sv or en", () => {
    const text = plan("", "").replace("language sv", "language se");
    const [d] = only(compileText(text), "ISU0902");
    expect(d!.message).toBe("unknown plan language 'se'");
    expect(textAt(text, d!.range)).toBe("se");
    expect(compileText(applyFix(text, d!.fixes![0]!)).diagnostics).toEqual([]);
  });
});
