/** @jest-environment jsdom */
/**
 * "Send reminders now": editors only; a dry-run plan is shown for confirmation, then sent
 * through the injected Graph client (one $batch), logged, and not sent again on a rerun.
 */
import 'whatwg-fetch';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { GraphApi } from '../../src/reminders/graphMail';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { TODAY, memoryStorage, repositoriesFor, seed } from './fixtures';

setIconOptions({ disableWarnings: true });

const format = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
const COLUMNS = { status: true, rag: true, officer: true, targetDate: true };

/** A Graph client that accepts every item of every $batch and records the requests. */
function fakeGraph(): GraphApi & { batches: Array<{ requests: Array<{ id: string; url: string; body: { message: { toRecipients: Array<{ emailAddress: { address: string } }> } } }> }> } {
  const batches: Array<{ requests: Array<{ id: string; url: string; body: { message: { toRecipients: Array<{ emailAddress: { address: string } }> } } }> }> = [];
  const api = ((path: string) => ({
    post: async (content: (typeof batches)[number]) => {
      if (path !== '/$batch') throw new Error(`unexpected ${path}`);
      batches.push(content);
      return { responses: content.requests.map((r) => ({ id: r.id, status: 202, headers: { 'request-id': `req-${r.id}` } })) };
    }
  })) as unknown as GraphApi['api'];
  return { api, batches };
}

function renderWith(
  canEdit: boolean,
  graph = fakeGraph(),
  repos = repositoriesFor(seed(), { canEdit })
): { graph: ReturnType<typeof fakeGraph>; repos: ReturnType<typeof repositoriesFor>; getGraphClient: jest.Mock<Promise<ReturnType<typeof fakeGraph>>, []> } {
  const getGraphClient = jest.fn(async () => graph);
  render(
    <AppShell repositories={repos}>
      <ObjectivesTracker
        serviceFilter=""
        columns={COLUMNS}
        today={TODAY}
        storage={memoryStorage()}
        reminders={{ siteUrl: 'https://council.example/sites/ssm', getGraphClient }}
      />
    </AppShell>
  );
  return { graph, repos, getGraphClient };
}

describe('Send reminders now', () => {
  it('shows the plan, sends after confirmation through the injected Graph client, and does not resend the round', async () => {
    const { graph, repos, getGraphClient } = renderWith(true);
    fireEvent.click(await screen.findByText(strings.RemindersCommand));
    const dialog = await screen.findByRole('dialog');
    const plan = await within(dialog).findByTestId('reminder-plan');
    expect(within(plan).getByText(format(lazyStrings.RemindersRound, 1))).toBeTruthy();
    expect(within(plan).getByText(format(lazyStrings.RemindersToSend, format(lazyStrings.CountOfficers, 2), format(lazyStrings.CountItems, 3)))).toBeTruthy();
    // Each recipient is listed with what they will be reminded of, and the count is what is sent.
    const recipients = within(plan).getByTestId('reminder-recipients').querySelectorAll('li[data-recipient]');
    expect(recipients).toHaveLength(2);
    const listed = Array.from(recipients).map((li) => ({
      who: li.getAttribute('data-recipient'),
      items: Array.from(li.querySelectorAll('ul > li')).map((x) => x.textContent)
    }));
    const plannedItems = listed.reduce((n, r) => n + r.items.length, 0);
    expect(plannedItems).toBe(3);
    for (const r of listed) for (const item of r.items) expect(item).toMatch(/^(Update the objective|Review the risk|Report the measure) “.+”/);
    // Nothing is sent before confirmation.
    expect(getGraphClient).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByText(lazyStrings.RemindersSendConfirm));
    await within(dialog).findByText(format(lazyStrings.RemindersSent, 2));
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0].requests.map((r) => r.body.message.toRecipients[0].emailAddress.address).sort()).toEqual(listed.map((r) => r.who).sort());
    expect(graph.batches[0].requests.map((r) => r.url)).toEqual(['/me/sendMail', '/me/sendMail']);
    const log = await repos.reminderLog.getAll();
    expect(log.map((e) => e.status)).toEqual(['Sent', 'Sent']);

    fireEvent.click(within(dialog).getByText(strings.FormClose));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByText(strings.RemindersCommand));
    const again = await screen.findByTestId('reminder-plan');
    expect(within(again).getByText(format(lazyStrings.RemindersAlreadySent, 2))).toBeTruthy();
    expect(within(again).getByText(format(lazyStrings.RemindersToSend, format(lazyStrings.CountOfficers, 0), format(lazyStrings.CountItems, 0)))).toBeTruthy();
    expect(within(again).getByText(lazyStrings.RemindersNobody)).toBeTruthy();
    expect(within(again).queryByTestId('reminder-recipients')).toBeNull();
    expect((within(screen.getByRole('dialog')).getByText(lazyStrings.RemindersSendConfirm).closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('is not offered to read-only users', async () => {
    renderWith(false);
    await screen.findByRole('grid');
    expect(screen.queryByText(strings.RemindersCommand)).toBeNull();
  });

  it('lets a member who cannot manage the lists see the plan but not send', async () => {
    const { getGraphClient } = renderWith(true, fakeGraph(), repositoriesFor(seed(), { canEdit: true, canManage: false }));
    fireEvent.click(await screen.findByText(strings.RemindersCommand, undefined, { timeout: 10000 }));
    const dialog = await screen.findByRole('dialog', undefined, { timeout: 10000 });
    // The plan and the permission check run first; generous waits keep this steady on a busy machine.
    const plan = await within(dialog).findByTestId('reminder-plan', undefined, { timeout: 10000 });
    // Fluent renders a MessageBar's text a moment later (so screen readers announce it): wait for it.
    expect(await within(plan).findByText(lazyStrings.RemindersNotAllowed)).toBeTruthy();
    expect(within(plan).getByTestId('reminder-recipients')).toBeTruthy();
    const sendButton = within(dialog).getByText(lazyStrings.RemindersSendConfirm).closest('button') as HTMLButtonElement;
    expect(sendButton.disabled).toBe(true);
    fireEvent.click(sendButton);
    expect(getGraphClient).not.toHaveBeenCalled();
  });
});
