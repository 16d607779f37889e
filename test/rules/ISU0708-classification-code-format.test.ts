import { planLead } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0708");

const coded = (codes: string): string =>
  planLead(`valueset insats "Insats" {\n  a "A" {${codes}}\n  annat "Annat" other\n}\nvariable insats "Insats" : insats at bedomning\nquestion q "Q" { count insats }`);

t.valid(
  [`code icf "d4"`, `code icf "d450"`, `code icf "d4500"`, `code icf "b1"`, `code icf "e310"`, `code icf "s7"`, `code kva "DU007"`, `code ksi 2017 "VEB PH ZZ"`, `code ksi 2022 "VEB PH ZZ"`].map(
    (code) => ({
      name: `accepts ${code}`,
      plan: coded(` ${code} `),
    }),
  ),
);

t.invalid([
  ...(
    [
      [`code icf "D450"`, "ICF code 'D450' on value 'a' of value set 'insats' does not look like an ICF code"],
      [`code icf "d45a"`, "ICF code 'd45a' on value 'a' of value set 'insats' does not look like an ICF code"],
      [`code icf "x450"`, "ICF code 'x450' on value 'a' of value set 'insats' does not look like an ICF code"],
      [`code kva "du007"`, "KVÅ code 'du007' on value 'a' of value set 'insats' does not look like a KVÅ code"],
      [`code kva "DU07"`, "KVÅ code 'DU07' on value 'a' of value set 'insats' does not look like a KVÅ code"],
    ] as const
  ).map(([code, message]) => ({
    name: `reports ${code} at the code, which does not look like its system's`,
    plan: coded(` ${code} `),
    diagnostics: [{ message, severity: "warning" as const, text: code.slice(code.indexOf('"')) }],
  })),
  {
    name: "reports a KSI version other than 2017 and 2022, naming the known ones",
    plan: coded(` code ksi 2019 "VEB PH ZZ" `),
    diagnostics: [{ message: "KSI version '2019' on value 'a' of value set 'insats' is not a known KSI version (known: '2017' and '2022')", text: "2019" }],
  },
]);
