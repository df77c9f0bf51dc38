/** @jest-environment jsdom */
/**
 * Rich text that needs DOMPurify (a link, anything with attributes) shows as plain text until the
 * sanitiser's code has loaded, then sanitised; plain and attribute-free text never waits for it.
 * This file imports nothing that loads the sanitiser, as a web part's first screen does not.
 */
import * as React from 'react';
import { render, waitFor } from '@testing-library/react';
import { RichText } from '../../src/components/RichText';
import { loadedSanitiser } from '../../src/components/richTextPlain';

describe('RichText before and after the sanitiser loads', () => {
  it('shows attribute-free formatting at once, without the sanitiser', () => {
    const { container } = render(<RichText html="<p>Delivery is <strong>on track</strong>.</p>" />);
    expect(container.querySelector('strong')?.textContent).toBe('on track');
    expect(loadedSanitiser()).toBeUndefined();
  });

  it('shows HTML that needs sanitising as plain text first, never as markup, then sanitised', async () => {
    const html = '<p>See <a href="https://www.chorley.gov.uk/">the plan</a><img src="x" onerror="alert(1)"></p>';
    const { container } = render(<RichText html={html} />);
    // Before: text only.
    expect(container.querySelector('img, a')).toBeNull();
    expect(container.textContent).toContain('See the plan');
    // After: the link kept, the image and its handler gone.
    await waitFor(() => expect(container.querySelector('a')?.getAttribute('href')).toBe('https://www.chorley.gov.uk/'));
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    expect(loadedSanitiser()).toBeDefined();
  });
});
