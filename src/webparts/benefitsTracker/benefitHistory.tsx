/**
 * A benefit's change history panel: the tracker's fields in the words of the form (service
 * names, choice text, savings per council in pounds and pence, FTE, rich text as plain text).
 * Loaded on demand, the first time someone asks for a history.
 */
import * as React from 'react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import type { Benefit, Service } from '../../domain/types';
import type { ItemHistoryRepository } from '../../data/itemHistory';
import { HistoryField, richTextAsLine } from '../../components/changeHistory';
import { ChangeHistoryPanel } from '../../components/ChangeHistoryPanel';
import { formatPounds, formatString } from '../../components/format';

/** The benefit's fields as the history compares them. */
export function benefitHistoryFields(services: readonly Service[]): Array<HistoryField<Benefit>> {
  const number = (v: number | undefined): string => (typeof v === 'number' ? String(v) : '');
  return [
    { label: lazyStrings.FieldBenefit, text: (b) => b.title },
    { label: lazyStrings.FieldService, text: (b) => services.find((s) => s.id === b.serviceId)?.name ?? strings.UnknownService },
    { label: lazyStrings.FieldCategory, text: (b) => b.category ?? '' },
    { label: lazyStrings.FieldOriginalPosition, text: (b) => richTextAsLine(b.originalPosition) },
    { label: lazyStrings.FieldAchievement, text: (b) => richTextAsLine(b.achievement) },
    { label: lazyStrings.FieldWhenDelivered, text: (b) => b.whenDelivered ?? '' },
    { label: lazyStrings.FieldDeliveryStatus, text: (b) => b.deliveryStatus ?? '' },
    { label: lazyStrings.FieldBenefitsRealised, text: (b) => richTextAsLine(b.realised) },
    {
      label: lazyStrings.FieldSavingsHeading,
      text: (b) => (b.savings ?? []).map((s) => formatString(strings.SavingsCouncilLine, s.council, formatPounds(s.planned), formatPounds(s.realised))).join('; ')
    },
    { label: lazyStrings.FieldFteBefore, text: (b) => number(b.fteBefore) },
    { label: lazyStrings.FieldFteAfter, text: (b) => number(b.fteAfter) },
    { label: lazyStrings.FieldEvidenceUrl, text: (b) => b.evidenceUrl ?? '' }
  ];
}

/** Props of `BenefitHistoryPanel`. */
export interface IBenefitHistoryPanelProps {
  benefit: Benefit;
  history: ItemHistoryRepository;
  services: readonly Service[];
  onDismiss: () => void;
}

/** The history panel of one benefit. */
export function BenefitHistoryPanel(props: IBenefitHistoryPanelProps): JSX.Element {
  const { benefit, history, services, onDismiss } = props;
  const fields = React.useMemo(() => benefitHistoryFields(services), [services]);
  return <ChangeHistoryPanel itemTitle={benefit.title} fields={fields} load={() => history.itemVersions('benefits', benefit.id)} onDismiss={onDismiss} />;
}
