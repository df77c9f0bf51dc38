/**
 * First view of the benefits tracker: benefits under the four categories of the business case,
 * with the service, when and whether they are delivered, and savings across partner councils.
 */
import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Benefit, Service } from '../../../domain/types';
import { BENEFIT_CATEGORIES } from '../../../domain/vocabularies';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { DataTable, IDataTableColumn } from '../../../components/DataTable';
import { formatPounds } from '../../../components/format';

/** Props of `BenefitsTracker` (none yet: later issues add filters). */
export interface IBenefitsTrackerProps {}

function total(benefit: Benefit, key: 'planned' | 'realised'): number {
  return benefit.savings.reduce((sum, s) => sum + s[key], 0);
}

/** Benefits grouped by category, read with one `loadInitial` round trip. */
export function BenefitsTracker(props: IBenefitsTrackerProps): JSX.Element {
  const repositories = useRepositories();
  const { loading, value, error, reload } = useAsync(() => repositories.loadInitial(['services', 'benefits']), [repositories]);

  const serviceNames = React.useMemo(() => {
    const names = new Map<number, string>();
    (value?.services ?? []).forEach((s: Service) => names.set(s.id, s.name));
    return names;
  }, [value]);

  const columns: IDataTableColumn<Benefit>[] = React.useMemo(
    () => [
      { key: 'title', header: strings.ColumnBenefit, render: (b) => b.title },
      { key: 'service', header: strings.ColumnService, render: (b) => serviceNames.get(b.serviceId) ?? strings.UnknownService },
      { key: 'when', header: strings.ColumnWhenDelivered, render: (b) => b.whenDelivered || strings.NotSet },
      { key: 'status', header: strings.ColumnDeliveryStatus, render: (b) => b.deliveryStatus },
      {
        key: 'planned',
        header: strings.ColumnSavingsPlanned,
        render: (b) => (b.savings.length > 0 ? formatPounds(total(b, 'planned')) : '')
      },
      {
        key: 'realised',
        header: strings.ColumnSavingsRealised,
        render: (b) => (b.savings.length > 0 ? formatPounds(total(b, 'realised')) : '')
      }
    ],
    [serviceNames]
  );

  if (loading && !value) return <Loading />;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.BenefitsHeading}
      </Text>
      <ErrorBar error={error} onRetry={reload} />
      {value &&
        BENEFIT_CATEGORIES.map((category) => {
          const items = value.benefits.filter((b) => b.category === category);
          return (
            <section key={category} aria-label={category}>
              <Text variant="large" as="h3">
                {category}
              </Text>
              {items.length === 0 ? (
                <Text as="p">{strings.BenefitsNone}</Text>
              ) : (
                <DataTable caption={category} columns={columns} items={items} getKey={(b) => b.id} />
              )}
            </section>
          );
        })}
    </Stack>
  );
}
