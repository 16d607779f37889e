// Bench section: formatting the generated 10,000-line plan (formatIsu, the
// same path as `isu fmt`), as figures only.
import * as fs from "node:fs";
import { formatIsu } from "../../../compiler/format/index.js";

export async function run({ bigPlan }: { root: string; tmp: string; bigPlan: string }): Promise<void> {
  const text = fs.readFileSync(bigPlan, "utf8");
  const lines = text.split("\n").length - 1;
  await formatIsu(text); // warm-up (JIT, prettier's plugin loading)
  const runs = 5;
  const times: number[] = [];
  let out = "";
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await formatIsu(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)]!;
  const again = (await formatIsu(out)) === out ? "stable" : "NOT stable";
  console.log(
    `format, generated plan of ${lines} lines: median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms (${runs} runs; output ${out.split("\n").length - 1} lines, ${again} when formatted again)`,
  );
}
