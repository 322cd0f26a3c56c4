import type { FlowStatus } from './types';

/** The settled state a flow ends in, from how many of its invoices were integrated. */
export function settledFlowStatus(total: number, integrated: number): FlowStatus {
  if (total > 0 && integrated === total) return 'IN_INTEGRE';
  return integrated > 0 ? 'IN_INTEGRE_PARTIEL' : 'IN_REJETE';
}
