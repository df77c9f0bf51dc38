/**
 * Field length limits and type checks on every input the forms save (src/domain/validation.ts):
 * over-long text and values of the wrong type are rejected with an error naming the field, on
 * top of valid drafts taken from the sample data, while values at the limit are accepted. The
 * limits must not exceed what the SharePoint columns hold (schema.ts), or SharePoint would
 * reject the save instead of the form.
 */
import { sampleData } from '../../local/sample-data';
import { fieldDef, SCHEMA } from '../../src/data/schema';
import type { ListKey } from '../../src/data/schema';
import {
  LIMITS,
  validateBenefit,
  validateBestPractice,
  validateHighlight,
  validateLessonLearned,
  validateMeasure,
  validateObjective,
  validateObjectiveUpdate,
  validateRisk,
  validateService,
  ValidationError
} from '../../src/domain/validation';

/** A validator over an untyped draft, so tests can pass values of the wrong type. */
type Validate = (draft: Record<string, unknown>) => ValidationError[];

/** Strips the stored-item fields, leaving a draft as a form holds it. */
function draftOf<T extends { id: number; etag: string }>(item: T): Record<string, unknown> {
  const { id: _id, etag: _etag, created: _c, modified: _m, ...rest } = item as T & { created?: string; modified?: string };
  return rest;
}

const service = sampleData.services[0];
const benefit = sampleData.benefits.find((b) => b.savings.length > 0) ?? sampleData.benefits[0];
const benefitService = sampleData.services.find((s) => s.id === benefit.serviceId);

/** Each validator with a valid draft and the SharePoint list it saves to. */
const ENTITIES: Record<string, { list: ListKey; validate: Validate; draft: Record<string, unknown> }> = {
  service: { list: 'services', validate: (d) => validateService(d), draft: draftOf(service) },
  objective: { list: 'objectives', validate: (d) => validateObjective(d), draft: draftOf(sampleData.objectives[0]) },
  objectiveUpdate: { list: 'objectiveUpdates', validate: (d) => validateObjectiveUpdate(d), draft: draftOf(sampleData.objectiveUpdates[0]) },
  benefit: { list: 'benefits', validate: (d) => validateBenefit(d, { service: benefitService }), draft: draftOf(benefit) },
  risk: { list: 'risks', validate: (d) => validateRisk(d), draft: draftOf(sampleData.risks[0]) },
  measure: { list: 'measures', validate: (d) => validateMeasure(d), draft: draftOf(sampleData.measures[0]) },
  highlight: { list: 'highlights', validate: (d) => validateHighlight(d), draft: draftOf(sampleData.highlights[0]) },
  bestPractice: { list: 'bestPractice', validate: (d) => validateBestPractice(d), draft: draftOf((sampleData.bestPractice ?? [])[0]) },
  lessonLearned: { list: 'lessonsLearned', validate: (d) => validateLessonLearned(d), draft: draftOf((sampleData.lessonsLearned ?? [])[0]) }
};

/** Errors for a draft with `changes` applied. */
function errorsWith(entity: string, changes: Record<string, unknown>): ValidationError[] {
  const { validate, draft } = ENTITIES[entity];
  return validate({ ...draft, ...changes });
}

describe('the sample drafts are valid (so each case below tests one field)', () => {
  it.each(Object.keys(ENTITIES))('%s', (entity) => {
    expect(errorsWith(entity, {})).toEqual([]);
  });
});

/** [entity, model field, limit]: every free-text input with a length limit. */
const LENGTH_LIMITED: Array<[string, string, number]> = [
  ['service', 'name', LIMITS.title],
  ['objective', 'title', LIMITS.title],
  ['benefit', 'title', LIMITS.title],
  ['benefit', 'whenDelivered', LIMITS.whenDelivered],
  ['risk', 'title', LIMITS.title],
  ['measure', 'title', LIMITS.title],
  ['measure', 'unit', LIMITS.unit],
  ['bestPractice', 'title', LIMITS.title],
  ['bestPractice', 'fromCouncil', LIMITS.title],
  ['bestPractice', 'toCouncil', LIMITS.title],
  ['lessonLearned', 'title', LIMITS.title]
];

describe('length limits', () => {
  it.each(LENGTH_LIMITED)('%s.%s rejects text over %i characters and accepts text at the limit', (entity, field, limit) => {
    const tooLong = errorsWith(entity, { [field]: 'x'.repeat(limit + 1) });
    expect(tooLong.map((e) => [e.field, e.code])).toEqual([[field, 'tooLong']]);
    expect(tooLong[0].message).toMatch(String(limit));
    expect(errorsWith(entity, { [field]: 'x'.repeat(limit) })).toEqual([]);
  });

  it.each(LENGTH_LIMITED)('%s.%s: the limit fits the SharePoint column (%i)', (entity, field, limit) => {
    const list = SCHEMA[ENTITIES[entity].list];
    // Title-bound fields are stored in SharePoint's built-in Title column (255 characters).
    const maxLength = list.titleKey === field ? 255 : fieldDef(list.key, field).maxLength ?? 255;
    expect(limit).toBeLessThanOrEqual(maxLength);
  });

  it('rejects an over-long or malformed reporting period', () => {
    expect(errorsWith('objectiveUpdate', { periodId: `2021-22-Q4${'9'.repeat(LIMITS.periodId)}` }).map((e) => e.code)).toEqual(['invalidPeriod']);
    expect(errorsWith('highlight', { periodId: 'Q4 2021' }).map((e) => e.code)).toEqual(['invalidPeriod']);
  });
});

/** [entity, field (or path), changes, expected code]: values of the wrong type. */
const WRONG_TYPES: Array<[string, string, Record<string, unknown>, string]> = [
  ['risk', 'inherentLikelihood', { inherentLikelihood: '3' }, 'notANumber'],
  ['risk', 'inherentImpact', { inherentImpact: Number.NaN }, 'notANumber'],
  ['risk', 'residualLikelihood', { residualLikelihood: 2.5 }, 'notWholeNumber'],
  ['risk', 'residualImpact', { residualImpact: 6 }, 'outOfRange'],
  ['risk', 'previousResidualScore', { previousResidualScore: 'high' }, 'notANumber'],
  ['measure', 'target', { target: 'ninety' }, 'notANumber'],
  ['measure', 'target', { target: Number.POSITIVE_INFINITY }, 'notANumber'],
  ['measure', 'actuals.2021-22-Q4', { actuals: { '2021-22-Q4': '85%' } }, 'notANumber'],
  ['benefit', 'fteBefore', { fteBefore: '3 FTE' }, 'notANumber'],
  ['benefit', 'fteAfter', { fteAfter: -1 }, 'negative'],
  ['benefit', 'savings[0].planned', { savings: [{ council: benefitService?.partnerCouncils[0] ?? 'x', planned: '£10,000', realised: 0 }] }, 'notANumber'],
  ['benefit', 'savings[0].realised', { savings: [{ council: benefitService?.partnerCouncils[0] ?? 'x', planned: 0, realised: Number.NaN }] }, 'notANumber'],
  ['benefit', 'evidenceUrl', { evidenceUrl: 'javascript:alert(1)' }, 'notHttps'],
  ['benefit', 'evidenceUrl', { evidenceUrl: 'not a url' }, 'invalidUrl'],
  ['objective', 'targetDate', { targetDate: '31/03/2023' }, 'invalidDate'],
  ['objective', 'status', { status: 'Done' }, 'notInList'],
  ['objective', 'rag', { rag: 42 }, 'notInList'],
  ['objective', 'serviceId', { serviceId: '1' }, 'required'],
  ['objective', 'title', { title: 12345 }, 'required'],
  ['objectiveUpdate', 'narrative', { narrative: '<p>&nbsp;</p>' }, 'emptyRichText'],
  ['risk', 'reviewDate', { reviewDate: '2022-02-30' }, 'invalidDate'],
  ['highlight', 'meetingDate', { meetingDate: 'next Tuesday' }, 'invalidDate'],
  ['service', 'phase', { phase: 'Phase 9' }, 'notInList']
];

describe('type checks', () => {
  it.each(WRONG_TYPES)('%s.%s rejects %j', (entity, field, changes, code) => {
    const errors = errorsWith(entity, changes);
    expect(errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
    // The message names the field in the user's words (never an internal name alone).
    const error = errors.find((e) => e.field === field) as ValidationError;
    expect(error.message.length).toBeGreaterThan(error.label.length);
    expect(error.message).toContain(error.label);
  });
});
