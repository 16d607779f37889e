// What every generator returns: files to write, named relative to --out.
import type { PlanModel } from "../model.js";
import type { DialectName } from "./dialects/index.js";

export interface OutputFile {
  /** File name relative to the output folder, e.g. "schema.sqlite.sql". */
  path: string;
  content: string;
}

export interface GenerateOptions {
  /** Language of labels and the handbook: "sv" or "en". */
  lang: string;
  dialects: DialectName[];
}

export type Generator = (model: PlanModel, opts: GenerateOptions) => OutputFile[];
