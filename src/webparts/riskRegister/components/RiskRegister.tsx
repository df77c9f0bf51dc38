/**
 * First view of the risk register: open and closed risks with their inherent and residual
 * scores (likelihood × impact, banded), owner and next review date.
 */
import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Risk, Service } from '../../../domain/types';
import { inherentScore, residualScore, riskBand, RiskScoreError } from '../../../domain/scoring';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { DataTable, IDataTableColumn } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';

/** Props of `RiskRegister` (none yet: later issues add filters). */
export interface IRiskRegisterProps {}

/** "12 (High)", or "Not set" when someone typed an out-of-scale value into the list directly. */
function scoreText(score: () => number): string {
  try {
    const value = score();
    return `${value} (${riskBand(value)})`;
  } catch (e) {
    // One bad row must not hide the whole register; anything but a scale error is a bug.
    if (e instanceof RiskScoreError) return strings.NotSet;
    throw e;
  }
}

/** The risk register, highest residual score first. */
export function RiskRegister(props: IRiskRegisterProps): JSX.Element {
  const repositories = useRepositories();
  const { loading, value, error, reload } = useAsync(() => repositories.loadInitial(['services', 'risks']), [repositories]);

  const serviceNames = React.useMemo(() => {
    const names = new Map<number, string>();
    (value?.services ?? []).forEach((s: Service) => names.set(s.id, s.name));
    return names;
  }, [value]);

  const risks = React.useMemo(() => {
    const product = (r: Risk): number => r.residualLikelihood * r.residualImpact;
    return (value?.risks ?? []).slice().sort((a, b) => product(b) - product(a) || a.title.localeCompare(b.title, 'en-GB'));
  }, [value]);

  const columns: IDataTableColumn<Risk>[] = React.useMemo(
    () => [
      { key: 'title', header: strings.ColumnRisk, render: (r) => r.title },
      {
        key: 'service',
        header: strings.ColumnService,
        render: (r) =>
          r.serviceId === undefined ? strings.ProgrammeWide : serviceNames.get(r.serviceId) ?? strings.UnknownService
      },
      { key: 'owner', header: strings.ColumnOwner, render: (r) => r.owner?.displayName || strings.NotSet },
      { key: 'inherent', header: strings.ColumnInherentScore, render: (r) => scoreText(() => inherentScore(r)) },
      { key: 'residual', header: strings.ColumnResidualScore, render: (r) => scoreText(() => residualScore(r)) },
      { key: 'review', header: strings.ColumnReviewDate, render: (r) => formatDate(r.reviewDate) ?? strings.NotSet },
      { key: 'status', header: strings.ColumnRiskStatus, render: (r) => r.status }
    ],
    [serviceNames]
  );

  if (loading && !value) return <Loading />;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.RisksHeading}
      </Text>
      <ErrorBar error={error} onRetry={reload} />
      {value && risks.length === 0 && <Text>{strings.RisksNone}</Text>}
      {risks.length > 0 && <DataTable caption={strings.RisksHeading} columns={columns} items={risks} getKey={(r) => r.id} />}
    </Stack>
  );
}
