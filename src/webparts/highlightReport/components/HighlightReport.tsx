/**
 * First view of the highlight report: for each service, the general update written for its
 * latest committee meeting (key points of action and overview of activity).
 */
import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Highlight, Service } from '../../../domain/types';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { RichText } from '../../../components/RichText';
import { formatDate, formatString } from '../../../components/format';

/** Props of `HighlightReport` (none yet: later issues add the meeting picker). */
export interface IHighlightReportProps {}

/** The latest highlight of each service (ISO dates compare as strings). */
function latestByService(highlights: Highlight[]): Map<number, Highlight> {
  const latest = new Map<number, Highlight>();
  highlights.forEach((h) => {
    const current = latest.get(h.serviceId);
    if (!current || h.meetingDate > current.meetingDate) latest.set(h.serviceId, h);
  });
  return latest;
}

/** Each service with its latest highlight, read with one `loadInitial` round trip. */
export function HighlightReport(props: IHighlightReportProps): JSX.Element {
  const repositories = useRepositories();
  const { loading, value, error, reload } = useAsync(() => repositories.loadInitial(['services', 'highlights']), [repositories]);

  const services = React.useMemo(
    () => (value?.services ?? []).slice().sort((a: Service, b: Service) => a.name.localeCompare(b.name, 'en-GB')),
    [value]
  );
  const latest = React.useMemo(() => latestByService(value?.highlights ?? []), [value]);

  if (loading && !value) return <Loading />;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.HighlightsHeading}
      </Text>
      <ErrorBar error={error} onRetry={reload} />
      {services.map((service) => {
        const highlight = latest.get(service.id);
        return (
          <section key={service.id} aria-label={service.name}>
            <Text variant="large" as="h3">
              {service.name}
            </Text>
            {!highlight ? (
              <Text as="p">{strings.HighlightsNone}</Text>
            ) : (
              <>
                <Text as="p" variant="smallPlus">
                  {formatString(strings.HighlightsMeeting, formatDate(highlight.meetingDate) ?? highlight.meetingDate)}
                </Text>
                <Text variant="mediumPlus" as="h4">
                  {strings.KeyPointsHeading}
                </Text>
                <RichText html={highlight.keyPoints} />
                <Text variant="mediumPlus" as="h4">
                  {strings.ActivityOverviewHeading}
                </Text>
                <RichText html={highlight.activityOverview} />
              </>
            )}
          </section>
        );
      })}
    </Stack>
  );
}
