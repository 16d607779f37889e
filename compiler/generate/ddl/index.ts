// The database schema: one script per SQL dialect that creates the storage
// layout (compiler/sql/storage.ts) and fills the value-set tables.
// The database itself enforces what it can: value sets by foreign key, ranges
// and booleans by CHECK, one registration per individual and time point by
// primary key. Required answers are NOT enforced here: missing data must be
// storable so that it is counted as missing.
import type { PlanModel, ValuesetModel, VariableModel } from "../../model/index.js";
import { tr } from "../../model/index.js";
import { choiceTableLines, otherDescriptionLines, timepointLines, valuesetLines, variableLines, type DescribeContext } from "./describe.js";
import { CHOICE_CODE, INDIVID_KEY, INDIVID_TABLE, LOOKUP_COLUMNS, lookupTable, PLAN_TABLE, REGISTERED_DATE } from "../../sql/storage.js";
import { storageLayout, valuesetOf, type RegistrationLayout } from "../storage-layout.js";
import { ddlTexts } from "./texts.js";
import { DIALECTS, type Dialect } from "../../sql/dialects/index.js";
import type { Generator } from "../output.js";

interface Column {
  name: string;
  type: string;
  notNull?: boolean;
  primaryKey?: boolean;
  /** Conditions joined into one CHECK. */
  checks?: string[];
  references?: { table: string; column: string; cascade?: boolean };
  /** Description lines: a catalog description and, unless `inline` is false, `--` comments above the column. */
  about?: string[];
  inline?: boolean;
}

interface Table {
  name: string;
  about: string[];
  columns: Column[];
  /** Table constraints after the columns, already in SQL. */
  constraints?: string[];
}

/** Names of the two CHECK constraints on individ.individ_id. */
const KEY_WELL_FORMED = "individ_id_well_formed";
const KEY_NOT_PERSONNUMMER = "individ_id_not_personnummer";

const WRAP = 78;

/** Greedy word wrap for the header's paragraphs. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WRAP) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

class Script {
  private readonly blocks: string[] = [];
  constructor(private readonly d: Dialect) {}

  /** Statements written together, without blank lines between them. */
  add(statements: string[], comment?: string[]): void {
    if (statements.length === 0 && !comment?.length) return;
    const lines = comment?.length ? [this.d.comment(comment.join("\n"))] : [];
    for (const s of statements) lines.push(`${s}${this.d.terminator}`);
    this.blocks.push(lines.join("\n"));
  }

  text(): string {
    return `${this.blocks.join("\n\n")}\n`;
  }
}

export function generateDdl(model: PlanModel, dialect: Dialect, lang: string = model.language): string {
  const t = ddlTexts(lang);
  const c: DescribeContext = { model, lang, t };
  const d = dialect;
  const q = d.quote;
  const keyType = d.types.code;
  const layouts = storageLayout(model);

  const codeType = (vs: ValuesetModel): string => (vs.codeType === "integer" ? d.types.integer : d.types.code);
  // Integer codes are written as numbers (a leading zero would not survive the column type anyway).
  const codeLiteral = (vs: ValuesetModel, code: string): string => (vs.codeType === "integer" ? integerCode(vs, code) : d.string(code));
  const text = (s: string | undefined): string => (s === undefined ? "NULL" : d.string(s));

  const createTable = (tb: Table): { comment: string[]; statements: string[] } => {
    const lines: string[] = [];
    const parts = [...tb.columns.map((col) => ({ col })), ...(tb.constraints ?? []).map((sql) => ({ sql }))];
    parts.forEach((p, i) => {
      const comma = i < parts.length - 1 ? "," : "";
      if ("sql" in p) {
        lines.push(`  ${p.sql}${comma}`);
        return;
      }
      const col = p.col;
      if (col.about?.length && col.inline !== false)
        lines.push(
          ...d
            .comment(col.about.join("\n"))
            .split("\n")
            .map((l) => `  ${l}`),
        );
      let def = `${q(col.name)} ${col.type} ${col.notNull ? "NOT NULL" : "NULL"}`;
      if (col.primaryKey) def += " PRIMARY KEY";
      if (col.checks?.length) def += ` CHECK (${col.checks.join(" AND ")})`;
      if (col.references) def += ` REFERENCES ${q(col.references.table)} (${q(col.references.column)})${col.references.cascade && d.deleteCascade !== false ? " ON DELETE CASCADE" : ""}`;
      lines.push(`  ${def}${comma}`);
    });
    const describe = [...d.describeTable(tb.name, tb.about.join("\n")), ...tb.columns.flatMap((col) => (col.about?.length ? d.describeColumn(tb.name, col.name, col.about.join("\n")) : []))];
    return { comment: tb.about, statements: [`CREATE TABLE ${q(tb.name)} (\n${lines.join("\n")}\n)`, ...describe] };
  };

  /** CHECK conditions for a variable's column: the type where the engine does not enforce it, then the range. */
  const valueChecks = (v: VariableModel, column: string): string[] => {
    const checks: string[] = [];
    const k = v.type.kind;
    if (k === "integer" || k === "decimal" || k === "boolean" || k === "date") {
      const tc = d.typeCheck(column, k);
      if (tc) checks.push(tc);
    }
    if ((v.type.kind === "integer" || v.type.kind === "decimal") && v.type.min !== undefined) checks.push(`${column} >= ${v.type.min}`);
    if ((v.type.kind === "integer" || v.type.kind === "decimal") && v.type.max !== undefined) checks.push(`${column} <= ${v.type.max}`);
    return checks;
  };

  const variableColumn = (v: VariableModel): Column => {
    const about = variableLines(c, v);
    const col = q(v.name);
    if (v.type.kind === "choice") {
      const vs = valuesetOf(model, v)!;
      return { name: v.name, type: codeType(vs), references: { table: lookupTable(vs.name), column: "code" }, about };
    }
    return { name: v.name, type: d.types[v.type.kind], checks: valueChecks(v, col), about };
  };

  const registrationTable = (l: RegistrationLayout): Table => {
    const dateCheck = d.typeCheck(q(REGISTERED_DATE), "date");
    const columns: Column[] = [
      { name: INDIVID_KEY, type: keyType, notNull: true, primaryKey: true, references: { table: INDIVID_TABLE, column: INDIVID_KEY, cascade: true } },
      { name: REGISTERED_DATE, type: d.types.date, checks: dateCheck ? [dateCheck] : [], about: [t.registeredDate] },
    ];
    for (const rc of l.columns) {
      columns.push(rc.kind === "value" ? variableColumn(rc.variable) : { name: rc.name, type: d.types.text, about: otherDescriptionLines(c, rc.variable) });
    }
    return { name: l.table, about: timepointLines(c, l.timepoint), columns };
  };

  const s = new Script(d);
  s.add([], header(model, d, lang));
  s.add(d.script.begin);

  const plan = createTable({
    name: PLAN_TABLE,
    about: [t.planTable],
    columns: [
      { name: "plan_name", type: d.types.code, notNull: true, primaryKey: true },
      { name: "title", type: d.types.text, notNull: true },
      { name: "version", type: d.types.text },
      { name: "language", type: d.types.code, notNull: true },
    ],
  });
  const planRow = `INSERT INTO ${q(PLAN_TABLE)} (${["plan_name", "title", "version", "language"].map(q).join(", ")}) VALUES (${d.string(model.name)}, ${d.string(tr(model.title, lang, model.language))}, ${text(model.version)}, ${d.string(lang)})`;
  s.add([...plan.statements, planRow], plan.comment);

  // The key rule of compiler/sql/key.ts, as the record schema has it.
  const keyChecks = d.keyChecks(q(INDIVID_KEY));
  const individ = createTable({
    name: INDIVID_TABLE,
    about: [t.individTable],
    columns: [{ name: INDIVID_KEY, type: keyType, notNull: true, primaryKey: true, about: [t.individKey] }],
    constraints: [
      `${d.comment(t.keyWellFormed)}\n  CONSTRAINT ${q(KEY_WELL_FORMED)} CHECK (\n    ${keyChecks.wellFormed}\n  )`,
      `${d.comment(t.keyNotPersonnummer)}\n  CONSTRAINT ${q(KEY_NOT_PERSONNUMMER)} CHECK (\n    ${keyChecks.notPersonnummer}\n  )`,
    ],
  });
  s.add(individ.statements, individ.comment);

  for (const vs of model.valuesets) {
    const flag = (name: string): Column => {
      const check = d.typeCheck(q(name), "boolean");
      return { name, type: d.types.boolean, notNull: true, checks: check ? [check] : [], about: [t.lookupColumns[name as "is_missing"]], inline: false };
    };
    const table = createTable({
      name: lookupTable(vs.name),
      about: valuesetLines(c, vs),
      columns: [
        { name: "code", type: codeType(vs), notNull: true, primaryKey: true, about: [t.lookupColumns.code], inline: false },
        { name: "label", type: d.types.text, notNull: true, about: [t.lookupColumns.label], inline: false },
        { name: "sort_order", type: d.types.integer, notNull: true, about: [t.lookupColumns.sort_order], inline: false },
        flag("is_missing"),
        flag("is_other"),
        { name: "definition", type: d.types.text, about: [t.lookupColumns.definition], inline: false },
      ],
      constraints: [`UNIQUE (${q("sort_order")})`],
    });
    const columns = LOOKUP_COLUMNS.map(q).join(", ");
    const rows = vs.values.map((v) => {
      const def = v.definition ? tr(v.definition, lang, model.language) : undefined;
      return `INSERT INTO ${q(lookupTable(vs.name))} (${columns}) VALUES (${codeLiteral(vs, v.code)}, ${d.string(tr(v.label, lang, model.language))}, ${v.order}, ${d.booleanLiteral(v.missing)}, ${d.booleanLiteral(v.other)}, ${text(def)})`;
    });
    s.add([...table.statements, ...rows], table.comment);
  }

  for (const l of layouts) {
    const reg = createTable(registrationTable(l));
    s.add(reg.statements, reg.comment);
    for (const ct of l.choiceTables) {
      const child = createTable({
        name: ct.name,
        about: choiceTableLines(c, ct.variable),
        columns: [
          { name: INDIVID_KEY, type: keyType, notNull: true, references: { table: l.table, column: INDIVID_KEY, cascade: true } },
          { name: CHOICE_CODE, type: codeType(ct.valueset), notNull: true, references: { table: lookupTable(ct.valueset.name), column: "code" }, about: [t.choiceCode(lookupTable(ct.valueset.name))] },
        ],
        constraints: [`PRIMARY KEY (${q(INDIVID_KEY)}, ${q(CHOICE_CODE)})`],
      });
      s.add(child.statements, child.comment);
    }
  }

  s.add(d.script.commit);
  return s.text();
}

/** An integer code as an SQL number; anything else in an integer-coded set is a model error, never SQL. */
function integerCode(vs: ValuesetModel, code: string): string {
  if (!/^-?\d+$/.test(code)) throw new Error(`value set '${vs.name}' has integer codes, but ${JSON.stringify(code)} is not a whole number`);
  return code.replace(/^(-?)0+(?=\d)/, "$1");
}

/** Every name the script creates, for the identifier-length warning. */
function identifiers(model: PlanModel): string[] {
  const names = [PLAN_TABLE, INDIVID_TABLE, INDIVID_KEY, REGISTERED_DATE, KEY_WELL_FORMED, KEY_NOT_PERSONNUMMER, ...model.valuesets.map((v) => lookupTable(v.name))];
  for (const l of storageLayout(model)) names.push(l.table, ...l.columns.map((col) => col.name), ...l.choiceTables.map((ct) => ct.name));
  return [...new Set(names)];
}

/**
 * Names the script would create twice: a variable called `individ_id` or
 * `registrerad_datum`, or a time point `a__b` beside variable `b` at `a`. The
 * script then fails; the header says why. Case-insensitive, as SQL Server is.
 */
function collisions(model: PlanModel): string[] {
  const dup = (names: string[]): string[] => {
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const n of names) {
      if (seen.has(n.toLowerCase())) twice.push(n);
      seen.add(n.toLowerCase());
    }
    return twice;
  };
  const layouts = storageLayout(model);
  const tables = [PLAN_TABLE, INDIVID_TABLE, ...model.valuesets.map((v) => lookupTable(v.name)), ...layouts.flatMap((l) => [l.table, ...l.choiceTables.map((ct) => ct.name)])];
  const out = dup(tables);
  for (const l of layouts) out.push(...dup([INDIVID_KEY, REGISTERED_DATE, ...l.columns.map((col) => col.name)]).map((c) => `${l.table}.${c}`));
  return out;
}

function header(model: PlanModel, d: Dialect, lang: string): string[] {
  const t = ddlTexts(lang);
  const title = tr(model.title, lang, model.language);
  const facts = [`plan ${model.name}`, model.version ? `version ${model.version}` : undefined, model.organisation].filter((x): x is string => !!x);
  const paragraphs = [[title, facts.join(", ")], [t.generated(d.title), t.doNotEdit], [t.freshDatabase], [t.pseudonym], [t.missingData], [t.lookupTables], [t.multipleChoice]];
  if (d.name === "sqlite") paragraphs.push([t.sqliteForeignKeys]);
  if (d.deleteCascade === false) paragraphs.push([t.noDeleteCascade]);
  const limit = d.maxIdentifierBytes;
  const long = limit === undefined ? [] : identifiers(model).filter((n) => Buffer.byteLength(n, "utf8") > limit);
  if (limit !== undefined && long.length) paragraphs.push([t.longIdentifiers(limit, long)]);
  const clashes = collisions(model);
  if (clashes.length) paragraphs.push([t.collisions(clashes)]);
  return paragraphs.flatMap((p, i) => [...(i ? [""] : []), ...p.flatMap((x) => (x.length > WRAP ? wrap(x) : [x]))]);
}

/** `schema.<dialect>.sql` for each requested dialect. */
export const ddlGenerator: Generator = (model, opts) => opts.dialects.map((name) => ({ path: `schema.${name}.sql`, content: generateDdl(model, DIALECTS[name], opts.lang) }));
