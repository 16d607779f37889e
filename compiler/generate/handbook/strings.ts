// Every fixed text of the handbook, one object per language. The interface
// makes a missing translation a type error rather than a silent gap.
import { en } from "./strings-en.js";
import { sv } from "./strings-sv.js";
import { isLanguage, LANGUAGES, type Language } from "../../vocabulary/languages.js";
import type { SensitiveCategory } from "../../vocabulary/sensitive.js";

export interface ScenarioText {
  letter: string;
  name: string;
  /** "The data …" */
  shows: string;
  next: string;
}

export interface ChecklistPart {
  heading: string;
  /** Numbered 1–13 across the parts. */
  items: string[];
}

export interface GuidanceTopic {
  /** Which plan facts the handbook adds to the topic. */
  key: "missing" | "small" | "interpretation" | "selection" | "few" | "cause";
  heading: string;
  paragraphs: string[];
}

export interface HandbookStrings {
  /** BCP 47 code for the HTML lang attribute. */
  htmlLang: string;
  subtitle: string;
  intro: string;
  generatedFrom: string;
  languageNames: Record<string, string>;
  facts: {
    organisation: string;
    version: string;
    plan: string;
    language: string;
    translations: string;
    files: string;
    minCell: string;
    expected: string;
    contents: string;
    contentsValue: (questions: number, variables: number, timepoints: number) => string;
  };
  toc: string;
  sections: {
    purpose: string;
    questions: string;
    schedule: string;
    codebook: string;
    variables: string;
    valuesets: string;
    groups: string;
    protection: string;
    reliability: string;
    scenarios: string;
    checklist: string;
    diagnostics: string;
  };
  purpose: {
    none: string;
  };
  questions: {
    intro: string;
    legend: string;
    none: string;
    question: (n: number) => string;
    analysis: string;
    reads: string;
    splits: string;
    noSplits: string;
    where: string;
    notes: string;
    /** The reference level ("önskat läge"): its heading, the level in words, and the level with its label and source. */
    reference: string;
    referenceShare: (percent: string, analysis: "attainment" | "change") => string;
    referenceMean: (value: string, unit: string | undefined) => string;
    referenceText: (level: string, label: string, source: string | undefined) => string;
    table: (question: number, letter: string) => string;
    overall: string;
    by: (split: string) => string;
    count: (target: string) => string;
    countMultiple: (target: string) => string;
    summary: (target: string) => string;
    crosstab: (row: string, column: string) => string;
    change: (variable: string, from: string, to: string) => string;
    attainment: (target: string, goal: string) => string;
    transition: (from: string, to: string) => string;
    changeSummary: string;
    attainmentSummary: string;
    shareOfGroup: string;
    missingEither: string;
    shareMultiple: string;
    summaryValid: (unit: string | undefined) => string;
    transitionLegend: string;
    changeRule: (best: string, worst: string) => string;
    attainmentRule: (target: string, goal: string, best: string) => string;
    missingCodes: (codes: string) => string;
    missingGeneric: string;
    missingChange: (from: string, to: string, codes: string | null) => string;
    missingAttainment: (target: string, goal: string, codes: string | null) => string;
    splitMissing: (split: string) => string;
    suppression: (minCell: number) => string;
    expected: (expected: number, columns: number, perColumn: number) => string;
    perSplit: (split: string, categories: string) => string;
    query: string;
  };
  cells: {
    total: string;
    missing: string;
    notRecorded: string;
    count: string;
    countShare: string;
    stat: string;
    n: string;
    mean: string;
    median: string;
    min: string;
    max: string;
    improved: string;
    unchanged: string;
    worsened: string;
    reached: string;
    notReached: string;
    yes: string;
    no: string;
  };
  schedule: {
    intro: string;
    keyNote: string;
    when: string;
    definition: string;
    variable: string;
    name: string;
    answer: string;
    requirement: string;
    required: string;
    optional: string;
    requiredWhen: (condition: string) => string;
    optionalWhen: (condition: string) => string;
    none: string;
    countKey: string;
  };
  codebook: {
    intro: string;
    name: string;
    definition: string;
    type: string;
    valueset: string;
    unit: string;
    range: string;
    timepoints: string;
    requirement: string;
    condition: string;
    classification: string;
    sensitive: string;
    reason: string;
    otherDescription: string;
    otherDescriptionValue: (name: string, label: string, codes: string) => string;
    usedBy: string;
    unused: string;
    describesOther: string;
    noDefinition: string;
    scale: string;
    nominal: string;
    ordinal: string;
    ordinalHigher: string;
    ordinalLower: string;
    code: string;
    label: string;
    marker: string;
    other: string;
    missing: string;
    usedByVariables: string;
    unusedValueset: string;
  };
  types: {
    choice: (valueset: string) => string;
    multiple: (valueset: string) => string;
    integer: string;
    decimal: string;
    boolean: string;
    date: string;
    text: string;
  };
  groups: {
    intro: string;
    none: string;
    source: string;
    kind: string;
    bands: string;
    codes: string;
    entry: string;
    covers: string;
    unmapped: string;
    usedBy: string;
    unused: string;
    decimalBand: (low: string | undefined, high: string | undefined) => string;
  };
  conditions: {
    and: string;
    or: string;
    not: string;
    /** Phrases for categorical comparisons, given the value labels. */
    isOneOf: (values: string[]) => string;
    isNoneOf: (values: string[]) => string;
    includesAnyOf: (values: string[]) => string;
    includesNoneOf: (values: string[]) => string;
    inRange: string;
    outsideRange: string;
    between: (low: string, high: string) => string;
    atLeast: (low: string) => string;
    atMost: (high: string) => string;
    at: (timepoint: string) => string;
    onlyWhere: (condition: string) => string;
  };
  protection: {
    personal: string[];
    key: string[];
    sensitiveHeading: string;
    sensitiveIntro: string;
    noSensitive: string;
    category: string;
    // Every category has a name; a lookup by any word may miss (an unknown category, ISU0604).
    categories: Record<SensitiveCategory, string> & Partial<Record<string, string>>;
    inherited: (variable: string) => string;
    legalBasisHeading: string;
    noLegalBasis: string;
    notesHeading: string;
    freeTextHeading: string;
    freeTextIntro: string;
    noFreeText: string;
    noReason: string;
    otherDescriptionReason: (variable: string) => string;
    minimisationHeading: string;
    minimisationIntro: string;
    allUsed: string;
    smallNumbers: (minCell: number) => string;
  };
  reliability: {
    intro: string;
    topics: GuidanceTopic[];
    missingCodesIntro: string;
    missingCodesNone: string;
    smallNumbers: (minCell: number, expected: number | undefined) => string;
    withoutDefinition: string;
    allDefined: string;
  };
  scenarios: {
    intro: string;
    scenario: string;
    shows: string;
    next: string;
    list: ScenarioText[];
    outro: string;
  };
  checklist: {
    intro: string;
    parts: ChecklistPart[];
  };
  diagnostics: {
    intro: string;
    none: string;
    code: string;
    severity: string;
    message: string;
    place: string;
    hint: string;
    severities: Record<string, string>;
  };
  classificationSystems: Record<string, string>;
  listSeparator: string;
  lastSeparator: string;
}

export const handbookStrings: Record<HandbookLanguage, HandbookStrings> = { sv, en };

/** The handbook is written in every language of the vocabulary (a missing table fails to compile). */
export type HandbookLanguage = Language;
export const HANDBOOK_LANGUAGES = LANGUAGES;
export const isHandbookLanguage = isLanguage;
