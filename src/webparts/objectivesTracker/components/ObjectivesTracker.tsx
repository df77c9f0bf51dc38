/**
 * First view of the objectives tracker: each service with its development objectives
 * (description, status, RAG, responsible officer, target date).
 */
import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Objective, Service } from '../../../domain/types';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { DataTable, IDataTableColumn } from '../../../components/DataTable';
import { RagBadge } from '../../../components/RagBadge';
import { formatDate, formatString } from '../../../components/format';

/** Which optional columns to show. */
export interface IObjectiveColumns {
  status: boolean;
  rag: boolean;
  officer: boolean;
  targetDate: boolean;
}

/** Props of `ObjectivesTracker`. */
export interface IObjectivesTrackerProps {
  /** Only services whose name contains this text (case-insensitive); blank for all. */
  serviceFilter: string;
  /** Optional columns. */
  columns: IObjectiveColumns;
}

/** A service with its objectives, in title order. */
interface IServiceObjectives {
  service: Service;
  objectives: Objective[];
}

/** Groups objectives under their services, keeping services in name order. */
function groupByService(services: Service[], objectives: Objective[], filter: string): IServiceObjectives[] {
  const needle = filter.trim().toLocaleLowerCase('en-GB');
  return services
    .filter((s) => needle === '' || s.name.toLocaleLowerCase('en-GB').indexOf(needle) >= 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((service) => ({
      service,
      objectives: objectives
        .filter((o) => o.serviceId === service.id)
        .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))
    }));
}

/** Services and their objectives, read with one `loadInitial` round trip. */
export function ObjectivesTracker(props: IObjectivesTrackerProps): JSX.Element {
  const repositories = useRepositories();
  const { loading, value, error, reload } = useAsync(() => repositories.loadInitial(['services', 'objectives']), [repositories]);
  const { serviceFilter, columns } = props;

  const groups = React.useMemo(
    () => (value ? groupByService(value.services, value.objectives, serviceFilter) : []),
    [value, serviceFilter]
  );

  const tableColumns = React.useMemo(() => {
    const all: Array<IDataTableColumn<Objective> & { show: boolean }> = [
      { key: 'title', header: strings.ColumnObjective, render: (o) => o.title, show: true },
      { key: 'status', header: strings.ColumnStatus, render: (o) => o.status, show: columns.status },
      { key: 'rag', header: strings.ColumnRag, render: (o) => <RagBadge rag={o.rag} />, show: columns.rag },
      {
        key: 'officer',
        header: strings.ColumnOfficer,
        render: (o) => o.responsibleOfficer?.displayName || strings.NotSet,
        show: columns.officer
      },
      {
        key: 'targetDate',
        header: strings.ColumnTargetDate,
        render: (o) => formatDate(o.targetDate) ?? strings.NotSet,
        show: columns.targetDate
      }
    ];
    return all.filter((c) => c.show);
  }, [columns.status, columns.rag, columns.officer, columns.targetDate]);

  if (loading && !value) return <Loading />;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.ObjectivesHeading}
      </Text>
      <ErrorBar error={error} onRetry={reload} />
      {value && value.services.length === 0 && <Text>{strings.ObjectivesNoServices}</Text>}
      {value && value.services.length > 0 && groups.length === 0 && (
        <Text>{formatString(strings.ObjectivesNoMatch, serviceFilter)}</Text>
      )}
      {groups.map(({ service, objectives }) => (
        <section key={service.id} aria-label={service.name}>
          <Text variant="large" as="h3">
            {service.name}
          </Text>
          {objectives.length === 0 ? (
            <Text as="p">{strings.ObjectivesNone}</Text>
          ) : (
            <DataTable caption={service.name} columns={tableColumns} items={objectives} getKey={(o) => o.id} />
          )}
        </section>
      ))}
    </Stack>
  );
}
