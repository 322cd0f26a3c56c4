import * as wf from '@temporalio/workflow';
import type { MembershipActivities } from '../activities/membership';
import type {
  Decision,
  MembershipOutcome,
  MembershipRequest,
  MembershipRequestState,
  MembershipRequestStatus,
  RefusalType,
} from '../structures/types';
import { AttachmentStatus, RequesterEmail, StructureId } from './search-attributes';
import { boundedRetry } from './activity-retry';

export const decide = wf.defineUpdate<MembershipOutcome, [Decision]>('decide');
export const withdraw = wf.defineUpdate<MembershipOutcome, [{ userId: string }]>('withdraw');
/** Sent by the API whenever the structure's members change: the workflow reloads who may decide. */
export const membersChanged = wf.defineSignal('membersChanged');
export const status = wf.defineQuery<MembershipRequestState>('status');

/** The id of a user's request to a structure; histories and clients know it as attachment/... */
export const membershipRequestWorkflowId = (structureId: string, userId: string) =>
  `attachment/${structureId}/${userId}`;

const DAY = 24 * 60 * 60 * 1000;
const acts = wf.proxyActivities<MembershipActivities>({
  startToCloseTimeout: '30 seconds',
  retry: boundedRetry(),
});

/** One request as its handlers and its main loop share it. */
interface Run {
  id: string;
  req: MembershipRequest;
  state: MembershipRequestState;
  /** Set as soon as a decision starts, so a second decision or a withdrawal arriving meanwhile is refused. */
  deciding: boolean;
  managersLoaded: boolean;
}

/**
 * One membership request (rattachement), from asking to approval, refusal or withdrawal. Managers are
 * emailed, then reminded every few days; without an answer the request goes to the operators' queue,
 * after which an operator may decide too. A decision is an update whose validator admits only the
 * current managers. The function keeps its name: it is the workflow type histories and clients use.
 */
export async function structureAttachment(req: MembershipRequest): Promise<MembershipOutcome> {
  const run: Run = {
    id: membershipRequestWorkflowId(req.structureId, req.userId),
    req,
    state: {
      status: 'EN_ATTENTE',
      structureId: req.structureId,
      userId: req.userId,
      requestedServices: req.services,
      managers: [],
      remindersSent: 0,
      escalated: false,
    },
    deciding: false,
    managersLoaded: false,
  };
  const { id, state } = run;
  wf.setHandler(status, () => state);
  handleDecisions(run);
  handleWithdrawal(run);
  handleMembersChanged(run);

  wf.upsertSearchAttributes([
    { key: StructureId, value: req.structureId },
    { key: RequesterEmail, value: req.requesterEmail },
    { key: AttachmentStatus, value: state.status },
  ]);
  await acts.recordAttachmentRequest({ id, request: req });
  const { managers } = await reloadManagers(run);
  await acts.notifyManagers({ id, request: req, managers, round: 0 });
  await remindThenEscalate(run);

  await wf.condition(() => isFinal(state.status));
  await wf.condition(wf.allHandlersFinished);
  const { status: final, decidedBy, decidedAt, role, services, reason } = state;
  return { status: final, decidedBy, decidedAt, role, services, reason };
}

/** Reminds the managers until a decision, or the deadline, when the request goes to the operators. */
async function remindThenEscalate(run: Run): Promise<void> {
  const { id, req, state } = run;
  const reminderEvery = (req.reminderEveryDays ?? 7) * DAY;
  const deadline = Date.now() + (req.escalateAfterDays ?? 30) * DAY;
  const decided = () => isFinal(state.status);
  while (!decided() && !state.escalated) {
    // A structure without managers (its main manager left) can only be helped by support.
    const untilEscalation = state.managers.length === 0 ? 0 : deadline - Date.now();
    if (untilEscalation <= 0) {
      await acts.escalateAttachment({ id, request: req });
      state.escalated = true;
      if (!decided() && !run.deciding) setStatus(run, 'ESCALADEE');
      return;
    }
    if (await wf.condition(decided, Math.min(reminderEvery, untilEscalation))) return;
    if (Date.now() < deadline && !run.deciding) {
      state.remindersSent += 1;
      const current = await reloadManagers(run);
      await acts.notifyManagers({ id, request: req, managers: current.managers, round: state.remindersSent });
    }
  }
}

/** A manager's (or, once escalated, an operator's) decision. */
function handleDecisions(run: Run): void {
  const { id, req, state } = run;
  wf.setHandler(
    decide,
    async (d) => {
      run.deciding = true;
      try {
        // The validator judged a list that may be stale: check the decider against the database again.
        if (!d.operator && !(await reloadManagers(run)).managers.some((m) => m.userId === d.deciderId))
          throw refusal('You no longer manage this structure.', 'NotAManager');
        const outcome: MembershipOutcome = d.approve
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
        return finish(run, outcome);
      } finally {
        run.deciding = false;
      }
    },
    {
      validator: (d) => {
        if (!isOpen(run)) throw alreadyDecided(run);
        if (d.operator && !state.escalated)
          throw refusal('Operators decide only requests escalated to their queue.', 'NotEscalated');
        // Before the first load there is no list to judge by: the handler's fresh check decides then.
        if (!d.operator && run.managersLoaded && !state.managers.includes(d.deciderId))
          throw refusal('Only a manager of this structure may decide.', 'NotAManager');
      },
    },
  );
}

/** The requester withdraws the request. */
function handleWithdrawal(run: Run): void {
  const { id, req } = run;
  wf.setHandler(
    withdraw,
    async () => {
      run.deciding = true;
      const outcome: MembershipOutcome = { status: 'RETIREE', decidedAt: new Date().toISOString() };
      await acts.closeRequest({ id, request: req, outcome });
      run.deciding = false;
      return finish(run, outcome);
    },
    {
      validator: ({ userId }) => {
        if (userId !== req.userId)
          throw refusal('Only the requester may withdraw the request.', 'NotTheRequester');
        if (!isOpen(run)) throw alreadyDecided(run);
      },
    },
  );
}

/** The structure's members changed: reload who may decide; a requester made a member directly ends it. */
function handleMembersChanged(run: Run): void {
  const { id, req } = run;
  wf.setHandler(membersChanged, async () => {
    const loaded = await reloadManagers(run);
    // A manager attached the requester directly meanwhile: nothing is left to decide.
    if (loaded.requesterIsMember && isOpen(run)) {
      run.deciding = true;
      const outcome: MembershipOutcome = {
        status: 'RATTACHEE_DIRECTEMENT',
        decidedAt: new Date().toISOString(),
      };
      await acts.closeRequest({ id, request: req, outcome });
      run.deciding = false;
      finish(run, outcome);
    }
  });
}

async function reloadManagers(run: Run) {
  const loaded = await acts.loadManagers({ structureId: run.req.structureId, userId: run.req.userId });
  run.state.managers = loaded.managers.map((m) => m.userId);
  run.managersLoaded = true;
  return loaded;
}

const isOpen = (run: Run) => !run.deciding && !isFinal(run.state.status);

function setStatus(run: Run, s: MembershipRequestStatus): void {
  run.state.status = s;
  wf.upsertSearchAttributes([{ key: AttachmentStatus, value: s }]);
}

function finish(run: Run, outcome: MembershipOutcome): MembershipOutcome {
  Object.assign(run.state, outcome);
  setStatus(run, outcome.status);
  return outcome;
}

const alreadyDecided = (run: Run) =>
  refusal(`This request is already ${run.deciding ? 'being decided' : run.state.status}.`, 'AlreadyDecided');

const refusal = (message: string, type: RefusalType) => wf.ApplicationFailure.nonRetryable(message, type);

function isFinal(s: MembershipRequestStatus): boolean {
  return s !== 'EN_ATTENTE' && s !== 'ESCALADEE';
}
