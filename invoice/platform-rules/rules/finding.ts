import type { Finding } from '../../validate/finding';

/** Platform rules reject the deposit: every finding is fatal. Messages are French, then English. */
export function platformFinding(rule: string, message: string, location?: string): Finding {
  return { rule, severity: 'fatal', message, ...(location ? { location } : {}) };
}

/** The trimmed text of an optional term, or undefined when it is absent or blank. */
export function given(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
