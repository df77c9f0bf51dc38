/**
 * Validation messages are user-visible, so they come from the string resources: the loc file
 * must cover every label and template the domain knows, and the page's strings must be the
 * ones validators use once the UI has loaded.
 */
import * as strings from 'SsmStrings';
import { activeMessages, DEFAULT_MESSAGES, setActiveMessages } from '../../src/domain/messages';
import { validateObjective } from '../../src/domain/validation';

describe('localised validation messages', () => {
  afterEach(() => setActiveMessages({}));

  it('the string resources have a label for every field and a template for every code', () => {
    const loc = strings.ValidationMessages;
    for (const [entity, labels] of Object.entries(DEFAULT_MESSAGES.labels)) {
      expect(Object.keys(loc.labels[entity] ?? {}).sort()).toEqual(Object.keys(labels).sort());
    }
    expect(Object.keys(loc.templates).sort()).toEqual(Object.keys(DEFAULT_MESSAGES.templates).sort());
    expect(Object.keys(loc.warnings).sort()).toEqual(Object.keys(DEFAULT_MESSAGES.warnings).sort());
    expect(loc.councilLabel).toContain('{council}');
  });

  it('loading the shared UI makes the string resources the active messages', () => {
    let before = '';
    let after = '';
    // A fresh module registry stands for a page: importing AppShell applies the page's strings.
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-var-requires */
      const messages = require('../../src/domain/messages') as typeof import('../../src/domain/messages');
      messages.setActiveMessages({ templates: { required: 'placeholder' } });
      before = messages.activeMessages().templates.required;
      require('../../src/components/AppShell');
      after = messages.activeMessages().templates.required;
      /* eslint-enable @typescript-eslint/no-var-requires */
    });
    expect(before).toBe('placeholder');
    expect(after).toBe(strings.ValidationMessages.templates.required);
  });

  it('validators name fields with the active labels and templates', () => {
    setActiveMessages({ labels: { objective: { title: 'Objective title' } }, templates: { required: '{label} needs a value.' } });
    const errors = validateObjective({ title: '' });
    expect(errors.find((e) => e.field === 'title')?.message).toBe('Objective title needs a value.');
    expect(activeMessages().labels.objective.serviceId).toBe(DEFAULT_MESSAGES.labels.objective.serviceId);
  });
});
