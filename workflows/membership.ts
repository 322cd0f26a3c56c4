import * as wf from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { AttachmentActivities } from '../activities/membership';
import { AttachmentStatus, RequesterEmail, StructureId } from './search-attributes';

/** A user's request to act for a structure (rattachement), optionally for some of its services. */
export interface AttachmentRequest {
  structureId: string;
  userId: string;
  requesterEmail: string;
  services: string[];
  /** ISO timestamp set by the API: keys the request's rows and emails, as the id is reused later. */
  requestedAt: string;
  /** Days between reminders to the managers (default 7). */
  reminderEveryDays?: number;
  /** Days without an answer before the request goes to the operators' queue (default 30). */
  escalateAfterDays?: number;
}

export type AttachmentStatusCode =
  'EN_ATTENTE' | 'ESCALADEE' | 'APPROUVEE' | 'REFUSEE' | 'RETIREE' | 'RATTACHEE_DIRECTEMENT';

/** A manager's (or, once escalated, an operator's) answer; deciderId is the user the API authenticated. */
export type Decision =
  | {
      deciderId: string;
      operator?: boolean;
      approve: true;
      role: 'SECONDAIRE' | 'UTILISATEUR';
      services?: string[];
    }
  | { deciderId: string; operator?: boolean; approve: false; reason: string };

export interface AttachmentOutcome {
  status: AttachmentStatusCode;
  decidedBy?: string;
  decidedAt?: string;
  role?: 'SECONDAIRE' | 'UTILISATEUR';
  services?: string[];
  reason?: string;
}

export interface AttachmentState extends AttachmentOutcome {
  structureId: string;
  userId: string;
  requestedServices: string[];
  /** Users who may decide now (managers of the structure as last loaded). */
  managers: string[];
  remindersSent: number;
  escalated: boolean;
}

export const decide = wf.defineUpdate<AttachmentOutcome, [Decision]>('decide');
export const withdraw = wf.defineUpdate<AttachmentOutcome, [{ userId: string }]>('withdraw');
/** Sent by the API whenever the structure's members change: the workflow reloads who may decide. */
export const membersChanged = wf.defineSignal('membersChanged');
export const status = wf.defineQuery<AttachmentState>('status');

export const attachmentWorkflowId = (structureId: string, userId: string) =>
  `attachment/${structureId}/${userId}`;

const DAY = 24 * 60 * 60 * 1000;
const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  backoffCoefficient: 2,
};
const acts = wf.proxyActivities<AttachmentActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * One attachment request, from asking to approval, refusal or withdrawal. Managers are emailed, then
 * reminded every few days; without an answer the request goes to the operators' queue, after which an
 * operator may decide too. A decision is an update whose validator admits only the current managers.
 */
export async function structureAttachment(req: AttachmentRequest): Promise<AttachmentOutcome> {
  const id = attachmentWorkflowId(req.structureId, req.userId);
  const state: AttachmentState = {
    status: 'EN_ATTENTE',
    structureId: req.structureId,
    userId: req.userId,
    requestedServices: req.services,
    managers: [],
    remindersSent: 0,
    escalated: false,
  };
  // Set as soon as a decision starts, so a second decision or a withdrawal arriving meanwhile is refused.
  let deciding = false;
  let managersLoaded = false;
  const open = () => !deciding && !isFinal(state.status);
  const setStatus = (s: AttachmentStatusCode) => {
    state.status = s;
    wf.upsertSearchAttributes([{ key: AttachmentStatus, value: s }]);
  };
  const finish = (outcome: AttachmentOutcome) => {
    Object.assign(state, outcome);
    setStatus(outcome.status);
    return outcome;
  };
  const reloadManagers = async () => {
    const loaded = await acts.loadManagers({ structureId: req.structureId, userId: req.userId });
    state.managers = loaded.managers.map((m) => m.userId);
    managersLoaded = true;
    return loaded;
  };

  wf.setHandler(status, () => state);
  wf.setHandler(
    decide,
    async (d) => {
      deciding = true;
      try {
        // The validator judged a list that may be stale: check the decider against the database again.
        if (!d.operator && !(await reloadManagers()).managers.some((m) => m.userId === d.deciderId))
          throw refusal('You no longer manage this structure.', 'NotAManager');
        const outcome: AttachmentOutcome = d.approve
          ? {
              status: 'APPROUVEE',
              role: d.role,
              services: d.services ?? req.services,
              decidedBy: d.deciderId,
              decidedAt: new Date().toISOString(),
            }
          : {
              status: 'REFUSEE',
              reason: d.reason,
              decidedBy: d.deciderId,
              decidedAt: new Date().toISOString(),
            };
        await acts.applyDecision({ id, request: req, outcome });
        await acts.notifyRequester({ id, request: req, outcome });
        return finish(outcome);
      } finally {
        deciding = false;
      }
    },
    {
      validator: (d) => {
        if (!open())
          throw refusal(
            `This request is already ${deciding ? 'being decided' : state.status}.`,
            'AlreadyDecided',
          );
        if (d.operator && !state.escalated)
          throw refusal('Operators decide only requests escalated to their queue.', 'NotEscalated');
        // Before the first load there is no list to judge by: the handler's fresh check decides then.
        if (!d.operator && managersLoaded && !state.managers.includes(d.deciderId))
          throw refusal('Only a manager of this structure may decide.', 'NotAManager');
      },
    },
  );
  wf.setHandler(
    withdraw,
    async () => {
      deciding = true;
      const outcome: AttachmentOutcome = { status: 'RETIREE', decidedAt: new Date().toISOString() };
      await acts.closeRequest({ id, request: req, outcome });
      deciding = false;
      return finish(outcome);
    },
    {
      validator: ({ userId }) => {
        if (userId !== req.userId)
          throw refusal('Only the requester may withdraw the request.', 'NotTheRequester');
        if (!open())
          throw refusal(
            `This request is already ${deciding ? 'being decided' : state.status}.`,
            'AlreadyDecided',
          );
      },
    },
  );
  wf.setHandler(membersChanged, async () => {
    const loaded = await reloadManagers();
    // A manager attached the requester directly meanwhile: nothing is left to decide.
    if (loaded.requesterIsMember && open()) {
      deciding = true;
      const outcome: AttachmentOutcome = {
        status: 'RATTACHEE_DIRECTEMENT',
        decidedAt: new Date().toISOString(),
      };
      await acts.closeRequest({ id, request: req, outcome });
      deciding = false;
      finish(outcome);
    }
  });

  wf.upsertSearchAttributes([
    { key: StructureId, value: req.structureId },
    { key: RequesterEmail, value: req.requesterEmail },
    { key: AttachmentStatus, value: state.status },
  ]);
  await acts.recordAttachmentRequest({ id, request: req });
  const { managers } = await reloadManagers();
  await acts.notifyManagers({ id, request: req, managers, round: 0 });

  const reminderEvery = (req.reminderEveryDays ?? 7) * DAY;
  const deadline = Date.now() + (req.escalateAfterDays ?? 30) * DAY;
  const decided = () => isFinal(state.status);
  while (!decided() && !state.escalated) {
    // A structure without managers (its main manager left) can only be helped by support.
    const untilEscalation = state.managers.length === 0 ? 0 : deadline - Date.now();
    if (untilEscalation <= 0) {
      await acts.escalateAttachment({ id, request: req });
      state.escalated = true;
      if (!decided() && !deciding) setStatus('ESCALADEE');
      break;
    }
    if (await wf.condition(decided, Math.min(reminderEvery, untilEscalation))) break;
    if (Date.now() < deadline && !deciding) {
      state.remindersSent += 1;
      const current = await reloadManagers();
      await acts.notifyManagers({ id, request: req, managers: current.managers, round: state.remindersSent });
    }
  }
  await wf.condition(decided);
  await wf.condition(wf.allHandlersFinished);
  const { status: final, decidedBy, decidedAt, role, services, reason } = state;
  return { status: final, decidedBy, decidedAt, role, services, reason };
}

/** Why an update is refused; the type is what the API maps to its stable error codes. */
export type RefusalType = 'AlreadyDecided' | 'NotEscalated' | 'NotAManager' | 'NotTheRequester';

const refusal = (message: string, type: RefusalType) => wf.ApplicationFailure.nonRetryable(message, type);

function isFinal(s: AttachmentStatusCode): boolean {
  return s !== 'EN_ATTENTE' && s !== 'ESCALADEE';
}
