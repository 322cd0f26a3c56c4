import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeNeeding } from '../support/requirements';

/**
 * The portal's browser tests drive Debian's chromium (installed by .ci/run), never a downloaded
 * browser. Where it is absent they say loudly that they are skipped, except under CI=true, where
 * its absence is a failure (as for the invoice corpus).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = fs.existsSync(chromiumPath);

export function describeWithBrowser(name: string, fn: () => void): void {
  describeNeeding(
    {
      what: 'chromium',
      available: browserAvailable,
      missing: `chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`,
    },
    name,
    fn,
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Screenshots of each page the tests visit, kept as CI artefacts (git-ignored). */
export const artifactsDir = path.join(__dirname, '..', '..', 'test-artifacts', 'portal');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Uncaught errors and CSP refusals of a page: a portal page must have none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

/**
 * The page's API requests as they go: what is still waiting for an answer, and the last answers with
 * their status and time. A step that waits in vain says which request it was waiting on.
 */
export function watchRequests(page: Page): () => string {
  const started = new Map<object, { line: string; at: number }>();
  const done: string[] = [];
  const name = (r: { method(): string; url(): string }) => `${r.method()} ${new URL(r.url()).pathname}`;
  page.on('request', (r) => {
    if (r.url().includes('/api/')) started.set(r, { line: name(r), at: Date.now() });
  });
  const end = (r: object, outcome: string) => {
    const s = started.get(r);
    if (!s) return;
    started.delete(r);
    done.push(`${s.line} → ${outcome} in ${Date.now() - s.at} ms`);
    if (done.length > 12) done.shift();
  };
  page.on('requestfinished', (r) => {
    void r.response().then((res) => end(r, String(res?.status() ?? '?')));
  });
  page.on('requestfailed', (r) => end(r, `failed (${r.failure()?.errorText})`));
  return () =>
    [
      `waiting: ${[...started.values()].map((s) => `${s.line} for ${Date.now() - s.at} ms`).join('; ') || 'none'}`,
      `last answers: ${done.join('; ') || 'none'}`,
    ].join('\n');
}
