import type { BlobStore } from '../platform/blobs';
import { CHECK_RULES } from '../invoice/check/findings';
import type { Finding } from '../invoicing/types';

/**
 * Workflow payloads stay small: Temporal refuses one over ~2 MB (PayloadsTooLarge) and keeps every one
 * in the history forever. A check's findings above this size go to the blob store, and the workflow
 * carries the first ones and a reference to the rest.
 */
export const FINDINGS_PAYLOAD_BYTES = 128 * 1024;
/** How many findings a compacted list keeps, fatal ones first. */
export const FINDINGS_KEPT = 100;

const STORED_PREFIX = 'blob:';

/**
 * The findings as the workflow will carry them: as they are when small; otherwise the first
 * FINDINGS_KEPT (fatal first, so the verdict is unchanged) and one FF-CHECK-02 finding whose location
 * references the full list stored as a blob.
 */
export async function compactFindings(blobs: BlobStore, findings: Finding[]): Promise<Finding[]> {
  const json = JSON.stringify(findings);
  if (Buffer.byteLength(json) <= FINDINGS_PAYLOAD_BYTES) return findings;
  const stored = await blobs.put(Buffer.from(json), {
    mediaType: 'application/json',
    filename: 'findings.json',
  });
  const ordered = [
    ...findings.filter((f) => f.severity === 'fatal'),
    ...findings.filter((f) => f.severity !== 'fatal'),
  ];
  const kept = ordered.slice(0, FINDINGS_KEPT).map(bounded);
  const fatal = findings.filter((f) => f.severity === 'fatal').length;
  return [
    ...kept,
    {
      rule: CHECK_RULES.findingsStored,
      severity: 'warning',
      message:
        `${findings.length - kept.length} more findings (${findings.length} in all, ${fatal} fatal); ` +
        `the first ${kept.length} are listed here.`,
      location: `${STORED_PREFIX}${stored.sha256}`,
    },
  ];
}

/** The full list behind a compacted one (what the read model records); other lists as they are. */
export async function expandFindings(blobs: BlobStore, findings: Finding[]): Promise<Finding[]> {
  const marker = findings.find((f) => f.rule === CHECK_RULES.findingsStored);
  if (!marker?.location?.startsWith(STORED_PREFIX)) return findings;
  const full = JSON.parse((await blobs.get(marker.location.slice(STORED_PREFIX.length))).toString('utf8'));
  return full as Finding[];
}

/** One finding's message is the rule's text and a location: a few kilobytes at most, whatever the input. */
function bounded(f: Finding): Finding {
  const cut = (s: string | undefined, n: number) => (s && s.length > n ? `${s.slice(0, n)}…` : s);
  const message = cut(f.message, 2000)!;
  const location = cut(f.location, 1000);
  return location === undefined ? { ...f, message } : { ...f, message, location };
}
