/**
 * How the workbench makes the import reachable without a property pane: `?import=` names the
 * list whose panel opens on load, and each web part maps to the list it imports into.
 */
import { parseImportQuery } from '../../local/workbench/route';
import { importListFor } from '../../src/webparts/shared/importList';

describe('workbench import query', () => {
  it('names one of the three importable lists, in any case', () => {
    expect(parseImportQuery('?webpart=objectivesTracker&import=objectives')).toBe('objectives');
    expect(parseImportQuery('import=Risks')).toBe('risks');
    expect(parseImportQuery('?import=benefits')).toBe('benefits');
  });

  it('ignores a missing or unknown list', () => {
    expect(parseImportQuery('')).toBeUndefined();
    expect(parseImportQuery('?import=highlights')).toBeUndefined();
    expect(parseImportQuery('?import=')).toBeUndefined();
  });
});

describe('import list of each web part', () => {
  it('imports objectives, benefits and risks into their own web parts, and nothing into the highlight report', () => {
    expect(importListFor('ObjectivesTrackerWebPart')).toBe('objectives');
    expect(importListFor('BenefitsTrackerWebPart')).toBe('benefits');
    expect(importListFor('RiskRegisterWebPart')).toBe('risks');
    expect(importListFor('HighlightReportWebPart')).toBeUndefined();
    // Inherited object keys are not web parts.
    expect(importListFor('toString')).toBeUndefined();
  });
});
