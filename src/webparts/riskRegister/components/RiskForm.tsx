/**
 * Create/edit panel of a risk: likelihood and impact 1-5 before and after controls (with the
 * resulting scores and bands shown as they are chosen), owner, controls and review date.
 * Validation messages appear next to their fields and together in the ErrorBar; a failed save
 * keeps a draft, and a 412 shows both versions.
 */
import * as React from 'react';
import {
  ComboBox,
  Dropdown,
  IComboBox,
  IComboBoxOption,
  IDropdownOption,
  Stack,
  Text,
  TextField
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { Repositories } from '../../../data/repositories';
import type { Person, Risk, Service } from '../../../domain/types';
import { riskBand, riskScore, RiskScoreError } from '../../../domain/scoring';
import { RISK_STATUSES, RiskStatus } from '../../../domain/vocabularies';
import { describeError } from '../../../components/ErrorBar';
import { RichTextEditor } from '../../../components/RichTextEditor';
import type { IConflictRow } from '../../../components/ItemConflict';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { DuplicateTitle } from '../../../components/DuplicateTitle';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatDate, formatString } from '../../../components/format';
import { richTextToPlain } from '../../../components/sanitise';
import { convertRisk, IRiskValues, reviewValues, riskValues } from '../riskForm';
import { RiskAxis, scaleOptions, scaleText } from '../riskScale';
import { UkDatePicker } from '../../../components/UkDatePicker';
import { useToday } from '../../../components/clock';
import { BAND_LABELS } from './HeatMap';

/** Props of `RiskForm`. */
export interface IRiskFormProps {
  /** Repositories to save through and to resolve owners with. */
  repositories: Repositories;
  /** Every service. */
  services: readonly Service[];
  /** People to offer as owner (existing owners, service leads, the user). */
  people: readonly Person[];
  /** Risk edited, or undefined for a new one. */
  risk: Risk | undefined;
  /**
   * A review (opened from the reminder mail): the residual score the risk has now becomes its
   * previous score once the review is saved, so the register shows the change since this review.
   */
  review?: boolean;
  /** Signed-in user's id (drafts are per user). */
  userId: number;
  /** Today as YYYY-MM-DD, for review dates already passed; the clock's today when omitted. */
  today?: string;
  /** The list's other items, to warn when the title is already taken. */
  risks?: readonly Risk[];
  /** Called with the stored risk after a successful save. */
  onSaved: (risk: Risk) => void;
  /** Closes the panel without saving. */
  onDismiss: () => void;
}

const PROGRAMME = 'programme';
const LIKELIHOOD_OPTIONS = scaleOptions('likelihood');
const IMPACT_OPTIONS = scaleOptions('impact');

/** "12 (High)", or a dash until both numbers are chosen. */
function preview(likelihood: number | undefined, impact: number | undefined): string {
  if (likelihood === undefined || impact === undefined) return '–';
  try {
    const score = riskScore(likelihood, impact);
    return formatString(strings.ScoreWithBand, score, BAND_LABELS[riskBand(score)]);
  } catch (e) {
    // A value typed into the list by hand may be off the scale; validation names it on save.
    if (e instanceof RiskScoreError) return '–';
    throw e;
  }
}

/** The panel. */
export function RiskForm(props: IRiskFormProps): JSX.Element {
  const { repositories, services, risk, review, userId, onSaved, onDismiss } = props;
  const today = useToday(props.today);
  const convert = React.useCallback((values: IRiskValues) => convertRisk(values, { today, stored: risk }), [today, risk]);
  const editor = useItemEditor<IRiskValues, Risk>({
    // A review keeps its draft apart from a plain edit of the same risk: the two start differently.
    list: review ? 'riskReviews' : 'risks',
    repository: repositories.risks,
    userId,
    item: risk,
    toValues: review ? reviewValues : riskValues,
    convert,
    onSaved
  });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;
  const [people, setPeople] = React.useState<Person[]>(() => props.people.slice());
  const [ownerError, setOwnerError] = React.useState<string | undefined>(undefined);
  const [resolving, setResolving] = React.useState(false);

  const serviceOptions: IDropdownOption[] = [
    { key: PROGRAMME, text: strings.ProgrammeWide },
    ...services.map((s) => ({ key: s.id, text: s.name }))
  ];
  const statusOptions: IDropdownOption[] = RISK_STATUSES.map((s) => ({ key: s, text: s }));
  const ownerOptions: IComboBoxOption[] = people.map((p) => ({ key: p.id, text: p.displayName || p.email, title: p.email }));

  const onOwnerChange = (event: React.FormEvent<IComboBox>, option?: IComboBoxOption, index?: number, text?: string): void => {
    setOwnerError(undefined);
    if (option) {
      set({ owner: people.find((p) => p.id === option.key) });
      return;
    }
    const typed = (text ?? '').trim();
    if (typed === '') {
      set({ owner: undefined });
      return;
    }
    // A typed email or login: resolve it to a site user (adding them to the site if needed).
    setResolving(true);
    repositories.ensureUser(typed).then(
      (person) => {
        setResolving(false);
        setPeople((list) => (list.some((p) => p.id === person.id) ? list : list.concat(person)));
        set({ owner: person });
      },
      (e: unknown) => {
        setResolving(false);
        setOwnerError(describeError(e).details.join(' '));
      }
    );
  };

  const serviceName = (id: number | undefined): string =>
    id === undefined ? strings.ProgrammeWide : services.find((s) => s.id === id)?.name ?? strings.UnknownService;
  const conflictRows = (theirs: Risk): IConflictRow[] => {
    // Row keys are the model fields they show, so each row knows who changed it.
    const row = (key: keyof Risk, label: string, mine: string, other: string): IConflictRow => ({ key, label, mine, theirs: other, differs: mine !== other });
    const num = (axis: RiskAxis, n: number | undefined): string => (n === undefined ? '' : scaleText(axis, n));
    return [
      row('title', lazyStrings.FieldRisk, values.title, theirs.title),
      row('serviceId', lazyStrings.FieldRiskService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
      row('causeEffect', lazyStrings.FieldCauseEffect, richTextToPlain(values.causeEffect), richTextToPlain(theirs.causeEffect)),
      row('owner', lazyStrings.FieldOwner, values.owner?.displayName ?? '', theirs.owner?.displayName ?? ''),
      row('inherentLikelihood', lazyStrings.FieldInherentLikelihood, num('likelihood', values.inherentLikelihood), num('likelihood', theirs.inherentLikelihood)),
      row('inherentImpact', lazyStrings.FieldInherentImpact, num('impact', values.inherentImpact), num('impact', theirs.inherentImpact)),
      row('residualLikelihood', lazyStrings.FieldResidualLikelihood, num('likelihood', values.residualLikelihood), num('likelihood', theirs.residualLikelihood)),
      row('residualImpact', lazyStrings.FieldResidualImpact, num('impact', values.residualImpact), num('impact', theirs.residualImpact)),
      row('controls', lazyStrings.FieldControls, richTextToPlain(values.controls), richTextToPlain(theirs.controls)),
      row('reviewDate', lazyStrings.FieldReviewDate, formatDate(values.reviewDate) ?? '', formatDate(theirs.reviewDate) ?? ''),
      row('status', lazyStrings.FieldRiskStatus, values.status ?? '', theirs.status)
    ];
  };

  const scoreField = (field: 'inherentLikelihood' | 'inherentImpact' | 'residualLikelihood' | 'residualImpact', label: string): JSX.Element => (
    <Dropdown
      label={label}
      required={true}
      options={field === 'inherentLikelihood' || field === 'residualLikelihood' ? LIKELIHOOD_OPTIONS : IMPACT_OPTIONS}
      selectedKey={values[field] ?? ''}
      onChange={(e, o) => set({ [field]: o?.key as number })}
      errorMessage={fieldErrors[field]}
      styles={{ root: { minWidth: 150, flex: 1 } }}
    />
  );

  return (
    <ItemEditorPanel
      title={risk ? (review ? formatString(lazyStrings.RiskFormReviewTitle, risk.title) : lazyStrings.RiskFormEditTitle) : lazyStrings.RiskFormNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onDismiss}
      busy={resolving}
    >
      {review && <Text as="p">{lazyStrings.RiskReviewIntro}</Text>}
      <TextField label={lazyStrings.FieldRisk} required={true} value={values.title} onChange={(e, v) => set({ title: v ?? '' })} errorMessage={fieldErrors.title} />
      <DuplicateTitle title={values.title} items={props.risks} ownId={risk?.id} template={lazyStrings.RiskDuplicateTitle} />
      <Dropdown
        label={lazyStrings.FieldRiskService}
        options={serviceOptions}
        selectedKey={values.serviceId ?? PROGRAMME}
        onChange={(e, o) => set({ serviceId: o?.key === PROGRAMME ? undefined : (o?.key as number) })}
      />
      <RichTextEditor label={lazyStrings.FieldCauseEffect} value={values.causeEffect} onChange={(html) => set({ causeEffect: html })} />
      <ComboBox
        label={lazyStrings.FieldOwner}
        required={true}
        allowFreeform={true}
        autoComplete="on"
        placeholder={lazyStrings.FieldOwnerPlaceholder}
        options={ownerOptions}
        selectedKey={values.owner?.id ?? ''}
        onChange={onOwnerChange}
        errorMessage={ownerError ?? fieldErrors.owner}
      />
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        {scoreField('inherentLikelihood', lazyStrings.FieldInherentLikelihood)}
        {scoreField('inherentImpact', lazyStrings.FieldInherentImpact)}
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        {scoreField('residualLikelihood', lazyStrings.FieldResidualLikelihood)}
        {scoreField('residualImpact', lazyStrings.FieldResidualImpact)}
      </Stack>
      <Text as="p" aria-live="polite">
        {formatString(lazyStrings.FieldScorePreview, preview(values.inherentLikelihood, values.inherentImpact), preview(values.residualLikelihood, values.residualImpact))}
      </Text>
      {values.previousResidualScore !== undefined && <Text as="p">{formatString(lazyStrings.FieldPreviousScore, values.previousResidualScore)}</Text>}
      <RichTextEditor label={lazyStrings.FieldControls} value={values.controls} onChange={(html) => set({ controls: html })} />
      <UkDatePicker
        label={lazyStrings.FieldReviewDate}
        value={values.reviewDate}
        onChange={(reviewDate) => set({ reviewDate })}
        errorMessage={fieldErrors.reviewDate}
      />
      <Dropdown
        label={lazyStrings.FieldRiskStatus}
        required={true}
        options={statusOptions}
        selectedKey={values.status ?? ''}
        onChange={(e, o) => set({ status: o?.key as RiskStatus })}
        errorMessage={fieldErrors.status}
      />
    </ItemEditorPanel>
  );
}
