// Every fixed text of the report, one object per language. The interface
// makes a missing translation a type error rather than a silent gap. The
// seeds' scenarios and reliability topics that the handbook already words
// are read from the handbook's strings, not copied.
import { handbookStrings, type HandbookStrings } from "../../generate/handbook/strings.js";
import { inLanguage, type Language } from "../../vocabulary/languages.js";
import type { HiddenReason, PublishedQuestion } from "../published.js";
import { en } from "./strings-en.js";
import { sv } from "./strings-sv.js";

export interface ReliabilityQuestion {
  heading: string;
  paragraphs: string[];
}

export interface ReportStrings {
  /** BCP 47 code for the HTML lang attribute. */
  htmlLang: string;
  /** Numbers are written in this locale. */
  locale: string;
  subtitle: string;
  intro: string;
  facts: { plan: string; version: string; source: string; minCell: string; period: string; questions: string };
  sources: Record<string, string>;
  toc: string;
  sections: { basis: string; reliability: string; questions: string; protection: string; scenarios: string };
  basis: {
    intro: string;
    individuals: string;
    noPeriod: string;
    period: (from: string, to: string) => string;
    registrations: string;
    timepoint: string;
    missing: string;
    variable: string;
    shareOfIndividuals: string;
  };
  reliability: {
    intro: string;
    asPlanned: (lowest: string, share: string) => string;
    asPlannedNone: string;
    enough: (individuals: string, minCell: number, hidden: number, cells: number) => string;
    enoughUnknown: string;
    missing: (variable: string, share: string) => string;
    missingNone: string;
    generalise: string;
    questions: { asPlanned: string; enough: string; missing: string; generalise: string };
  };
  question: (n: number) => string;
  analyses: Record<PublishedQuestion["analysis"], string>;
  table: (question: number, letter: string) => string;
  overall: string;
  by: (split: string) => string;
  transitionsOf: (group: string) => string;
  crosstabOf: (group: string) => string;
  outcomes: string;
  distribution: string;
  statistics: string;
  cells: {
    group: string;
    all: string;
    n: string;
    share: string;
    size: string;
    missing: string;
    mean: string;
    median: string;
    q1: string;
    q3: string;
    category: string;
    code: string;
    label: string;
  };
  multiple: string;
  shareOfGroup: string;
  reference: string;
  /** A reference level in words: a share of whom, or a mean. */
  referenceLevel: { attainment: (share: string) => string; change: (share: string) => string; value: (mean: string) => string };
  /** "Önskat läge: 60,0 % når målet (Riket 2024; källa: …)." */
  referenceValue: (level: string, label: string, source: string | undefined) => string;
  hidden: Record<HiddenReason, (minCell: number) => string>;
  hiddenMark: string;
  /** The note under a table with a figure that does not exist ("."). */
  undefinedNote: string;
  chart: {
    label: (title: string) => string;
    change: string;
    attainment: string;
    count: string;
    crosstab: string;
    summary: string;
    point: (group: string, parts: string) => string;
    range: (q1: string, q3: string) => string;
    omitted: (n: number) => string;
    reference: (level: string, label: string) => string;
    none: string;
  };
  protection: {
    intro: string;
    method: string;
    methods: Record<"suppression" | "noise", string>;
    minCell: string;
    cells: string;
    hiddenPrimary: string;
    hiddenSecondary: string;
    narrowest: string;
    narrowestCell: (table: string, description: string, low: number, high: number) => string;
    pinned: string;
    none: string;
  };
  /** What a row's key member is, by role (the XLSX column heads). */
  roles: Record<"category" | "row" | "column" | "from" | "to" | "outcome", string>;
  sheets: { basis: string; protection: string };
  fromHandbook: HandbookStrings;
}

const tables: Record<Language, Omit<ReportStrings, "fromHandbook">> = { sv, en };

/** The report's strings in a language; a language the compiler does not write falls back to Swedish. */
export function reportStrings(lang: string): ReportStrings {
  return { ...inLanguage(tables, lang, "sv"), fromHandbook: inLanguage(handbookStrings, lang, "sv") };
}
