/**
 * The words of the 1-5 risk scales, so likelihood and impact are never bare numbers: "4 Likely",
 * "5 Catastrophic". The reference reports give no scale of their own, so the words are the
 * usual council risk-matrix ones, held in the string resources where a council can change them.
 */
import type { IDropdownOption } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { RISK_SCALE } from '../../domain/vocabularies';
import { formatString } from '../../components/format';

/** Which scale. */
export type RiskAxis = 'likelihood' | 'impact';

const WORDS: Readonly<Record<RiskAxis, readonly string[]>> = {
  likelihood: [strings.RiskLikelihood1, strings.RiskLikelihood2, strings.RiskLikelihood3, strings.RiskLikelihood4, strings.RiskLikelihood5],
  impact: [strings.RiskImpact1, strings.RiskImpact2, strings.RiskImpact3, strings.RiskImpact4, strings.RiskImpact5]
};

/** The descriptor alone ("Likely"), or an empty string off the scale. */
export function scaleWord(axis: RiskAxis, value: number): string {
  return Number.isInteger(value) ? WORDS[axis][value - RISK_SCALE.min] ?? '' : '';
}

/** The value with its descriptor, "4 Likely"; the bare number off the scale. */
export function scaleText(axis: RiskAxis, value: number): string {
  const word = scaleWord(axis, value);
  return word ? formatString(strings.RiskScaleOption, value, word) : String(value);
}

/** Dropdown options 1-5 of a scale, each with its descriptor. */
export function scaleOptions(axis: RiskAxis): IDropdownOption[] {
  const options: IDropdownOption[] = [];
  for (let i = RISK_SCALE.min; i <= RISK_SCALE.max; i++) options.push({ key: i, text: scaleText(axis, i) });
  return options;
}
