import nodemailer from 'nodemailer';
import type { MailConfig } from './mailer';
import { smtpOptions } from './mailer';

/** How long an SMTP answer stands: health checks come every few seconds, a connection per check would not do. */
const PROBE_CACHE_MS = 30_000;

/**
 * A probe of the configured SMTP server for /health: connects and greets (and authenticates when a
 * user is set), at most every PROBE_CACHE_MS; between checks it answers the last outcome.
 */
export function smtpProbe(smtp: NonNullable<MailConfig['smtp']>): () => Promise<void> {
  const transport = nodemailer.createTransport(smtpOptions(smtp));
  let checkedAt = 0;
  let last: Promise<void> = Promise.resolve();
  return () => {
    if (Date.now() - checkedAt >= PROBE_CACHE_MS) {
      checkedAt = Date.now();
      last = transport.verify().then(() => undefined);
      last.catch(() => undefined);
    }
    return last;
  };
}
