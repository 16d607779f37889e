import { livingGroup } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0505", { defaultSeverity: "error" });

const twice = livingGroup(`  ensam "Bor ensam" = ensam, sambo\n  andra "Bor med andra" = sambo, barn, annat\n`);

t.valid([{ name: "each code in one entry", plan: livingGroup(`  ensam "Bor ensam" = ensam\n  andra "Bor med andra" = sambo, barn, annat\n`), clean: true }]);

t.invalid([
  {
    name: "reports a code in two entries and removes the later mention",
    plan: twice,
    diagnostics: [{ message: "code 'sambo' is mapped in both 'Bor ensam' and 'Bor med andra' of group 'boendegrupp'", text: "sambo", line: at(twice, `andra "Bor med andra"`).line }],
    fix: { index: 0 },
    outputContains: [`andra "Bor med andra" = barn, annat\n`],
    outputClean: true,
  },
  {
    name: "reports a code listed twice in one entry",
    plan: livingGroup(`  ensam "Bor ensam" = ensam, ensam\n  andra "Bor med andra" = sambo, barn, annat\n`),
    diagnostics: [{ message: "code 'ensam' is mapped twice in 'Bor ensam' of group 'boendegrupp'" }],
  },
]);
