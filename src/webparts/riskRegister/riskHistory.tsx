/**
 * A risk's change history panel: the risk register's fields in the words of the form (service
 * and owner names, likelihood and impact with their descriptors, UK dates, controls as plain
 * text). Loaded on demand, the first time someone asks for a history.
 */
import * as React from 'react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import type { Person, Risk, Service } from '../../domain/types';
import type { ItemHistoryRepository, StoredVersion } from '../../data/itemHistory';
import { HistoryField, richTextAsLine } from '../../components/changeHistory';
import { ChangeHistoryPanel } from '../../components/ChangeHistoryPanel';
import { formatDate, formatString } from '../../components/format';
import { scaleText } from './riskScale';

/** The risk's fields as the history compares them. */
export function riskHistoryFields(services: readonly Service[], people: readonly Person[]): Array<HistoryField<Risk>> {
  const serviceName = (r: Risk): string =>
    r.serviceId === undefined ? strings.ProgrammeWide : services.find((s) => s.id === r.serviceId)?.name ?? strings.UnknownService;
  // A version may name the person by id only: the register's people give the name.
  const personName = (p: Person | undefined): string =>
    p ? p.displayName || people.find((x) => x.id === p.id)?.displayName || formatString(lazyStrings.ChangeHistoryUnknownPerson, p.id) : '';
  const scale = (axis: 'likelihood' | 'impact', v: number | undefined): string => (typeof v === 'number' ? scaleText(axis, v) : '');
  return [
    { label: lazyStrings.FieldRisk, text: (r) => r.title },
    { label: lazyStrings.FieldRiskService, text: serviceName },
    { label: lazyStrings.FieldOwner, text: (r) => personName(r.owner) },
    { label: lazyStrings.FieldCauseEffect, text: (r) => richTextAsLine(r.causeEffect) },
    { label: lazyStrings.FieldInherentLikelihood, text: (r) => scale('likelihood', r.inherentLikelihood) },
    { label: lazyStrings.FieldInherentImpact, text: (r) => scale('impact', r.inherentImpact) },
    { label: lazyStrings.FieldResidualLikelihood, text: (r) => scale('likelihood', r.residualLikelihood) },
    { label: lazyStrings.FieldResidualImpact, text: (r) => scale('impact', r.residualImpact) },
    { label: lazyStrings.FieldControls, text: (r) => richTextAsLine(r.controls) },
    { label: lazyStrings.FieldReviewDate, text: (r) => formatDate(r.reviewDate) ?? '' },
    { label: lazyStrings.ChangeHistoryPreviousScore, text: (r) => (r.previousResidualScore === undefined ? '' : String(r.previousResidualScore)) },
    { label: lazyStrings.FieldRiskStatus, text: (r) => r.status ?? '' }
  ];
}

/** Props of `RiskHistoryPanel`. */
export interface IRiskHistoryPanelProps {
  risk: Risk;
  history: ItemHistoryRepository;
  services: readonly Service[];
  people: readonly Person[];
  onDismiss: () => void;
}

/** The history panel of one risk. */
export function RiskHistoryPanel(props: IRiskHistoryPanelProps): JSX.Element {
  const { risk, history, services, people, onDismiss } = props;
  // Names any version gives, for versions that give only the id.
  const fields = React.useCallback(
    (versions: ReadonlyArray<StoredVersion<Risk>>) =>
      riskHistoryFields(services, [...people, ...versions.map((v) => v.item.owner).filter((p): p is Person => !!p && p.displayName !== '')]),
    [services, people]
  );
  const load = (): Promise<Array<StoredVersion<Risk>>> => history.itemVersions('risks', risk.id);
  return <ChangeHistoryPanel itemTitle={risk.title} fields={fields} load={load} onDismiss={onDismiss} />;
}
