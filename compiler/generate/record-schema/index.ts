// One JSON Schema (2020-12) per time point for a single registration record,
// derived from the form's fields so form and schema agree on names, codes,
// ranges and conditions. Plain keywords only: validates with a default ajv,
// without ajv-formats or custom keywords.
import { allowedClass, KEY_MAX_LENGTH, personnummerRegex } from "../../sql/key.js";
import { jsonText } from "../json.js";
import { inLanguage } from "../../vocabulary/languages.js";
import type { PlanModel } from "../../model/index.js";
import { buildForm, type Form, type FormComparison, type FormCondition, type FormField, type FormTimepoint } from "../form/index.js";
import type { GenerateOptions, Generator } from "../output.js";

export type JsonSchema = { [key: string]: unknown } | boolean;

/**
 * A pseudonymous key, never a personnummer or samordningsnummer: the rule of
 * ddl/key.ts, from which the DDL's CHECKs are rendered too. A JSON Schema
 * regex cannot apply NFKC, so the pattern spells the folding out: in a key of
 * ten or twelve digits (optionally after an `SE`/`pnr`-style prefix) any dash
 * (\p{Pd}), minus, plus, colon or full stop may stand anywhere, and digits and
 * prefix letters may be fullwidth (U+FF10–FF19, U+FF21–FF5A), superscript,
 * subscript or circled. White space, zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF), other invisible and control characters and anything
 * outside the BMP are refused anywhere in a key, so they cannot hide a
 * personnummer either. \uXXXX escapes only: the same in ECMAScript with or
 * without the u flag (ajv uses it).
 */
export const PSEUDONYM_PATTERN = `^(?!${personnummerRegex()})${allowedClass()}+$`;

/**
 * A real YYYY-MM-DD date, years 0001–9999 (what PostgreSQL's and SQL Server's
 * date and SQLite's date() all accept): month lengths, and 29 February in
 * Gregorian leap years only (divisible by 4, centuries by 400).
 */
export const DATE_PATTERN =
  "^(?!0000)(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$";

const TEXT = {
  sv: {
    title: (plan: string, tp: string) => `${plan}: registrering vid ${tp}`,
    description: (tp: string) => `En registreringspost vid tidpunkten '${tp}'. Utelämnade eller null-värden är bortfall; villkorade fält får bara ha ett värde när villkoret gäller.`,
    individ: "Pseudonymt individ-id",
    individHelp: "Pseudonym nyckel för individen (t.ex. en nyckelad HMAC). Aldrig ett personnummer eller samordningsnummer.",
    registered: "Registreringsdatum",
    registeredHelp: "Datum då posten registrerades (ÅÅÅÅ-MM-DD).",
    codes: "Koder",
    elsewhere: (tp: string) => `Visas bara när ett villkor på registreringen vid '${tp}' gäller; det kontrolleras av formuläret, inte av detta schema.`,
  },
  en: {
    title: (plan: string, tp: string) => `${plan}: registration at ${tp}`,
    description: (tp: string) => `One registration record at the time point '${tp}'. Absent or null values are missing data; conditional fields may only hold a value while their condition holds.`,
    individ: "Pseudonymous individual id",
    individHelp: "Pseudonymous key for the individual (e.g. a keyed HMAC). Never a personal identity number or coordination number.",
    registered: "Registration date",
    registeredHelp: "Date the record was registered (YYYY-MM-DD).",
    codes: "Codes",
    elsewhere: (tp: string) => `Shown only when a condition on the registration at '${tp}' holds; the form checks this, not this schema.`,
  },
};

type Texts = (typeof TEXT)["sv"];

function texts(lang: string): Texts {
  return inLanguage(TEXT, lang, "en");
}

const nonNull = { not: { type: "null" } };

/** The schema of one field's value; `nullable` when the field may be left empty. */
function valueSchema(f: FormField, nullable: boolean, x: Texts): { [key: string]: unknown } {
  const type = (t: string): string | string[] => (nullable ? [t, "null"] : t);
  const meta: { [key: string]: unknown } = { title: f.label };
  const help = [f.help, f.options && `${x.codes}: ${f.options.map((o) => `${o.code} = ${o.label}`).join("; ")}.`].filter(Boolean).join(" ");
  if (help) meta.description = help;
  const codes = (f.options ?? []).map((o) => o.code);
  const range = { ...(f.min !== undefined ? { minimum: f.min } : {}), ...(f.max !== undefined ? { maximum: f.max } : {}) };
  switch (f.type) {
    case "choice":
      return { ...meta, enum: nullable ? [...codes, null] : codes };
    case "multiple":
      return { ...meta, type: type("array"), items: { enum: codes }, uniqueItems: true };
    case "integer":
      return { ...meta, type: type("integer"), ...range };
    case "decimal":
      return { ...meta, type: type("number"), ...range };
    case "boolean":
      return { ...meta, type: type("boolean") };
    case "date":
      return { ...meta, type: type("string"), pattern: DATE_PATTERN };
    case "text":
      // An empty required answer is no answer; optional ones may be "".
      return { ...meta, type: type("string"), ...(f.required ? { minLength: 1 } : {}) };
  }
}

/**
 * The condition as a schema that the record matches exactly when it holds, or
 * undefined when it reads a field outside this record (another time point).
 */
export function conditionSchema(c: FormCondition, tp: string, fields: Map<string, FormField>): JsonSchema | undefined {
  if ("all" in c) {
    const parts = c.all.map((p) => conditionSchema(p, tp, fields));
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.length === 0 ? true : parts.length === 1 ? parts[0] : { allOf: parts };
  }
  if ("any" in c) {
    const parts = c.any.map((p) => conditionSchema(p, tp, fields));
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.length === 0 ? false : parts.length === 1 ? parts[0] : { anyOf: parts };
  }
  if ("not" in c) {
    const inner = conditionSchema(c.not, tp, fields);
    return inner === undefined ? undefined : { not: inner };
  }
  const subject = fields.get(c.field);
  if (c.timepoint !== tp || !subject) return undefined;
  const test = comparisonSchema(c, subject.type === "multiple");
  return test === false ? false : { required: [c.field], properties: { [c.field]: test } };
}

function comparisonSchema(c: FormComparison, multiple: boolean): JsonSchema {
  if (c.op === "in") {
    if (c.values.length === 0) return false;
    return multiple ? { type: "array", contains: { enum: c.values } } : { enum: c.values };
  }
  if (multiple) {
    if (c.op === "=") return { type: "array", contains: { const: c.value } };
    if (c.op === "!=") return { type: "array", not: { contains: { const: c.value } } };
  }
  switch (c.op) {
    case "=":
      return { const: c.value };
    case "!=":
      return { not: { enum: [c.value, null] } };
    case "<":
      return { type: "number", exclusiveMaximum: c.value };
    case "<=":
      return { type: "number", maximum: c.value };
    case ">":
      return { type: "number", exclusiveMinimum: c.value };
    case ">=":
      return { type: "number", minimum: c.value };
  }
}

export function recordSchema(form: Form, tp: FormTimepoint): { [key: string]: unknown } {
  const x = texts(form.language);
  const fields = new Map(tp.fields.map((f) => [f.name, f]));
  const properties: { [key: string]: unknown } = {
    individ_id: { title: x.individ, description: x.individHelp, type: "string", minLength: 1, maxLength: KEY_MAX_LENGTH, pattern: PSEUDONYM_PATTERN },
    registrerad_datum: { title: x.registered, description: x.registeredHelp, type: ["string", "null"], pattern: DATE_PATTERN },
  };
  const required = ["individ_id"];
  const rules: JsonSchema[] = [];
  for (const f of tp.fields) {
    if (!f.visibleWhen) {
      properties[f.name] = valueSchema(f, !f.required, x);
      if (f.required) required.push(f.name);
      continue;
    }
    const shown = conditionSchema(f.visibleWhen, tp.name, fields);
    const property = valueSchema(f, true, x);
    properties[f.name] = property;
    if (shown === undefined) {
      property.$comment = x.elsewhere(firstOtherTimepoint(f.visibleWhen, tp.name) ?? tp.name);
      continue;
    }
    // Shown: answered if required. Hidden: left empty.
    const rule: { [key: string]: unknown } = { if: shown };
    if (f.required) rule.then = { required: [f.name], properties: { [f.name]: nonNull } };
    rule.else = { properties: { [f.name]: { type: "null" } } };
    rules.push(rule);
  }
  const schema: { [key: string]: unknown } = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: x.title(form.plan.title, tp.label),
    description: x.description(tp.label),
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
  if (rules.length > 0) schema.allOf = rules;
  return schema;
}

function firstOtherTimepoint(c: FormCondition, tp: string): string | undefined {
  if ("all" in c) return c.all.map((p) => firstOtherTimepoint(p, tp)).find(Boolean);
  if ("any" in c) return c.any.map((p) => firstOtherTimepoint(p, tp)).find(Boolean);
  if ("not" in c) return firstOtherTimepoint(c.not, tp);
  return c.timepoint !== tp ? c.timepoint : undefined;
}

export function buildRecordSchemas(model: PlanModel, opts: Pick<GenerateOptions, "lang">): { timepoint: string; file: string; schema: { [key: string]: unknown } }[] {
  const form = buildForm(model, opts);
  return form.timepoints.map((tp) => ({ timepoint: tp.name, file: tp.recordSchema, schema: recordSchema(form, tp) }));
}

export const recordSchemaGenerator: Generator = (model, opts) => buildRecordSchemas(model, opts).map((r) => ({ path: r.file, content: jsonText(r.schema) }));
