import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bin/config';

describe('configuration', () => {
  it('defaults to a SQLite file and a local dev server', () => {
    const c = loadConfig({}, '/srv/ff');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ client: 'better-sqlite3', filename: '/srv/ff/data/facturflow.db' });
    expect(c.temporal).toMatchObject({
      address: undefined,
      namespace: 'default',
      taskQueue: 'facturflow',
      uiPort: 8233,
    });
  });

  it('switches to PostgreSQL and a cluster with TLS and an API key', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://ff:secret@db:5432/ff',
      TEMPORAL_ADDRESS: 'ff.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ff.prod',
      TEMPORAL_API_KEY: 'k',
    });
    expect(c.database).toEqual({ client: 'pg', url: 'postgres://ff:secret@db:5432/ff' });
    expect(c.temporal).toMatchObject({
      address: 'ff.tmprl.cloud:7233',
      namespace: 'ff.prod',
      apiKey: 'k',
      tls: {},
    });
  });

  it('reports every mistake at once, each with the variable it concerns', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        TEMPORAL_ADDRESS: 'no port',
        TEMPORAL_TLS_CERT: 'c.pem',
        LOG_LEVEL: 'loud',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(/[ =]/)[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_TLS_CERT',
    ]);
  });

  it('sends email through SMTP when configured, else to the outbox; links start at PUBLIC_URL', () => {
    expect(loadConfig({}, '/srv/ff')).toMatchObject({
      mail: { from: 'facturflow <no-reply@facturflow.localhost>', smtp: undefined },
      publicUrl: 'http://localhost:3000',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org', PUBLIC_URL: 'https://ff.example.org/' }),
    ).toMatchObject({
      mail: { smtp: { url: 'smtps://u:p@mail.example.org' } },
      publicUrl: 'https://ff.example.org',
    });
    expect(
      loadConfig({
        SMTP_HOST: 'mail',
        SMTP_SECURE: 'true',
        SMTP_USER: 'u',
        SMTP_PASSWORD: 'p',
        MAIL_FROM: 'a@b.fr',
      }).mail,
    ).toEqual({ from: 'a@b.fr', smtp: { host: 'mail', port: 465, secure: true, user: 'u', password: 'p' } });
    expect(() => loadConfig({ SMTP_URL: 'http://mail', SMTP_PORT: '0', PUBLIC_URL: 'ff' })).toThrow(
      /SMTP_URL.*\n.*PUBLIC_URL/s,
    );
  });

  it('reads the live chat’s extra closing days and the request categories file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-config-'));
    const file = path.join(dir, 'categories.json');
    const custom = [
      {
        code: 'FACTURES',
        label: 'Factures',
        routing: 'SERVICE_ACHETEUR',
        subcategories: [{ code: 'A', label: 'A' }],
      },
    ];
    fs.writeFileSync(file, JSON.stringify({ categories: custom }));
    const c = loadConfig(
      { SUPPORT_EXTRA_HOLIDAYS: '2026-12-24, 2026-12-31', SUPPORT_CATEGORIES_FILE: file },
      dir,
    );
    expect(c.support).toEqual({
      openingHours: { extraHolidays: ['2026-12-24', '2026-12-31'] },
      categories: custom,
    });
    // The default list ships with the platform.
    expect(loadConfig({}, dir).support.categories.map((cat) => cat.code)).toContain('COMPTE');

    fs.writeFileSync(file, JSON.stringify({ categories: [{ ...custom[0], routing: 'AILLEURS' }] }));
    let error: ConfigError | undefined;
    try {
      loadConfig({ SUPPORT_EXTRA_HOLIDAYS: '2026-02-30,Noël', SUPPORT_CATEGORIES_FILE: file }, dir);
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.stringMatching(/^SUPPORT_EXTRA_HOLIDAYS: "2026-02-30"/),
      expect.stringMatching(/^SUPPORT_EXTRA_HOLIDAYS: "Noël"/),
      expect.stringMatching(/^SUPPORT_CATEGORIES_FILE: .*category FACTURES needs a routing/),
    ]);
    expect(() => loadConfig({ SUPPORT_CATEGORIES_FILE: 'missing.json' }, dir)).toThrow(
      /SUPPORT_CATEGORIES_FILE: .*missing\.json: no such file/,
    );
  });
});
