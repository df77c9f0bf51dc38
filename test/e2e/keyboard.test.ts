/**
 * Keyboard-only use of the objectives tracker's quarterly update form (WCAG 2.1.1): a
 * responsible officer reaches "Update my objectives" with Tab, writes the progress update,
 * tabs through status and RAG, and saves with the keyboard; no mouse at any point. The saved
 * update is then in the list (read back over REST) and survives a reload of the page.
 */
import type { Page } from 'playwright-core';
import { sampleData } from '../../local/sample-data';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { getSPForUrl } from '../../src/data/sp';
import type { Person } from '../../src/domain/types';
import { useE2e } from './support/harness';

const e2e = useE2e({ name: 'keyboard' });

/** The accessible name of the focused element (aria-label, aria-labelledby, label or text). */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byIds = labelled
      ? labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return (el.getAttribute('aria-label') || byIds || label || el.innerText || (el as HTMLInputElement).value || '').replace(/[\uE000-\uF8FF]/g, '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, max = 80): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    if (name.test(current)) return current;
    seen.push(current);
  }
  throw new Error(`Tab never reached ${name} in ${max} presses; focus went through: ${seen.filter(Boolean).map((n) => n.slice(0, 60)).join(' → ')}`);
}

/** Presses an arrow key (inside a focus zone such as the objectives list) until the focused name matches. */
async function arrowTo(page: Page, name: RegExp, key = 'ArrowDown', max = 40): Promise<string> {
  const seen: string[] = [await focusedName(page)];
  if (name.test(seen[0])) return seen[0];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const current = await focusedName(page);
    if (name.test(current)) return current;
    seen.push(current);
  }
  throw new Error(`${key} never reached ${name} in ${max} presses; focus went through: ${seen.filter(Boolean).map((n) => n.slice(0, 60)).join(' → ')}`);
}

/** An officer with objectives still to update (not complete), so the update form lists them. */
function officerWithOpenObjectives(): Person {
  const counts = new Map<number, number>();
  for (const o of sampleData.objectives) {
    if (o.responsibleOfficer && o.status !== 'Complete') counts.set(o.responsibleOfficer.id, (counts.get(o.responsibleOfficer.id) ?? 0) + 1);
  }
  // Fewest open objectives first: a short form, and the first editor is the one typed into.
  const [id] = Array.from(counts.entries()).sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
  const user = sampleData.users.find((u) => u.id === id);
  if (!user) throw new Error(`No sample user ${id}.`);
  return user;
}

describe('keyboard-only quarterly update', () => {
  it('writes and saves an update with the keyboard alone, and it survives a reload', async () => {
    const env = e2e();
    const officer = officerWithOpenObjectives();
    const { page } = await env.open('/?webpart=objectivesTracker', { persona: officer.email });
    const marker = `Keyboard progress ${Date.now().toString(36)}`;

    // 1. Reach the command with Tab and open the form with Enter.
    await tabTo(page, /^Update my objectives \([1-9]\d*\)$/);
    await page.keyboard.press('Enter');
    // Fluent's panel root is a zero-size dialog; its heading is what becomes visible.
    await page.getByRole('dialog').getByRole('heading', { name: /^Update my objectives/ }).first().waitFor({ state: 'visible' });

    // 2. Tab into the first progress update editor and type (replacing any draft text).
    await tabTo(page, /^Progress update/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${marker}: the shared team met its milestones this quarter.`);

    // 3. Tab through the status and RAG fields; change RAG with the arrow keys, as a keyboard user would.
    await tabTo(page, /^Status/, 20);
    await tabTo(page, /^RAG rating/, 20);
    await page.keyboard.press('ArrowDown');

    // 4. Save with Space on the save button.
    await tabTo(page, /^Save all updates$/, 40);
    await page.keyboard.press('Space');
    await page.getByText(/updates? saved/i).first().waitFor({ state: 'visible', timeout: 15_000 });
    await env.screenshot(page, 'saved');

    // The update is stored: read back through the repositories over REST.
    const repos = createPnpRepositories(getSPForUrl(env.host.webUrl));
    const updates = await repos.objectiveUpdates.getAll();
    const saved = updates.filter((u) => u.narrative.includes(marker));
    expect(saved).toHaveLength(1);
    expect(saved[0].author?.id).toBe(officer.id);

    // 5. Reload: the update is shown again, found with the keyboard through the search box.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-webpart] h2') !== null && document.querySelector('.ms-Spinner') === null);
    await tabTo(page, /^Search objectives/);
    await page.keyboard.type(marker);
    const objective = sampleData.objectives.find((o) => o.id === saved[0].objectiveId);
    if (!objective) throw new Error(`The update was saved against an unknown objective ${saved[0].objectiveId}.`);
    // The list is one tab stop (a focus zone): Tab into it, then arrow down to the objective.
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    const title = new RegExp(`^${objective.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await page.waitForFunction((t) => document.body.innerText.includes(t), objective.title);
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    await tabTo(page, new RegExp(`${title.source}|\\(\\d+\\)$`));
    // Down the rows to the objective's row, then right into it, to its title button.
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    await arrowTo(page, new RegExp(title.source.replace(/\$$/, '')));
    await arrowTo(page, title, 'ArrowRight', 10);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText(marker, { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await env.screenshot(page, 'after-reload');
  });
});
