import { trackerSettings } from '../../src/webparts/objectivesTracker/trackerSettings';

describe('trackerSettings', () => {
  it('shows every column of an instance saved before the toggles existed', () => {
    expect(trackerSettings({})).toEqual({
      serviceFilter: '',
      columns: { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true }
    });
  });

  it('hides only the columns switched off and keeps the service filter text', () => {
    const settings = trackerSettings({ serviceFilter: 'Legal', showAim: false, showRag: false, showStatus: true });
    expect(settings.serviceFilter).toBe('Legal');
    expect(settings.columns).toEqual({ aim: false, status: true, rag: false, officer: true, latestUpdate: true, targetDate: true });
  });

  it('ignores a service filter that is not text', () => {
    expect(trackerSettings({ serviceFilter: 42 }).serviceFilter).toBe('');
  });
});
