// Counts exported as CSV from a system `isu report` cannot reach (SQL Server,
// a closed PostgreSQL, …): the plan's count queries run there, and only their
// rows leave it. docs/report.md ("Counts from a system the tool cannot reach")
// defines the file; this reads it strictly (RFC 4180 through csv-parse) into
// what collectCounts returns, so the results stage cannot tell the two apart.
//
// The file is a sequence of sections, one per query:
//   #query,<id>           the section's marker: isu_plan, each question, isu_basis
//   <the query's columns>  its header, exactly as queries.json names them
//   <rows>                 as the client prints them; an empty field is NULL
// A section without rows may lack its header (sqlite3 prints none then).
import * as fs from "node:fs";
import { parse } from "csv-parse/sync";
import { BASIS_COLUMNS, BASIS_ID } from "../generate/queries/basis.js";
import { ANSWERED, questionGrain, type CountsRow, type QuestionGrain } from "../model/grain.js";
import type { PlanModel } from "../model/index.js";
import type { CollectedCounts } from "./collect.js";

/** The first field of a section's marker record. */
export const SECTION_MARKER = "#query";
/** The section holding the plan's name and version, as the database's isu_plan table has them. */
export const PLAN_SECTION = "isu_plan";
export const PLAN_COLUMNS = ["plan_name", "version"] as const;
/** What to run for the isu_plan section (every dialect). */
export const PLAN_QUERY = "SELECT plan_name, version FROM isu_plan";

/** A counts file that cannot be read as this plan's counts; the message names the file, row and column, and the fix. */
export class CountsFileError extends Error {
  override name = "CountsFileError";
}

/** Errors reported at most; the rest are counted. */
const MAX_ERRORS = 20;
const HOW = 'see docs/report.md, "Counts from a system the tool cannot reach"';

interface Rec {
  fields: string[];
  line: number;
}

interface Section {
  id: string;
  marker: Rec;
  header?: Rec;
  rows: Rec[];
}

/** How one column's text is read and checked. */
interface ColumnRule {
  name: string;
  /** The value, or a problem (with its fix) to report. */
  read(text: string): { value: string | number | null } | { problem: string };
}

function wholeNumber(name: string): ColumnRule {
  return {
    name,
    read: (t) =>
      /^\d+$/.test(t) && Number.isSafeInteger(Number(t))
        ? { value: Number(t) }
        : { problem: `'${t}' is not a whole number ≥ 0: a count is a whole number, 0 or more (export the query's own output, unedited)` },
  };
}

function codes(name: string, allowed: Iterable<string>, what: string, nullable = true): ColumnRule {
  const set = new Set(allowed);
  return {
    name,
    read: (t) => {
      if (t === "") return nullable ? { value: null } : { problem: `is empty, but ${what} is never missing here` };
      if (set.has(t)) return { value: t };
      const shown = [...set].slice(0, 12).map((c) => `'${c}'`);
      return {
        problem: `'${t}' is not ${what} of this plan (${shown.join(", ")}${set.size > 12 ? ", …" : ""}${nullable ? ", or empty for missing" : ""}): was the file made from another version of the plan?`,
      };
    },
  };
}

function numberOrNull(name: string): ColumnRule {
  return {
    name,
    read: (t) =>
      t === ""
        ? { value: null }
        : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t) && Number.isFinite(Number(t))
          ? { value: Number(t) }
          : { problem: `'${t}' is not a number: this column holds the variable's value (a decimal point, no thousands separator)` },
  };
}

function questionRules(grain: QuestionGrain): ColumnRule[] {
  const kinds = grain.choices ? ["individuals", "choices"] : ["individuals"];
  return grain.columns.map((c): ColumnRule => {
    if (c === "row_kind") return codes(c, kinds, "a row kind", false);
    if (c === "n") return wholeNumber(c);
    const col = grain.dims.find((d) => d.column === c) ?? grain.keys.find((k) => k.column === c);
    if (!col) throw new Error(`grain column '${c}' is neither a split part nor a key`);
    if (col.members.length === 0) return numberOrNull(c);
    return codes(c, [...col.members.map((m) => m.code), ...(col.multiple ? [ANSWERED] : [])], `a code of '${col.ref.name}'`);
  });
}

function basisRules(model: PlanModel): ColumnRule[] {
  return BASIS_COLUMNS.map((c): ColumnRule => {
    switch (c) {
      case "item":
        return codes(c, ["individuals", "registrations", "missing", "first_registered", "last_registered"], "a basis item", false);
      case "timepoint":
        return codes(
          c,
          model.timepoints.map((t) => t.name),
          "a time point",
        );
      case "variable":
        return codes(
          c,
          model.variables.map((v) => v.name),
          "a variable",
        );
      case "n":
        return wholeNumber(c);
    }
  });
}

class Problems {
  readonly list: string[] = [];
  constructor(private readonly file: string) {}
  at(line: number, column: number | undefined, name: string | undefined, text: string): void {
    const where = column === undefined ? `row ${line}` : `row ${line}, column ${column}${name ? ` (${name})` : ""}`;
    this.list.push(`${this.file}: ${where}: ${text}`);
  }
  whole(text: string): void {
    this.list.push(`${this.file}: ${text}`);
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, MAX_ERRORS);
    const more = this.list.length - shown.length;
    throw new CountsFileError(`${shown.join("\n")}${more > 0 ? `\n… and ${more} more` : ""}\nno report written: correct the counts file (${HOW}) and run it again`);
  }
}

function records(text: string, file: string): Rec[] {
  try {
    const parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n"] }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    // info.lines is the line a record ends on: the line it is on, as no valid field holds a line break.
    return parsed.map((p) => ({ fields: p.record, line: p.info.lines }));
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const line = typeof err.lines === "number" ? `row ${err.lines}: ` : "";
    throw new CountsFileError(
      `${file}: ${line}not valid CSV (${err.message.replace(/^[^:]*: /, "")}): quote a field that holds a comma, a quote or a line break ("a ""b"""), as the clients' CSV modes do\nno report written: correct the counts file (${HOW}) and run it again`,
    );
  }
}

function sections(recs: Rec[], problems: Problems): Section[] {
  const out: Section[] = [];
  for (const r of recs) {
    if (r.fields[0] === SECTION_MARKER) {
      if (r.fields.length !== 2 || r.fields[1] === "") problems.at(r.line, 2, undefined, `a section's first line is ${SECTION_MARKER},<query>: one query id after the marker, nothing more`);
      out.push({ id: r.fields[1] ?? "", marker: r, rows: [] });
      continue;
    }
    const s = out[out.length - 1];
    if (!s) {
      problems.at(r.line, 1, undefined, `the file must begin with a section's first line, ${SECTION_MARKER},${PLAN_SECTION}, not '${r.fields[0]}'`);
      return out;
    }
    if (!s.header) s.header = r;
    else s.rows.push(r);
  }
  return out;
}

/** A section's rows read by its rules; problems for a wrong header, a bad value, a duplicate. */
function readSection(s: Section, rules: ColumnRule[], problems: Problems): CountsRow[] {
  const names = rules.map((r) => r.name);
  const rows: CountsRow[] = [];
  if (!s.header) return rows;
  const h = s.header.fields;
  for (let i = 0; i < Math.max(h.length, names.length); i++) {
    if (h[i] === names[i]) continue;
    const fix = `the header of query '${s.id}' is ${names.join(",")} (queries.json); export with the client's header on and the query unedited`;
    if (h[i] === undefined) problems.at(s.header.line, i + 1, undefined, `column '${names[i]}' is missing: ${fix}`);
    else if (names[i] === undefined) problems.at(s.header.line, i + 1, undefined, `column '${h[i]}' is not a column of query '${s.id}': ${fix}`);
    else problems.at(s.header.line, i + 1, undefined, `is '${h[i]}', expected '${names[i]}': ${fix}`);
    return rows;
  }
  const seen = new Map<string, number>();
  for (const r of s.rows) {
    if (r.fields.length !== names.length) {
      problems.at(
        r.line,
        Math.min(r.fields.length, names.length) + 1,
        undefined,
        `the row has ${r.fields.length} fields, the header ${names.length}: each row of query '${s.id}' has its ${names.join(",")}`,
      );
      continue;
    }
    const row: CountsRow = {};
    let ok = true;
    rules.forEach((rule, i) => {
      const got = rule.read(r.fields[i]!);
      if ("problem" in got) {
        problems.at(r.line, i + 1, rule.name, got.problem);
        ok = false;
      } else row[rule.name] = got.value;
    });
    if (!ok) continue;
    // The same cell twice: every column but n identifies it.
    const key = JSON.stringify(names.filter((n) => n !== "n").map((n) => row[n]));
    const first = seen.get(key);
    if (first !== undefined) problems.at(r.line, undefined, undefined, `repeats the cell of row ${first} in query '${s.id}': each cell is one row; export each query once`);
    else seen.set(key, r.line);
    rows.push(row);
  }
  return rows;
}

/** The plan section first: counts of another plan, or of another version of it, are refused before anything else is read. */
function checkPlan(model: PlanModel, s: Section | undefined, problems: Problems): void {
  if (!s) {
    problems.whole(`no ${PLAN_SECTION} section: begin the file with ${SECTION_MARKER},${PLAN_SECTION} and the output of ${PLAN_QUERY}, so that counts of another plan version are refused`);
    return;
  }
  const h = s.header;
  if (!h || s.rows.length !== 1) {
    problems.at((h ?? s.marker).line, undefined, undefined, `the ${PLAN_SECTION} section holds ${s.rows.length} rows; it is the header plan_name,version and the one row of ${PLAN_QUERY}`);
    return;
  }
  if (h.fields.join(",") !== PLAN_COLUMNS.join(",")) {
    problems.at(h.line, 1, undefined, `the ${PLAN_SECTION} header is '${h.fields.join(",")}', expected plan_name,version: export ${PLAN_QUERY} with the header on`);
    return;
  }
  const r = s.rows[0]!;
  const [name, version] = r.fields;
  if (r.fields.length !== 2) problems.at(r.line, Math.min(r.fields.length, 2) + 1, undefined, `the ${PLAN_SECTION} row has ${r.fields.length} fields, expected plan_name,version`);
  else if (name !== model.name) problems.at(r.line, 1, "plan_name", `the counts are of plan '${name}', not '${model.name}': export the database of plan '${model.name}', or give the right plan file`);
  else if ((version ?? "") !== (model.version ?? "")) {
    const v = (x: string | undefined) => (x ? `version ${x}` : "no version");
    problems.at(
      r.line,
      2,
      "version",
      `the counts are of plan '${model.name}' ${v(version)}, but the plan file is at ${v(model.version)}: use the plan file of that version, or export again from a database of this version`,
    );
  }
}

/** Reads and checks a counts file against the plan; throws CountsFileError naming every problem (row, column, fix). */
export function readCountsFile(file: string, model: PlanModel, shown: string = file): CollectedCounts {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CountsFileError(`cannot read the counts file ${shown}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder, not a file" : (e as Error).message}`);
  }
  return parseCounts(text, model, shown);
}

/** The same from the file's text. */
export function parseCounts(text: string, model: PlanModel, file: string): CollectedCounts {
  const problems = new Problems(file);
  const all = sections(records(text, file), problems);
  problems.throwIfAny();
  const byId = new Map<string, Section>();
  for (const s of all) {
    const earlier = byId.get(s.id);
    if (earlier) problems.at(s.marker.line, 2, undefined, `query '${s.id}' has a section already (row ${earlier.marker.line}): export each query once`);
    else byId.set(s.id, s);
  }
  checkPlan(model, byId.get(PLAN_SECTION), problems);
  problems.throwIfAny();

  const known = new Set([PLAN_SECTION, BASIS_ID, ...model.questions.map((q) => q.name)]);
  for (const s of byId.values()) {
    if (!known.has(s.id))
      problems.at(
        s.marker.line,
        2,
        undefined,
        `'${s.id}' is not a query of plan '${model.name}' (its queries are ${PLAN_SECTION}, each question's and ${BASIS_ID}): remove the section, or give the plan file it was exported for`,
      );
  }
  const counts: CollectedCounts["counts"] = [];
  for (const q of model.questions) {
    const s = byId.get(q.name);
    if (!s) {
      problems.whole(`no section for query '${q.name}': run every query of queries.json and export each under ${SECTION_MARKER},${q.name}`);
      continue;
    }
    counts.push({ question: q.name, rows: readSection(s, questionRules(questionGrain(model, q)), problems) });
  }
  const b = byId.get(BASIS_ID);
  if (!b) problems.whole(`no section for query '${BASIS_ID}': run it too (the last query of queries.json) and export it under ${SECTION_MARKER},${BASIS_ID}`);
  const basis = b ? readSection(b, basisRules(model), problems) : [];
  const individuals = basis.find((r) => r["item"] === "individuals")?.["n"];
  if (b && individuals === undefined && problems.list.length === 0) problems.at(b.marker.line, undefined, undefined, `query '${BASIS_ID}' has no 'individuals' row: export its whole output`);
  // Each question counts its population once: never more than all individuals, unless the sections come from different data.
  if (typeof individuals === "number" && problems.list.length === 0) {
    for (const c of counts) {
      const n = c.rows.reduce((sum, r) => sum + (r["row_kind"] === "individuals" ? (r["n"] as number) : 0), 0);
      if (n > individuals) {
        problems.at(
          byId.get(c.question)!.marker.line,
          undefined,
          undefined,
          `query '${c.question}' counts ${n} individuals, more than the ${individuals} of ${BASIS_ID}: export every query from the same database in one run`,
        );
      }
    }
  }
  problems.throwIfAny();
  return { counts, basis };
}
