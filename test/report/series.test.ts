/**
 * Each report kind (and scope) is its own published series: a quarterly report published after
 * a highlight report for the same period is version 1 of its own, and the published list
 * shows kind, scope and meeting for each series.
 */
import { buildReportModel, latestSnapshot, newSnapshot, nextVersion, publishedPeriods } from '../../src/domain/report';
import type { ReportKind, ReportModel } from '../../src/domain/report';
import type { ReportSnapshot } from '../../src/domain/types';
import { fixture } from './fixtures';

const model = (kind: ReportKind, serviceId?: number): ReportModel =>
  buildReportModel(fixture(), { kind, periodId: '2021-22-Q4', serviceId, generatedOn: '2022-03-10T09:00:00Z' });
const editor = { id: 1, displayName: 'Sam Editor', email: 'sam@example.gov.uk' };

describe('published series', () => {
  it('versions each kind on its own', () => {
    const all: ReportSnapshot[] = [];
    const publish = (kind: ReportKind, on: string): ReportSnapshot => {
      const s = { ...newSnapshot(model(kind), all, editor, on), id: all.length + 1, etag: '' };
      all.push(s);
      return s;
    };
    expect(publish('highlight', '2022-03-01T10:00:00Z').version).toBe(1);
    expect(publish('quarterly', '2022-03-02T10:00:00Z').version).toBe(1);
    expect(publish('highlight', '2022-03-03T10:00:00Z').version).toBe(2);
    expect(nextVersion(all, '2021-22-Q4', undefined, 'quarterly')).toBe(2);
    expect(latestSnapshot(all, '2021-22-Q4', undefined, 'highlight')?.id).toBe(3);

    const series = publishedPeriods(all);
    expect(series.map((s) => [s.kind, s.latestVersion, s.versions.length])).toEqual([
      ['highlight', 2, 2],
      ['quarterly', 1, 1]
    ]);
    expect(series[0].reportTitle).toBe('Shared Services Highlight Report, Q4 2021/22');
    expect(series[0].scopeName).toBe('All shared services');
    expect(series[0].versions[0].publishedBy).toBe('Sam Editor');
  });
});
