import path from 'node:path';
import { ConfigError, loadConfig } from '../../bin/config';

describe('flow inbox configuration', () => {
  it('is off by default, on with FLOW_INBOX_DIR, and reports a bad interval with its variable', () => {
    expect(loadConfig({}, '/srv/ff').flowInbox).toBeUndefined();
    expect(
      loadConfig({ FLOW_INBOX_DIR: 'edi/in', FLOW_INBOX_INTERVAL_SECONDS: '30' }, '/srv/ff').flowInbox,
    ).toEqual({
      dir: path.resolve('/srv/ff', 'edi/in'),
      intervalMs: 30_000,
    });
    expect(() => loadConfig({ FLOW_INBOX_DIR: 'in', FLOW_INBOX_INTERVAL_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ FLOW_INBOX_DIR: 'in', FLOW_INBOX_INTERVAL_SECONDS: '0' })).toThrow(
      /FLOW_INBOX_INTERVAL_SECONDS/,
    );
  });
});
