// `isu simulate`: synthetic records for a plan (records.ts) and their load
// into a new database through the generated DDL (load.ts).
export { simulate, simulatedKey, DEFAULT_SEED, type SimulatedData, type SimulatedRecord, type SimulatedValue, type SimulateOptions } from "./records.js";
export { checkEmpty, loadSimulated, simulatedRows, ddlInTransaction, type LoadOptions, type LoadProgress } from "./load.js";
