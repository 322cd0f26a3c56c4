import { checkRouting } from '../../invoice/platform-rules/routing';
import type { RecipientDirectory } from '../../invoice/platform-rules/context';
import type { Finding, Routing } from '../types';

/**
 * The platform's routing rules on routing data alone: a recycled invoice is routed on the corrected
 * data, not its file's.
 */
export async function routingProblems(directory: RecipientDirectory, r: Routing): Promise<Finding[]> {
  const { findings } = await checkRouting(
    {
      recipient: r.recipientId ? { value: r.recipientId } : undefined,
      serviceCode: r.serviceCode,
      engagementNumber: r.engagementNumber,
    },
    directory,
  );
  return findings.filter((f) => f.severity === 'fatal');
}
