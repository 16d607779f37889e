// `isu simulate <plan.isu> --n <individuals> --db <url>`: plausible synthetic
// records for a plan, loaded through its generated schema into a new
// database, so a team sees before collection which tables will be mostly hidden.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Command } from "commander";
import { compile } from "../compiler/compile.js";
import { planBuild } from "../compiler/build/build-plan.js";
import { UsageError } from "../compiler/build/usage-error.js";
import { displayPath, paletteFor, renderDiagnostic, summaryLine } from "../compiler/build/render.js";
import { isLanguage, LANGUAGES } from "../compiler/vocabulary/languages.js";
import { openEngine, parseDatabaseUrl, URL_FORMS, type Engine } from "../compiler/data/engines/index.js";
import { checkEmpty, DEFAULT_SEED, loadSimulation } from "../compiler/data/simulate/index.js";

interface SimulateOptions {
  n: string;
  db: string;
  seed?: string;
  lang?: string;
  quiet: boolean;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** More would not fit in memory as records; a regional register is well below it. */
const MAX_INDIVIDUALS = 10_000_000;

function wholeNumber(text: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max)
    throw new UsageError(`${option} needs a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}, not '${text}'`);
  return Number(text);
}

export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("fill a new database with plausible synthetic records for a plan, through its generated schema")
    .argument("<plan>", "the plan's .isu file")
    .requiredOption("-n, --n <individuals>", "how many individuals to simulate")
    .requiredOption("--db <url>", `the new database: ${URL_FORMS.join("; ")}`)
    .option("--seed <n>", `seed of the random draws: the same seed gives the same data (default: ${DEFAULT_SEED})`)
    .option("--lang <lang>", `language of the labels stored in the database: ${LANGUAGES.join(" or ")} (default: the plan's language)`)
    .option("-q, --quiet", "print nothing but errors", false)
    .addHelpText(
      "after",
      `
Creates the plan's tables (the schema.<dialect>.sql that isu build writes) and
fills them with records that follow the record schemas: codes, ranges,
conditions, missing codes, 'other' answers with their description, multiple
choice; some categories are rare and not everyone is followed up, as in real
registers. Everything is written in one transaction: a failure leaves the
database as it was. The database must hold no tables yet (a new file, or an
empty PostgreSQL database). Keys are pseudonyms (sim-…), never
personnummer. Exit codes: 0 written, 1 errors in the plan, 2 a usage or
database error.

Examples:
  $ isu simulate examples/hemtjanst_ibic.isu --n 600 --db out/hemtjanst.db
  $ isu simulate plan.isu --n 100000 --seed 7 --db postgres://me@localhost/plan_test
  $ isu simulate plan.isu --n 1000000 --db regional.duckdb`,
    )
    .action(async (plan: string, opts: SimulateOptions) => {
      const individuals = wholeNumber(opts.n, "--n", 1, MAX_INDIVIDUALS);
      const seed = opts.seed === undefined ? DEFAULT_SEED : wholeNumber(opts.seed, "--seed", 0, 2 ** 32 - 1);
      if (opts.lang !== undefined && !isLanguage(opts.lang)) throw new UsageError(`unknown language '${opts.lang}': use ${LANGUAGES.join(" or ")}`);
      if (!fs.existsSync(plan) || !fs.statSync(plan).isFile()) throw new UsageError(`cannot read '${plan}': no such file`);
      const target = parseDatabaseUrl(opts.db);
      const progress = (s: string) => {
        if (!opts.quiet) process.stderr.write(s + "\n");
      };
      const t0 = performance.now();
      progress(`checking ${displayPath(nodePath.resolve(plan))}`);
      const c = compile(plan);
      const p = paletteFor(process.stderr);
      const sources = new Map(c.program.files.map((f) => [f.path, f]));
      for (const d of c.diagnostics.filter((x) => x.severity === "error")) process.stderr.write(renderDiagnostic(d, sources.get(d.file), p) + "\n\n");
      const ready = planBuild(c, { ...(opts.lang ? { lang: opts.lang } : {}), dialects: [] });
      if (ready.kind === "errors") {
        process.stderr.write(summaryLine(c.diagnostics, c.program.files.length) + "\nnothing simulated: fix the errors above and try again\n");
        process.exitCode = 1;
        return;
      }
      if (ready.kind === "no-plan") {
        process.stderr.write(
          `${displayPath(nodePath.resolve(plan))}: error: the file declares no plan block, so there is nothing to simulate: simulate the file with the 'plan' block, which imports this one\n`,
        );
        process.exitCode = 1;
        return;
      }
      for (const w of ready.warnings) progress(`warning: ${w}`);
      const model = ready.model;
      // A file this run creates is removed again when the run fails, so no empty database is left behind.
      const created = target.kind !== "postgres" && !fs.existsSync(target.path) ? target.path : undefined;
      const removeCreated = () => {
        if (created) for (const f of [created, `${created}-journal`, `${created}.wal`]) fs.rmSync(f, { force: true });
      };
      // The load is one transaction: a signal before its commit leaves the database as it was, and a file this run made is removed.
      const onSignal = (signal: keyof typeof SIGNALS) => {
        removeCreated();
        process.stderr.write(`isu: stopped by ${signal}: nothing written to ${target.shown}\n`);
        process.exit(128 + SIGNALS[signal]);
      };
      for (const s of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(s, onSignal);
      let engine: Engine | undefined;
      try {
        engine = await openEngine(opts.db, { create: true });
        await checkEmpty(engine);
        progress(`simulating ${individuals.toLocaleString("en")} individuals (seed ${seed}) into ${target.shown}`);
        let shownAt = 0;
        const { registrations } = await loadSimulation(
          engine,
          model,
          { individuals, seed },
          {
            lang: ready.opts.lang,
            onProgress: ({ done, total, rows }) => {
              // A line a tenth of the way, for runs long enough to wait for.
              const tenth = total >= 20_000 ? Math.floor((10 * done) / total) : 0;
              if (tenth > shownAt) {
                shownAt = tenth;
                progress(`  ${Math.round((100 * done) / total)}%: ${done.toLocaleString("en")} individuals, ${rows.toLocaleString("en")} rows`);
              }
            },
          },
        );
        await engine.close();
        engine = undefined;
        progress(`wrote ${individuals.toLocaleString("en")} individuals and ${registrations.toLocaleString("en")} registrations to ${target.shown} in ${Math.round(performance.now() - t0)} ms`);
        process.exitCode = 0;
      } catch (e) {
        await engine?.close().catch(() => {});
        removeCreated();
        throw e;
      } finally {
        for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
      }
    });
}
