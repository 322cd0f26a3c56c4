import type { Finding } from '../validate/finding';
import type { RecipientDirectory, RecipientParameters } from './context';
import {
  FF_EJ_01,
  FF_EJ_02,
  FF_RECIPIENT_01,
  FF_RECIPIENT_02,
  FF_SERVICE_01,
  type RoutingFacts,
} from './rules/routing';

export interface RoutingCheck {
  findings: Finding[];
  /** The recipient's parameters when the directory knows it: other rules judge the invoice by them. */
  recipient?: RecipientParameters;
}

/**
 * The routing rules (FF-RECIPIENT-01, FF-RECIPIENT-02, FF-SERVICE-01, FF-EJ-01, FF-EJ-02) on routing facts alone: a
 * deposited file is judged on its own facts, a recycled invoice on the corrected ones. Without a
 * directory, only what needs no recipient is judged (the engagement number's length).
 */
export async function checkRouting(
  facts: RoutingFacts,
  directory?: RecipientDirectory,
): Promise<RoutingCheck> {
  if (!directory) return { findings: FF_EJ_01(facts, undefined) };
  const id = facts.recipient;
  const recipient = id
    ? await directory.find(id.value.trim(), id.schemeId?.trim() || undefined, facts.recipientIdentifiers)
    : undefined;
  const findings = [...FF_RECIPIENT_01(facts, recipient), ...FF_RECIPIENT_02(facts, recipient)];
  if (recipient) findings.push(...FF_SERVICE_01(facts, recipient), ...FF_EJ_02(facts, recipient));
  findings.push(...FF_EJ_01(facts, recipient));
  return { findings, recipient };
}
