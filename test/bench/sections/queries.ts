// Run time of the whole query set on 100,000 synthetic individuals, on SQLite
// and PostgreSQL (the real server when the machine has one, else PGlite).
import * as path from "node:path";
import { compile } from "../../../compiler/compile.js";
import { openPglite, openSqlite, startPostgresServer, type TestDb } from "../../support/databases.js";
import { timeQuerySet } from "../../support/load-records.js";

const INDIVIDUALS = 100_000;

export async function run({ root }: { root: string }): Promise<void> {
  const plan = path.join(root, "examples", "hemtjanst_ibic.isu");
  const model = compile(plan).model;
  if (!model) {
    console.log("queries: examples/hemtjanst_ibic.isu does not compile; skipped");
    return;
  }
  console.log(`query set of examples/hemtjanst_ibic.isu on ${INDIVIDUALS.toLocaleString("en")} synthetic individuals:`);
  const report = async (label: string, db: TestDb) => {
    try {
      const t = await timeQuerySet(db, model, { individuals: INDIVIDUALS });
      const slowest = [...t.queries].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        `  ${label.padEnd(26)} ${t.queries.length} queries in ${(t.totalMs / 1000).toFixed(2)} s (load ${(t.loadMs / 1000).toFixed(1)} s; slowest ${slowest?.id} ${slowest?.ms.toFixed(0)} ms)`,
      );
    } finally {
      await db.close();
    }
  };
  await report("SQLite (better-sqlite3)", openSqlite());
  const server = await startPostgresServer();
  if ("unavailable" in server) {
    console.log(`  PostgreSQL server unavailable (${server.unavailable}); using PGlite`);
    await report("PostgreSQL (PGlite)", await openPglite());
  } else {
    try {
      await report("PostgreSQL 15 server", await server.open());
    } finally {
      server.stop();
    }
  }
}
