/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { setIconOptions } from '@fluentui/react';
import { ErrorBar, describeError } from '../../src/components/ErrorBar';
import {
  ConflictError,
  DataAccessError,
  ListMissingError,
  NotFoundError,
  SnapshotTooLargeError,
  ThrottledError
} from '../../src/data/errors';
import { ValidationFailedError, validateService } from '../../src/domain/validation';

// SharePoint registers Fluent's icon font on its pages; tests have no font, so no warnings.
setIconOptions({ disableWarnings: true });

/** Fluent's MessageBar renders its text after a short delay (for screen readers): wait for it. */
async function shown(container: HTMLElement, text: string): Promise<void> {
  await waitFor(() => expect(container.textContent).toContain(text));
}

describe('ErrorBar', () => {
  it('renders nothing without an error', () => {
    const { container } = render(<ErrorBar error={undefined} />);
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('words a conflict as "someone else saved", not as the raw data error', async () => {
    const error = new ConflictError({ id: 1 }, { title: 'Mine' }, { operation: 'update', list: 'objectives', itemId: 1 });
    const { container } = render(<ErrorBar error={error} />);
    await shown(container, strings.ErrorConflictTitle);
    expect(container.textContent).toContain(strings.ErrorConflictDetail);
    expect(describeError(error).kind).toBe('conflict');
  });

  it('lists every validation problem under its own heading', async () => {
    const problems = validateService({ name: '', partnerCouncils: ['Chorley Council'] });
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const { container } = render(<ErrorBar error={new ValidationFailedError(problems)} />);
    await shown(container, strings.ErrorValidationTitle);
    const items = container.querySelectorAll('li');
    expect(Array.from(items).map((li) => li.textContent)).toEqual(problems.map((p) => p.message));
    expect(describeError(new ValidationFailedError(problems)).kind).toBe('validation');
  });

  it('tells a site owner to set up lists when they are missing', async () => {
    const error = new ListMissingError({ operation: 'read', list: 'objectives' });
    const { container } = render(<ErrorBar error={error} />);
    await shown(container, strings.ErrorListMissingTitle);
    expect(container.textContent).toContain(strings.SetUpListsButton);
    expect(describeError(error).kind).toBe('listMissing');
  });

  it('explains throttling and not-found errors with their own titles and the data layer message', async () => {
    const throttled = new ThrottledError(6, 30, { operation: 'read', list: 'risks' });
    const notFound = new NotFoundError({ operation: 'update', list: 'risks', itemId: 7 });
    const a = render(<ErrorBar error={throttled} />);
    await shown(a.container, strings.ErrorThrottledTitle);
    expect(a.container.textContent).toContain(throttled.message);
    a.unmount();
    const b = render(<ErrorBar error={notFound} />);
    await shown(b.container, strings.ErrorNotFoundTitle);
    expect(b.container.textContent).toContain(notFound.message);
    expect(describeError(throttled).kind).toBe('throttled');
    expect(describeError(notFound).kind).toBe('notFound');
  });

  it('tells the publisher a report too large for one snapshot is to be published per service, with the sizes', async () => {
    const error = new SnapshotTooLargeError(71234, 63999, { operation: 'add', list: 'snapshots' });
    const { container } = render(<ErrorBar error={error} />);
    await shown(container, strings.ErrorSnapshotTooLargeTitle);
    expect(container.textContent).toContain('71,234');
    expect(container.textContent).toContain('63,999');
    expect(describeError(error).kind).toBe('snapshotTooLarge');
  });

  it('shows other data errors with their UK English message', async () => {
    const error = new DataAccessError('Could not load "SSM Risks": you do not have permission.', { operation: 'read', status: 403 });
    const { container } = render(<ErrorBar error={error} />);
    await shown(container, strings.ErrorGenericTitle);
    expect(container.textContent).toContain(error.message);
    expect(describeError(error).kind).toBe('dataAccess');
  });

  it('quotes unexpected errors so users can report them', async () => {
    const { container } = render(<ErrorBar error={new TypeError('x is undefined')} />);
    await shown(container, 'x is undefined');
    expect(describeError('plain string').details[0]).toContain('plain string');
    expect(describeError(new TypeError('boom')).kind).toBe('unexpected');
  });

  it('offers "Try again" and dismiss when asked', async () => {
    const retry = jest.fn();
    const dismiss = jest.fn();
    render(<ErrorBar error={new Error('boom')} onRetry={retry} onDismiss={dismiss} />);
    (await screen.findByText(strings.TryAgain)).click();
    screen.getByLabelText(strings.Dismiss).click();
    expect(retry).toHaveBeenCalledTimes(1);
    expect(dismiss).toHaveBeenCalledTimes(1);
  });
});
