// The plan's database, whatever the engine: open it by URL, and check that it
// holds this plan's schema (the isu_plan table the DDL creates).
import type { PlanModel } from "../../model/index.js";
import { PLAN_TABLE } from "../../sql/storage.js";
import { DatabaseError } from "../errors.js";
import type { Engine, OpenOptions } from "./engine.js";
import { openPostgres } from "./postgres.js";
import { openSqlite } from "./sqlite.js";
import { openDuckdb } from "./duckdb.js";
import { parseDatabaseUrl } from "./url.js";

export type { Engine, OpenOptions } from "./engine.js";
export { maskUrl, parseDatabaseUrl, URL_FORMS, type EngineKind } from "./url.js";
export { DatabaseError } from "../errors.js";

/** Opens the database a URL names (see URL_FORMS); every failure a user can fix is a DatabaseError naming the URL and the fix. */
export async function openEngine(url: string, opts: OpenOptions = {}): Promise<Engine> {
  const t = parseDatabaseUrl(url);
  switch (t.kind) {
    case "sqlite":
      return openSqlite(t.path, t.shown, opts);
    case "duckdb":
      return openDuckdb(t.path, t.shown, opts);
    case "postgres":
      return openPostgres(t, opts);
  }
}

/** The plan the database was created for, from isu_plan; undefined when the database has no plan schema. */
export async function planInDatabase(engine: Engine): Promise<{ name: string; version?: string } | undefined> {
  if (!(await engine.tables()).includes(PLAN_TABLE)) return undefined;
  const rows = await engine.query(`SELECT plan_name, version FROM ${PLAN_TABLE}`);
  const row = rows[0];
  if (!row) return undefined;
  const version = row["version"];
  return { name: String(row["plan_name"]), ...(version !== null && version !== undefined ? { version: String(version) } : {}) };
}

/** Throws a DatabaseError saying what to do unless the database holds this plan's schema, at this plan's version. */
export async function checkPlanDatabase(engine: Engine, model: PlanModel): Promise<void> {
  const found = await planInDatabase(engine);
  const db = engine.url;
  if (!found) {
    throw new DatabaseError(
      `${db} holds no plan schema (no ${PLAN_TABLE} table): fill it with isu simulate <plan.isu> --n <individuals> --db ${db}, or isu import <plan.isu> … --db ${db}, or apply schema.${engine.dialect}.sql from isu build`,
    );
  }
  if (found.name !== model.name) {
    throw new DatabaseError(`${db} holds the data of plan '${found.name}', not '${model.name}': name the database of plan '${model.name}', or check that you gave the right plan file`);
  }
  if ((found.version ?? "") !== (model.version ?? "")) {
    const v = (x: string | undefined) => (x === undefined ? "no version" : `version ${x}`);
    throw new DatabaseError(
      `${db} was created from plan '${model.name}' ${v(found.version)}, but the plan file is at ${v(model.version)}: use the plan file of that version, or migrate the database to the new schema (schema.${engine.dialect}.sql from isu build) and its data`,
    );
  }
}
