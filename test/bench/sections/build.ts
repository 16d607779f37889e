// Build time of every output for the 10,000-line plan.
import { compile } from "../../../compiler/compile.js";
import { DIALECT_NAMES } from "../../../compiler/sql/dialects/index.js";
import { GENERATORS } from "../../../compiler/generate/all.js";

export async function run({ bigPlan }: { bigPlan: string }): Promise<void> {
  const c = compile(bigPlan);
  if (!c.model) {
    console.log(`build: the generated plan does not compile (${c.errors} errors); skipped`);
    return;
  }
  const model = c.model;
  console.log(`build of the 10,000-line plan (${model.variables.length} variables, ${model.questions.length} questions):`);
  let total = 0;
  for (const g of GENERATORS) {
    const ts: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      // Generators emit their files piece by piece (as isu build streams them); count what they emit.
      let emitted = 0;
      const t0 = performance.now();
      g.run(model, { lang: model.language, dialects: DIALECT_NAMES }, (_path, chunk) => {
        emitted += chunk.length;
      });
      ts.push(performance.now() - t0);
      bytes = emitted;
    }
    ts.sort((a, b) => a - b);
    total += ts[1]!;
    console.log(`  ${g.name.padEnd(22)} median ${ts[1]!.toFixed(0)} ms (3 runs), ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  }
  console.log(`  all outputs             ${total.toFixed(0)} ms`);
}
