/**
 * Create/edit panel of a benefit: the report's columns, £ savings for each partner council of
 * the chosen service (any number of partners), FTE before/after for capacity benefits and an
 * evidence link. Validation messages appear next to their fields and together in the ErrorBar;
 * a failed save keeps a draft, and a 412 shows both versions.
 */
import * as React from 'react';
import {
  Dropdown,
  IDropdownOption,
  Stack,
  Text,
  TextField
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { Repositories } from '../../../data/repositories';
import type { Benefit, Service } from '../../../domain/types';
import { BENEFIT_CATEGORIES, BENEFIT_DELIVERY_STATUSES, BenefitCategory, BenefitDeliveryStatus } from '../../../domain/vocabularies';
import { RichTextEditor } from '../../../components/RichTextEditor';
import type { IConflictRow } from '../../../components/ItemConflict';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { DuplicateTitle } from '../../../components/DuplicateTitle';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatPounds, formatString } from '../../../components/format';
import { richTextToPlain } from '../../../components/sanitise';
import { benefitValues, convertBenefit, IBenefitValues, parseAmount, savingsValuesFor } from '../benefitForm';

/** Props of `BenefitForm`. */
export interface IBenefitFormProps {
  /** Repositories to save through. */
  repositories: Repositories;
  /** Every service (the dropdown and the partner councils). */
  services: readonly Service[];
  /** Benefit edited, or undefined for a new one. */
  benefit: Benefit | undefined;
  /** Signed-in user's id (drafts are per user). */
  userId: number;
  /** The list's other items, to warn when the title is already taken. */
  benefits?: readonly Benefit[];
  /** Called with the stored benefit after a successful save. */
  onSaved: (benefit: Benefit) => void;
  /** Closes the panel without saving. */
  onDismiss: () => void;
}

/** Two inputs side by side, wrapping to one column in a narrow panel. */
const PAIR: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 8, alignItems: 'end' };

const amountOrBlank = (text: string): string => {
  const value = parseAmount(text, undefined);
  return value === undefined || isNaN(value) ? text : formatPounds(value);
};

function savingsText(values: IBenefitValues): string {
  return values.savings
    .filter((s) => s.planned.trim() !== '' || s.realised.trim() !== '')
    .map((s) => formatString(strings.SavingsCouncilLine, s.council, amountOrBlank(s.planned || '0'), amountOrBlank(s.realised || '0')))
    .join('; ');
}

/** The panel. */
export function BenefitForm(props: IBenefitFormProps): JSX.Element {
  const { repositories, services, benefit, userId, onSaved, onDismiss } = props;
  const toValues = React.useCallback((b: Benefit | undefined) => benefitValues(b, services), [services]);
  const convert = React.useCallback((v: IBenefitValues) => convertBenefit(v, services), [services]);
  const editor = useItemEditor<IBenefitValues, Benefit>({
    list: 'benefits',
    repository: repositories.benefits,
    userId,
    item: benefit,
    toValues,
    convert,
    onSaved
  });
  const { values, setValues, fieldErrors } = editor;
  const set = editor.patchValues;

  const serviceOptions: IDropdownOption[] = services.map((s) => ({ key: s.id, text: s.name }));
  const categoryOptions: IDropdownOption[] = BENEFIT_CATEGORIES.map((c) => ({ key: c, text: c }));
  const statusOptions: IDropdownOption[] = BENEFIT_DELIVERY_STATUSES.map((c) => ({ key: c, text: c }));
  const typedTotal = values.savings.reduce(
    (t, s) => ({
      planned: t.planned + (parseAmount(s.planned, 0) || 0),
      realised: t.realised + (parseAmount(s.realised, 0) || 0)
    }),
    { planned: 0, realised: 0 }
  );
  const showFte = values.category === 'Resilience and capacity' || values.fteBefore !== '' || values.fteAfter !== '';

  const serviceName = (id: number | undefined): string => services.find((s) => s.id === id)?.name ?? '';
  const conflictRows = (theirs: Benefit): IConflictRow[] => {
    // Row keys are the model fields they show, so each row knows who changed it.
    const row = (key: keyof Benefit, label: string, mine: string, other: string): IConflictRow => ({ key, label, mine, theirs: other, differs: mine !== other });
    const theirValues = toValues(theirs);
    return [
      row('title', lazyStrings.FieldBenefit, values.title, theirs.title),
      row('serviceId', lazyStrings.FieldService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
      row('category', lazyStrings.FieldCategory, values.category ?? '', theirs.category),
      row('deliveryStatus', lazyStrings.FieldDeliveryStatus, values.deliveryStatus ?? '', theirs.deliveryStatus),
      row('whenDelivered', lazyStrings.FieldWhenDelivered, values.whenDelivered, theirs.whenDelivered),
      row('originalPosition', lazyStrings.FieldOriginalPosition, richTextToPlain(values.originalPosition), richTextToPlain(theirs.originalPosition)),
      row('achievement', lazyStrings.FieldAchievement, richTextToPlain(values.achievement), richTextToPlain(theirs.achievement)),
      row('realised', lazyStrings.FieldBenefitsRealised, richTextToPlain(values.realised), richTextToPlain(theirs.realised)),
      row('savings', lazyStrings.FieldSavingsHeading, savingsText(values), savingsText(theirValues)),
      row('fteBefore', lazyStrings.FieldFteBefore, values.fteBefore, theirValues.fteBefore),
      row('fteAfter', lazyStrings.FieldFteAfter, values.fteAfter, theirValues.fteAfter),
      row('evidenceUrl', lazyStrings.FieldEvidenceUrl, values.evidenceUrl, theirs.evidenceUrl ?? '')
    ];
  };

  return (
    <ItemEditorPanel
      title={benefit ? lazyStrings.BenefitFormEditTitle : lazyStrings.BenefitFormNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onDismiss}
    >
      <TextField
        label={lazyStrings.FieldBenefit}
        required={true}
        value={values.title}
        onChange={(e, v) => set({ title: v ?? '' })}
        errorMessage={fieldErrors.title}
      />
      <DuplicateTitle title={values.title} items={props.benefits} ownId={benefit?.id} template={lazyStrings.BenefitDuplicateTitle} />
      <Dropdown
        label={lazyStrings.FieldService}
        required={true}
        options={serviceOptions}
        selectedKey={values.serviceId ?? ''}
        onChange={(e, o) => {
          const service = services.find((s) => s.id === o?.key);
          setValues((v) => ({ ...v, serviceId: service?.id, savings: savingsValuesFor(service, v.savings) }));
        }}
        errorMessage={fieldErrors.serviceId}
      />
      <Dropdown
        label={lazyStrings.FieldCategory}
        required={true}
        options={categoryOptions}
        selectedKey={values.category ?? ''}
        onChange={(e, o) => set({ category: o?.key as BenefitCategory })}
        errorMessage={fieldErrors.category}
      />
      <RichTextEditor
        label={lazyStrings.FieldOriginalPosition}
        value={values.originalPosition}
        onChange={(html) => set({ originalPosition: html })}
      />
      <RichTextEditor label={lazyStrings.FieldAchievement} value={values.achievement} onChange={(html) => set({ achievement: html })} />
      <TextField
        label={lazyStrings.FieldWhenDelivered}
        placeholder={lazyStrings.FieldWhenDeliveredPlaceholder}
        value={values.whenDelivered}
        onChange={(e, v) => set({ whenDelivered: v ?? '' })}
        errorMessage={fieldErrors.whenDelivered}
      />
      <Dropdown
        label={lazyStrings.FieldDeliveryStatus}
        required={true}
        options={statusOptions}
        selectedKey={values.deliveryStatus ?? ''}
        onChange={(e, o) => set({ deliveryStatus: o?.key as BenefitDeliveryStatus })}
        errorMessage={fieldErrors.deliveryStatus}
      />
      <RichTextEditor label={lazyStrings.FieldBenefitsRealised} value={values.realised} onChange={(html) => set({ realised: html })} />
      <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
        <legend style={{ fontWeight: 600, padding: '5px 0' }}>{lazyStrings.FieldSavingsHeading}</legend>
        {values.savings.length === 0 ? (
          <Text as="p">{lazyStrings.FieldSavingsChooseService}</Text>
        ) : (
          <Stack tokens={{ childrenGap: 8 }}>
            {values.savings.map((s, i) => (
              <div key={s.council} style={PAIR} data-council={s.council}>
                <TextField
                  label={formatString(lazyStrings.FieldPlannedFor, s.council)}
                  prefix="£"
                  inputMode="decimal"
                  value={s.planned}
                  onChange={(e, v) =>
                    setValues((cur) => ({ ...cur, savings: cur.savings.map((r, j) => (j === i ? { ...r, planned: v ?? '' } : r)) }))
                  }
                  errorMessage={fieldErrors[`savings[${i}].planned`] ?? fieldErrors[`savings[${i}].council`]}
                />
                <TextField
                  label={formatString(lazyStrings.FieldRealisedFor, s.council)}
                  prefix="£"
                  inputMode="decimal"
                  value={s.realised}
                  onChange={(e, v) =>
                    setValues((cur) => ({ ...cur, savings: cur.savings.map((r, j) => (j === i ? { ...r, realised: v ?? '' } : r)) }))
                  }
                  errorMessage={fieldErrors[`savings[${i}].realised`]}
                />
              </div>
            ))}
            <Text as="p" aria-live="polite">
              <strong>{formatString(strings.SavingsBenefitTotal, formatPounds(typedTotal.planned), formatPounds(typedTotal.realised))}</strong>
            </Text>
          </Stack>
        )}
      </fieldset>
      {showFte && (
        <div style={PAIR}>
          <TextField
            label={lazyStrings.FieldFteBefore}
            inputMode="decimal"
            value={values.fteBefore}
            onChange={(e, v) => set({ fteBefore: v ?? '' })}
            errorMessage={fieldErrors.fteBefore}
          />
          <TextField
            label={lazyStrings.FieldFteAfter}
            inputMode="decimal"
            value={values.fteAfter}
            onChange={(e, v) => set({ fteAfter: v ?? '' })}
            errorMessage={fieldErrors.fteAfter}
          />
        </div>
      )}
      <TextField
        label={lazyStrings.FieldEvidenceUrl}
        description={lazyStrings.FieldEvidenceUrlDescription}
        type="url"
        value={values.evidenceUrl}
        onChange={(e, v) => set({ evidenceUrl: v ?? '' })}
        errorMessage={fieldErrors.evidenceUrl}
      />
    </ItemEditorPanel>
  );
}
