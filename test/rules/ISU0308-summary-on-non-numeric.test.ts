import { planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0308", { defaultSeverity: "error" });

const multiple = planB(`variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" {\n  summary insats\n}\n`);

t.valid([{ name: "a summary of a number", plan: planB(`variable alder "Ålder" : integer 18..120 at bedomning\nquestion q "Q" { summary alder }\n`), clean: true }]);

t.invalid([
  {
    name: "a multiple-choice variable: the fix counts it instead",
    plan: multiple,
    diagnostics: [
      { message: "question 'q': summary needs a number, but 'insats' is multiple choice on value set 'insatser'", ...span(multiple, "insats", "summary insats"), fixes: ["Use 'count insats'"] },
    ],
    others: [],
    outputContains: ["  count insats\n"],
    outputClean: true,
  },
  {
    name: "free text has no fix",
    plan: planB(`variable ovrigt "Övrigt" : text at bedomning { reason "Brukarens egna ord behövs." }\nquestion q "Q" { summary ovrigt }\n`),
    diagnostics: [{ message: "question 'q': summary needs a number, but 'ovrigt' is free text", hint: "summarise an integer or decimal variable instead", fixes: [] }],
    others: [],
  },
]);
