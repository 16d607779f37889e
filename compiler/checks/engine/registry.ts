// The catalogue of checks, in code order. Adding a check is adding its file
// here, its test in test/checks.test.ts, its example in examples/broken/ and
// its entry in docs/diagnostics.md.
import type { Rule } from "./rule.js";
import { syntaxError } from "../rules/syntax-error.js";
import { undefinedName } from "../rules/undefined-name.js";
import { reservedName } from "../rules/reserved-name.js";
import { redundantSplit } from "../rules/redundant-split.js";
import { importNotFound } from "../rules/import-not-found.js";
import { importCycle } from "../rules/import-cycle.js";
import { planPlacement } from "../rules/plan-placement.js";
import { nestingTooDeep } from "../rules/nesting-too-deep.js";
import { controlCharacter } from "../rules/control-character.js";
import { bidiControl } from "../rules/bidi-control.js";
import { wrongKind } from "../rules/wrong-kind.js";
import { duplicateName } from "../rules/duplicate-name.js";
import { invalidIdentifier } from "../rules/invalid-identifier.js";
import { undefinedValue } from "../rules/undefined-value.js";
import { duplicateCode } from "../rules/duplicate-code.js";
import { duplicateLabel } from "../rules/duplicate-label.js";
import { valueTypeMismatch } from "../rules/value-type-mismatch.js";
import { missingCodeInGroup } from "../rules/missing-code-in-group.js";
import { invalidRange } from "../rules/invalid-range.js";
import { numberOutOfRange } from "../rules/number-out-of-range.js";
import { questionWithoutAnalysis } from "../rules/question-without-analysis.js";
import { severalAnalyses } from "../rules/several-analyses.js";
import { referenceMismatch } from "../rules/reference-mismatch.js";
import { notCollectedAt } from "../rules/not-collected-at.js";
import { ambiguousTimepoint } from "../rules/ambiguous-timepoint.js";
import { changeNeedsTwoTimepoints } from "../rules/change-needs-two-timepoints.js";
import { changeOnNominal } from "../rules/change-on-nominal.js";
import { ordinalWithoutDirection } from "../rules/ordinal-without-direction.js";
import { summaryOnNonNumeric } from "../rules/summary-on-non-numeric.js";
import { notCategorical } from "../rules/not-categorical.js";
import { splitNotCategorical } from "../rules/split-not-categorical.js";
import { attainmentValuesetMismatch } from "../rules/attainment-valueset-mismatch.js";
import { variableWithoutTimepoint } from "../rules/variable-without-timepoint.js";
import { splitRecordedLater } from "../rules/split-recorded-later.js";
import { conditionRecordedLater } from "../rules/condition-recorded-later.js";
import { goalNotBeforeMeasurement } from "../rules/goal-not-before-measurement.js";

import { overlappingBands } from "../rules/overlapping-bands.js";
import { gapBetweenBands } from "../rules/gap-between-bands.js";
import { unmappedValues } from "../rules/unmapped-values.js";
import { groupSourceType } from "../rules/group-source-type.js";
import { valueMappedTwice } from "../rules/value-mapped-twice.js";
import { unusedVariable } from "../rules/unused-variable.js";
import { unreadTimepoint } from "../rules/unread-timepoint.js";
import { freeTextWithoutReason } from "../rules/free-text-without-reason.js";
import { sensitiveWithoutLegalBasis } from "../rules/sensitive-without-legal-basis.js";
import { unknownSensitiveCategory } from "../rules/unknown-sensitive-category.js";
import { noOtherOption } from "../rules/no-other-option.js";
import { missingDefinition } from "../rules/missing-definition.js";
import { missingTranslation } from "../rules/missing-translation.js";
import { classificationWithoutVersion } from "../rules/classification-without-version.js";
import { unknownClassification } from "../rules/unknown-classification.js";
import { kvaSummaryCode } from "../rules/kva-summary-code.js";
import { classificationCodeFormat } from "../rules/classification-code-format.js";
import { missingPurpose } from "../rules/missing-purpose.js";
import { smallCells } from "../rules/small-cells.js";
import { lowMinCell } from "../rules/low-min-cell.js";
import { invalidRuleSetting } from "../rules/invalid-rule-setting.js";
import { invalidPlanSetting } from "../rules/invalid-plan-setting.js";
import { timepointOrder } from "../rules/timepoint-order.js";

export const allRules: Rule[] = [
  syntaxError,
  undefinedName,
  // Group A: imports, names and values.
  importNotFound,
  importCycle,
  planPlacement,
  nestingTooDeep,
  controlCharacter,
  bidiControl,
  wrongKind,
  duplicateName,
  reservedName,
  redundantSplit,
  invalidIdentifier,
  undefinedValue,
  duplicateCode,
  duplicateLabel,
  valueTypeMismatch,
  missingCodeInGroup,
  invalidRange,
  numberOutOfRange,
  // Group B: measurability and time.
  questionWithoutAnalysis,
  severalAnalyses,
  referenceMismatch,
  notCollectedAt,
  ambiguousTimepoint,
  changeNeedsTwoTimepoints,
  changeOnNominal,
  ordinalWithoutDirection,
  summaryOnNonNumeric,
  notCategorical,
  splitNotCategorical,
  attainmentValuesetMismatch,
  variableWithoutTimepoint,
  splitRecordedLater,
  conditionRecordedLater,
  goalNotBeforeMeasurement,
  // Group C: groups, data minimisation, quality, small numbers, plan settings.
  overlappingBands,
  gapBetweenBands,
  unmappedValues,
  groupSourceType,
  valueMappedTwice,
  unusedVariable,
  unreadTimepoint,
  freeTextWithoutReason,
  sensitiveWithoutLegalBasis,
  unknownSensitiveCategory,
  noOtherOption,
  missingDefinition,
  missingTranslation,
  classificationWithoutVersion,
  unknownClassification,
  kvaSummaryCode,
  classificationCodeFormat,
  missingPurpose,
  smallCells,
  lowMinCell,
  invalidRuleSetting,
  invalidPlanSetting,
  timepointOrder,
].sort((a, b) => (a.meta.code < b.meta.code ? -1 : 1));

export const rulesByCode = new Map(allRules.map((r) => [r.meta.code, r]));
export const rulesByName = new Map(allRules.map((r) => [r.meta.name, r]));
