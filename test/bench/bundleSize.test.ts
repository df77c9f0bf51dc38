/**
 * The bundle-size benchmark finds each web part's first-render chunks by the UI chunk group its
 * web part class names (`webpackChunkName: 'ssm-<web part>-ui'`); the four web parts share one
 * bundle, so the name comes from the manifest's alias, and must match what the class loads.
 */
import * as fs from 'fs';
import * as path from 'path';
import { uiGroupStem } from '../../bench/bundle-size';

const ROOT = path.join(__dirname, '..', '..');
const WEB_PARTS = ['objectivesTracker/ObjectivesTrackerWebPart', 'benefitsTracker/BenefitsTrackerWebPart', 'riskRegister/RiskRegisterWebPart', 'highlightReport/HighlightReportWebPart'];

describe('bundle-size benchmark', () => {
  it('turns an alias into the stem of its UI chunk group', () => {
    expect(uiGroupStem('RiskRegisterWebPart')).toBe('risk-register');
    expect(uiGroupStem('HighlightReportWebPart')).toBe('highlight-report');
  });

  it('names the UI chunk group each web part class loads', () => {
    for (const file of WEB_PARTS) {
      const manifest = JSON.parse(
        fs
          .readFileSync(path.join(ROOT, 'src', 'webparts', `${file}.manifest.json`), 'utf8')
          .replace(/^\s*\/\/.*$/gm, '')
      ) as { alias: string };
      const source = fs.readFileSync(path.join(ROOT, 'src', 'webparts', `${file}.ts`), 'utf8');
      expect(source).toContain(`webpackChunkName: 'ssm-${uiGroupStem(manifest.alias)}-ui'`);
    }
  });
});
