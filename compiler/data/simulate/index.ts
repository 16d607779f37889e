// `isu simulate`: synthetic records for a plan (records.ts) and their load
// into a new database through the generated DDL (load.ts).
export { simulate, simulateBatches, simulatedKey, BATCH_INDIVIDUALS, DEFAULT_SEED, type SimulatedData, type SimulatedRecord, type SimulatedValue, type SimulateOptions } from "./records.js";
export { checkEmpty, loadSimulated, loadSimulation, simulatedRows, ddlInTransaction, type LoadOptions, type LoadProgress, type SimulationProgress } from "./load.js";
