import { ALDER_B, forflyttning, KON, mal, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0314", { defaultSeverity: "error" });

const attainment = (ref: string): string =>
  planB(`${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}question mal "Mål" {\n  attainment forflyttning at uppfoljning against forflyttning_mal\n  ${ref}\n}\n`);
const change = (ref: string): string => planB(`${forflyttning("bedomning, uppfoljning")}question f "Förändring" {\n  change forflyttning from bedomning to uppfoljning\n  ${ref}\n}\n`);
const summary = (ref: string): string => planB(`${ALDER_B}question a "Ålder" {\n  summary alder\n  ${ref}\n}\n`);
const count = (ref: string): string => planB(`${KON}question k "Kön" {\n  count kon\n  ${ref}\n}\n`);

const noPercent = attainment(`reference 60 "Riket 2024" source "Öppna jämförelser 2024"`);
const percentOnMean = summary(`reference 78.5 % "Riket 2024"`);
const onCount = count(`reference 50 % "Riket"`);
const twice = change(`reference 30 % "Riket"\n  reference 35 % "Länet"`);
const tooLarge = change(`reference 130 % "Riket"`);
const onlyTranslation = change(`reference en "Sweden"`);

t.valid([
  {
    name: "a share for attainment, translated",
    plan: attainment(`reference 60 % "Riket 2024" source "Öppna jämförelser 2024"\n  reference en "Sweden 2024" source "Open comparisons 2024"`),
    clean: true,
  },
  { name: "a share for change", plan: change(`reference 0 % "Ingen försämring"`), clean: true },
  { name: "a mean for summary", plan: summary(`reference 82.5 "Riket 2024" source "SCB"`), clean: true },
  { name: "no reference at all", plan: summary(""), clean: true },
]);

t.invalid([
  {
    name: "a share written without %: the fix adds it",
    plan: noPercent,
    diagnostics: [
      {
        message: "question 'mal': the reference level of 'attainment' is the share who reach the goal, a percentage, but '60' has no '%'",
        hint: "write '60 %'",
        ...span(noPercent, "60", "reference 60"),
        fixes: ["Write '60 %'"],
      },
    ],
    others: [],
    outputContains: [`  reference 60 % "Riket 2024" source "Öppna jämförelser 2024"\n`],
    outputClean: true,
  },
  {
    name: "a percentage for a mean: the fix removes %",
    plan: percentOnMean,
    diagnostics: [{ message: "question 'a': the reference level of 'summary' is a mean in the variable's unit, not a percentage", text: "%", fixes: ["Remove '%'"] }],
    others: [],
    outputContains: [`  reference 78.5 "Riket 2024"\n`],
    outputClean: true,
  },
  {
    name: "a count has no single figure",
    plan: onCount,
    diagnostics: [{ message: "question 'k': a 'count' has no single figure to relate a reference level to", text: `reference 50 % "Riket"`, fixes: [] }],
    others: [],
  },
  {
    name: "two levels: the second is reported",
    plan: twice,
    diagnostics: [{ message: "question 'f' states its reference level more than once", text: `reference 35 % "Länet"` }],
    others: [],
  },
  {
    name: "a share over 100 %",
    plan: tooLarge,
    diagnostics: [{ message: "question 'f': a reference share is from 0 to 100 %, not 130 %", text: "130" }],
    others: [],
  },
  {
    name: "a translation without a level",
    plan: onlyTranslation,
    diagnostics: [{ message: "question 'f': 'reference en' translates a reference level the question does not state", text: `reference en "Sweden"` }],
    others: [],
  },
]);
