/**
 * Default UK English field labels and validation message templates. A plain object, so the
 * web parts can overlay their SPFx localised strings with `mergeMessages` without the domain
 * layer knowing about SPFx. Labels are the words users see on the forms (and in the
 * councils' reports), not SharePoint internal names.
 */

/** Entities that have validators. */
export type EntityName =
  | 'service'
  | 'objective'
  | 'objectiveUpdate'
  | 'benefit'
  | 'risk'
  | 'measure'
  | 'highlight'
  | 'bestPractice'
  | 'lessonLearned'
  | 'committeeMeeting'
  | 'measureActual'
  | 'staffSurvey'
  | 'budgetLine'
  | 'success';

/** Why a value failed validation. */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'notInList'
  | 'invalidDate'
  | 'dateNotInFuture'
  | 'invalidPeriod'
  | 'emptyRichText'
  | 'tooFewPartners'
  | 'duplicateValue'
  | 'notANumber'
  | 'negative'
  | 'notWholeNumber'
  | 'outOfRange'
  | 'notPartnerCouncil'
  | 'notHttps'
  | 'invalidUrl'
  | 'contentRequired'
  | 'invisibleOnly'
  | 'amountTooLarge'
  | 'notWholePence'
  | 'alreadyWritten'
  | 'sameCouncil'
  | 'moreThanSurveyed'
  | 'splitMismatch'
  | 'invalidYear';

/** Why a value deserves a second look before it is saved: not an error, the user may confirm it. */
export type WarningCode = 'residualAboveInherent' | 'reviewDateInPast';

/** Labels per entity and model property, and a message template per validation code. */
export interface ValidationMessages {
  /** Field labels keyed by entity, then by model property (or a derived key such as `savingsPlanned`). */
  readonly labels: { readonly [E in EntityName]: Readonly<Record<string, string>> };
  /** Templates with `{label}`, `{max}`, `{min}`, `{allowed}`, `{value}` placeholders. */
  readonly templates: Readonly<Record<ValidationCode, string>>;
  /** Templates per warning code, with `{label}`, `{date}`, `{inherent}`, `{residual}` placeholders. */
  readonly warnings: Readonly<Record<WarningCode, string>>;
  /** Template for the label of one council's savings, with `{label}` and `{council}`. */
  readonly councilLabel: string;
}

/** The default UK English labels and messages. */
export const DEFAULT_MESSAGES: ValidationMessages = {
  labels: {
    service: {
      name: 'Service name',
      phase: 'Phase',
      partnerCouncils: 'Partner councils',
      sharedSince: 'Shared since'
    },
    objective: {
      title: 'Description of the objective',
      aim: 'What does the objective aim to achieve',
      serviceId: 'Service',
      status: 'Status',
      rag: 'RAG rating',
      responsibleOfficer: 'Responsible officer',
      targetDate: 'Target date'
    },
    objectiveUpdate: {
      objectiveId: 'Objective',
      periodId: 'Reporting period',
      narrative: 'Progress update',
      status: 'Status',
      rag: 'RAG rating',
      updatedOn: 'Updated on'
    },
    benefit: {
      title: 'Benefit',
      serviceId: 'Service',
      category: 'Category',
      deliveryStatus: 'Delivery status',
      whenDelivered: 'When will the benefit be delivered?',
      savings: 'Savings by council',
      savingsCouncil: 'Council',
      savingsPlanned: 'Planned savings',
      savingsRealised: 'Realised savings',
      fteBefore: 'FTE before',
      fteAfter: 'FTE after',
      evidenceUrl: 'Evidence link'
    },
    risk: {
      title: 'Risk',
      owner: 'Risk owner',
      inherentLikelihood: 'Inherent likelihood',
      inherentImpact: 'Inherent impact',
      residualLikelihood: 'Residual likelihood',
      residualImpact: 'Residual impact',
      reviewDate: 'Review date',
      previousResidualScore: 'Previous residual score',
      status: 'Status'
    },
    measure: {
      title: 'Measure',
      serviceId: 'Service',
      unit: 'Unit',
      target: 'Target',
      direction: 'Direction',
      frequency: 'Reporting frequency',
      responsibleOfficer: 'Responsible officer',
      actuals: 'Quarterly actuals'
    },
    highlight: {
      serviceId: 'Service',
      meetingDate: 'Meeting date',
      periodId: 'Reporting period',
      keyPoints: 'Key points of action',
      activityOverview: 'Overview of activity'
    },
    bestPractice: {
      title: 'Best practice',
      fromCouncil: 'From council',
      toCouncil: 'To council',
      description: 'Description',
      serviceId: 'Service',
      category: 'Category'
    },
    lessonLearned: {
      title: 'Lesson summary',
      lesson: 'Lesson',
      category: 'Category',
      serviceId: 'Service'
    },
    committeeMeeting: {
      title: 'Meeting',
      meetingDate: 'Meeting date',
      reports: 'Reports received'
    },
    measureActual: {
      measureId: 'Measure',
      periodId: 'Reporting period',
      value: 'Actual',
      comment: 'Comment'
    },
    staffSurvey: {
      serviceId: 'Service',
      periodId: 'Survey period',
      surveyed: 'People surveyed',
      responses: 'Responses',
      satisfiedPercent: 'Satisfied (%)',
      themes: 'Themes'
    },
    budgetLine: {
      serviceId: 'Service',
      financialYear: 'Financial year',
      sharedBudget: 'Shared budget',
      split: 'Split between councils',
      splitCouncil: 'Council',
      splitAmount: 'Share',
      savingsApproved: 'Savings approved'
    },
    success: {
      title: 'Success',
      serviceId: 'Service',
      achievement: 'What was achieved',
      councils: 'Councils benefiting',
      category: 'Category',
      achievedOn: 'Achieved on'
    }
  },
  templates: {
    required: '{label} is required.',
    tooLong: '{label} must be {max} characters or fewer.',
    notInList: '{label} must be one of: {allowed}.',
    invalidDate: '{label} must be a real date.',
    dateNotInFuture: '{label} must be a date in the future.',
    invalidPeriod: '{label} must be a financial year and quarter written like 2021-22-Q4.',
    emptyRichText: '{label} is required: the text is empty.',
    tooFewPartners: '{label} must include at least two different councils.',
    duplicateValue: '{label} includes {value} more than once.',
    notANumber: '{label} must be a number.',
    negative: '{label} must be zero or more.',
    notWholeNumber: '{label} must be a whole number.',
    outOfRange: '{label} must be from {min} to {max}.',
    notPartnerCouncil: '{label}: {value} is not one of the partner councils of this service.',
    notHttps: '{label} must be a secure web address starting with https://.',
    invalidUrl: '{label} must be a web address, such as https://example.gov.uk/report.',
    contentRequired: 'Enter the key points of action or an overview of activity.',
    invisibleOnly: '{label} holds only invisible characters (such as zero-width spaces): enter visible text.',
    amountTooLarge: '{label} must be no more than {max}.',
    notWholePence: '{label} must be in pounds and pence, with no more than two decimal places.',
    alreadyWritten: '{label}: this service already has a general update for that meeting. Edit that one instead.',
    sameCouncil: '{label} must be a different council from the one the practice came from.',
    moreThanSurveyed: '{label} cannot be more than the people surveyed.',
    splitMismatch: '{label} adds up to {value}, not the shared budget.',
    invalidYear: '{label} must be a year such as 2022 (for 2022/23).'
  },
  warnings: {
    residualAboveInherent:
      'The residual score ({residual}) is higher than the inherent score ({inherent}). The residual score is the risk that is left once the controls work, so it is normally the same as the inherent score or lower. Check the likelihood and impact; save anyway only if the controls themselves add to the risk.',
    reviewDateInPast:
      '{label} {date} has already passed, so the risk will show as overdue for review as soon as it is saved. Choose a date ahead unless the review really is overdue.'
  },
  councilLabel: '{label} for {council}'
};

/** A partial overlay of messages, e.g. built from SPFx loc strings. */
export interface MessagesOverlay {
  /** Labels to replace, by entity and property. */
  readonly labels?: { readonly [E in EntityName]?: Readonly<Record<string, string>> };
  /** Templates to replace, by code. */
  readonly templates?: Readonly<Partial<Record<ValidationCode, string>>>;
  /** Warning templates to replace, by code. */
  readonly warnings?: Readonly<Partial<Record<WarningCode, string>>>;
  /** Council label template to replace. */
  readonly councilLabel?: string;
}

/** Overlays localised strings on a base set of messages; missing entries keep the base text. */
export function mergeMessages(base: ValidationMessages, overlay: MessagesOverlay): ValidationMessages {
  const labels = { ...base.labels } as { [E in EntityName]: Readonly<Record<string, string>> };
  for (const entity of Object.keys(overlay.labels ?? {}) as EntityName[]) {
    labels[entity] = { ...base.labels[entity], ...(overlay.labels?.[entity] ?? {}) };
  }
  return {
    labels,
    templates: { ...base.templates, ...(overlay.templates ?? {}) },
    warnings: { ...base.warnings, ...(overlay.warnings ?? {}) },
    councilLabel: overlay.councilLabel ?? base.councilLabel
  };
}

let active: ValidationMessages = DEFAULT_MESSAGES;

/**
 * Makes the page's localised labels and templates the ones every validator uses by default.
 * Called once when a page's UI loads its strings; Node tools keep the UK English defaults.
 */
export function setActiveMessages(overlay: MessagesOverlay): void {
  active = mergeMessages(DEFAULT_MESSAGES, overlay);
}

/** The labels and templates validators use when the caller passes none. */
export function activeMessages(): ValidationMessages {
  return active;
}

/** Fills `{name}` placeholders of a template; unknown placeholders are left as written. */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  );
}
