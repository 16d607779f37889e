import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0703", { defaultSeverity: "warning" });

// Value sets, variables, questions, groups and time points.
const labels = planC(
  `  translations en\n  label en "Example"\n`,
  `group konsgrupp "Kön" from kon {\n  "Kvinnor" = kvinna { label en "Women" }\n  "Övriga" = man, annat\n  label en "Sex"\n}\nquestion k "K" {\n  count konsgrupp\n}\n`,
  // The purpose is translated; the time points' `when` texts are not.
  `  purpose "Att visa hur en regel fungerar."\n  purpose en "To show how a rule works."\n`,
);

// The plan's own texts: purpose, legal basis, notes, and the `when` and `reason` texts.
const translated = (planTexts: string, timepointTexts: string, variableTexts: string): string => `plan p "P" {
  language sv
  translations en
  label en "P"
${planTexts}
}
timepoint bedomning "Bedömning" {
  label en "Assessment"
${timepointTexts}
}
variable alder "Ålder" : integer 0..120 unit "år" at bedomning { label en "Age" }
variable kommentar "Kommentar" : text at bedomning {
  label en "Comment"
  optional
${variableTexts}
}
question q "Ålder?" { summary alder  label en "Age?" }
`;

t.valid([
  { name: "is quiet without `translations`", plan: planC("", ""), clean: true },
  {
    name: "is quiet when every text is translated, and does not ask for units",
    plan: translated(
      `  purpose """\n    Syfte.\n  """\n  purpose en """\n    Purpose.\n  """\n  legal_basis "SoLPuL"\n  legal_basis en "SoLPuL act"\n  note "N1"\n  note en "Note 1"`,
      `  when "vid utredning"\n  when en "at the assessment"`,
      `  reason "Skäl."\n  reason en "Reason."`,
    ),
    clean: true,
  },
  { name: "asks nothing when the plan promises no translations", plan: translated(`  purpose "Syfte."\n  note "N1"`, `  when "vid utredning"`, `  reason "Skäl."`).replace("  translations en\n", "") },
]);

t.invalid([
  {
    name: "reports every label without `label en` when the plan promises translations en",
    plan: labels,
    diagnostics: [
      { message: "time point 'bedomning' has no label in 'en'", text: `"Bedömning"` },
      ...[
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
      ].map((message) => ({ message })),
    ],
    others: [],
  },
  {
    name: "reports a purpose, note, legal basis, when and reason without their English translation",
    plan: translated(`  purpose "Syfte."\n  legal_basis "SoLPuL"\n  note "N1"\n  note "N2"\n  note en "Note 2"`, `  when "vid utredning"`, `  reason "Skäl."`),
    diagnostics: [
      { message: "the plan's purpose has no translation in 'en'" },
      { message: "the plan's legal_basis has no translation in 'en'" },
      // `note en` translates the nearest untagged note before it: N2, so N1 lacks one.
      { message: "the plan's note has no translation in 'en'", text: '"N1"', hint: /`note en "…"` right after it/ },
      { message: "the 'when' of time point 'bedomning' has no translation in 'en'", hint: /`when en "…"`/ },
      { message: "the reason of variable 'kommentar' has no translation in 'en'" },
    ],
    others: [],
  },
]);
