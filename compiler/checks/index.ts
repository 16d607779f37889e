// The catalogue of checks, in code order. Adding a check is adding its file
// here, its test in test/checks.test.ts, its example in examples/broken/ and
// its entry in docs/diagnostics.md.
import type { Rule } from "../rule.js";
import { syntaxError } from "./syntax-error.js";
import { undefinedName } from "./undefined-name.js";
import { reservedName } from "./reserved-name.js";
import { redundantSplit } from "./redundant-split.js";
import { importNotFound } from "./import-not-found.js";
import { importCycle } from "./import-cycle.js";
import { planPlacement } from "./plan-placement.js";
import { nestingTooDeep } from "./nesting-too-deep.js";
import { controlCharacter } from "./control-character.js";
import { bidiControl } from "./bidi-control.js";
import { wrongKind } from "./wrong-kind.js";
import { duplicateName } from "./duplicate-name.js";
import { invalidIdentifier } from "./invalid-identifier.js";
import { undefinedValue } from "./undefined-value.js";
import { duplicateCode } from "./duplicate-code.js";
import { duplicateLabel } from "./duplicate-label.js";
import { valueTypeMismatch } from "./value-type-mismatch.js";
import { missingCodeInGroup } from "./missing-code-in-group.js";
import { invalidRange } from "./invalid-range.js";
import { numberOutOfRange } from "./number-out-of-range.js";
import { questionWithoutAnalysis } from "./question-without-analysis.js";
import { severalAnalyses } from "./several-analyses.js";
import { notCollectedAt } from "./not-collected-at.js";
import { ambiguousTimepoint } from "./ambiguous-timepoint.js";
import { changeNeedsTwoTimepoints } from "./change-needs-two-timepoints.js";
import { changeOnNominal } from "./change-on-nominal.js";
import { ordinalWithoutDirection } from "./ordinal-without-direction.js";
import { summaryOnNonNumeric } from "./summary-on-non-numeric.js";
import { notCategorical } from "./not-categorical.js";
import { splitNotCategorical } from "./split-not-categorical.js";
import { attainmentValuesetMismatch } from "./attainment-valueset-mismatch.js";
import { variableWithoutTimepoint } from "./variable-without-timepoint.js";
import { splitRecordedLater } from "./split-recorded-later.js";
import { conditionRecordedLater } from "./condition-recorded-later.js";
import { goalNotBeforeMeasurement } from "./goal-not-before-measurement.js";

import { overlappingBands } from "./overlapping-bands.js";
import { gapBetweenBands } from "./gap-between-bands.js";
import { unmappedValues } from "./unmapped-values.js";
import { groupSourceType } from "./group-source-type.js";
import { valueMappedTwice } from "./value-mapped-twice.js";
import { unusedVariable } from "./unused-variable.js";
import { unreadTimepoint } from "./unread-timepoint.js";
import { freeTextWithoutReason } from "./free-text-without-reason.js";
import { sensitiveWithoutLegalBasis } from "./sensitive-without-legal-basis.js";
import { unknownSensitiveCategory } from "./unknown-sensitive-category.js";
import { noOtherOption } from "./no-other-option.js";
import { missingDefinition } from "./missing-definition.js";
import { missingTranslation } from "./missing-translation.js";
import { classificationWithoutVersion } from "./classification-without-version.js";
import { unknownClassification } from "./unknown-classification.js";
import { kvaSummaryCode } from "./kva-summary-code.js";
import { classificationCodeFormat } from "./classification-code-format.js";
import { missingPurpose } from "./missing-purpose.js";
import { smallCells } from "./small-cells.js";
import { lowMinCell } from "./low-min-cell.js";
import { invalidRuleSetting } from "./invalid-rule-setting.js";
import { invalidPlanSetting } from "./invalid-plan-setting.js";
import { timepointOrder } from "./timepoint-order.js";

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
