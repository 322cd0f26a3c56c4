import * as wf from '@temporalio/workflow';
import type { ServiceModeActivities } from '../activities/service-mode';
import type { RaccordementRequest, RaccordementState } from '../service-mode/types';
import { RaccordementStatus as RaccordementStatusKey, StructureId } from './search-attributes';
import { boundedRetry } from './activity-retry';

/** Sent by a qualification invoice's workflow once its checks are done. */
export const qualificationDeposit =
  wf.defineSignal<[{ invoiceId: string; accepted: boolean }]>('qualificationDeposit');
/** An operator sets how many accepted deposits the qualification scenario needs. */
export const setRequiredDeposits = wf.defineSignal<[number]>('setRequiredDeposits');
/** An operator moves a qualified connection to production. */
export const approveProduction = wf.defineUpdate<RaccordementState, [{ userId: string; operator: boolean }]>(
  'approveProduction',
);
export const raccordementState = wf.defineQuery<RaccordementState>('raccordementState');

const { recordRaccordement } = wf.proxyActivities<ServiceModeActivities>({
  startToCloseTimeout: '10 seconds',
  retry: boundedRetry(),
});

/**
 * Connection onboarding, `raccordement/<applicationId>`: qualification until the scenario's number
 * of accepted deposits is reached, then an operator's approval, then production.
 */
export async function raccordement(req: RaccordementRequest): Promise<RaccordementState> {
  const state: RaccordementState = {
    status: 'QUALIFICATION',
    acceptedDeposits: 0,
    rejectedDeposits: 0,
    requiredDeposits: req.requiredDeposits,
  };
  const counted = new Set<string>();
  let changed = false;
  wf.setHandler(raccordementState, () => state);
  wf.upsertSearchAttributes([{ key: StructureId, value: req.structureId }]);
  // Onboardings started before the status was indexed replay without it.
  const statusIndexed = wf.patched('raccordement-status-search-attribute');
  const indexStatus = () => {
    if (statusIndexed) wf.upsertSearchAttributes([{ key: RaccordementStatusKey, value: [state.status] }]);
  };
  indexStatus();

  wf.setHandler(qualificationDeposit, ({ invoiceId, accepted }) => {
    // A re-sent deposit is the same invoice: it counts once.
    if (counted.has(invoiceId) || state.status === 'PRODUCTION') return;
    counted.add(invoiceId);
    if (accepted) state.acceptedDeposits += 1;
    else state.rejectedDeposits += 1;
    changed = true;
  });
  wf.setHandler(setRequiredDeposits, (n) => {
    if (state.status !== 'QUALIFICATION' || !Number.isInteger(n) || n < 1) return;
    state.requiredDeposits = n;
    changed = true;
  });
  wf.setHandler(
    approveProduction,
    async ({ userId }) => {
      state.status = 'PRODUCTION';
      state.approvedBy = userId;
      await record();
      return state;
    },
    {
      validator: ({ operator }) => {
        if (!operator)
          throw wf.ApplicationFailure.nonRetryable(
            'Only an operator approves production.',
            'OperatorRequired',
          );
        if (state.status !== 'QUALIFIEE')
          throw wf.ApplicationFailure.nonRetryable(
            `The qualification scenario is not passed yet (${state.acceptedDeposits}/${state.requiredDeposits} accepted deposits).`,
            'NotQualified',
          );
      },
    },
  );

  // Found in the Temporal Web UI by RaccordementStatus, with the counts shown beside the workflow.
  const record = () => {
    indexStatus();
    wf.setCurrentDetails(
      `${state.status} : ${state.acceptedDeposits}/${state.requiredDeposits} dépôts acceptés, ${state.rejectedDeposits} refusés`,
    );
    return recordRaccordement({
      applicationId: req.applicationId,
      status: state.status,
      acceptedDeposits: state.acceptedDeposits,
      rejectedDeposits: state.rejectedDeposits,
      requiredDeposits: state.requiredDeposits,
      approvedBy: state.approvedBy,
    });
  };

  while (state.status === 'QUALIFICATION') {
    await wf.condition(() => changed);
    changed = false;
    if (state.acceptedDeposits >= state.requiredDeposits) state.status = 'QUALIFIEE';
    await record();
  }
  await wf.condition(() => state.status === 'PRODUCTION' && wf.allHandlersFinished());
  return state;
}
