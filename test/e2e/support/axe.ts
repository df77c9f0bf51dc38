/**
 * axe-core in the browser: injects `axe.min.js` into a page and runs the WCAG 2.2 AA rule set.
 * UK public sector bodies must meet WCAG 2.2 AA, so serious and critical violations fail.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';

/** The WCAG 2.0/2.1/2.2 A and AA tags axe runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One violation as axe reports it (the fields the assertions print). */
export interface AxeViolation {
  id: string;
  // eslint-disable-next-line @rushstack/no-new-null -- axe-core reports null when it has no impact to give.
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string; html: string }>;
}

let axeSource: string | undefined;

/** axe-core's browser build, read once per test file. */
function axeScript(): string {
  if (axeSource === undefined) {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** Runs axe on the whole page and returns every violation (all impacts). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Fluent fades rows and panels in; colour contrast measured mid-animation would be wrong.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!injected) await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations as never;
  }, WCAG_TAGS);
}

/** Violations of serious or critical impact. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** "color-contrast (serious): Elements must meet ... at .x > .y, #z" one a line, for failure messages. */
export function describeViolations(view: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${view}: no violations`;
  return [
    `${view}: ${violations.length} serious or critical WCAG 2.2 AA violation(s)`,
    ...violations.map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 10)
          .map((n) => `      at ${n.target.map(String).join(' ')}  ${n.html.slice(0, 160)}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, ' ')}` : ''}`)
          .join('\n') +
        (v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '')
    )
  ].join('\n');
}
