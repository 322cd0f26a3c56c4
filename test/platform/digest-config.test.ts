import { ConfigError, loadConfig } from '../../bin/config';

describe('configuration: the hour of the daily digest of new invoices', () => {
  it('sends it at 8 o’clock Paris time unless NOTIFICATION_DIGEST_HOUR says otherwise', () => {
    expect(loadConfig({}, '/srv/ff').notificationDigestHour).toBe(8);
    expect(loadConfig({ NOTIFICATION_DIGEST_HOUR: '17' }, '/srv/ff').notificationDigestHour).toBe(17);
  });

  it('refuses an hour outside 0–23, naming the variable', () => {
    for (const hour of ['24', '-1', 'huit']) {
      let error: unknown;
      try {
        loadConfig({ NOTIFICATION_DIGEST_HOUR: hour }, '/srv/ff');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^NOTIFICATION_DIGEST_HOUR/)]);
    }
  });
});
