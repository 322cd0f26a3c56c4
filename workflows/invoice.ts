import * as wf from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { InvoiceActivities } from '../activities/invoice';
import {
  FINAL_STATUSES,
  findTransition,
  InvoiceStatusCode,
  reformCode,
  Side,
  VALIDATED_CADRES,
} from '../invoicing/lifecycle/transitions';
import {
  DEFAULT_PAYMENT_DELAYS,
  daysLate,
  dueDate,
  lateCharges,
  paymentDelayDays,
} from '../invoicing/lifecycle/payment';
import { InvoiceNumber, InvoiceStatus, RecipientSiret, SupplierSiret } from './search-attributes';
import { qualificationDeposit } from './raccordement';
import {
  Routing,
  InvoiceDeposit,
  HistoryEntry,
  InvoiceState,
  Actor,
  StatusChange,
  Completion,
  Recycling,
  RefusalType,
} from '../invoicing/types';

export type { InvoiceStatusCode } from '../invoicing/lifecycle/transitions';
export const invoiceState = wf.defineQuery<InvoiceState>('invoiceState');
/** The recipient's (or the validator's) processing: a new status from the transition table. */
export const changeStatus = wf.defineUpdate<InvoiceState, [StatusChange]>('changeStatus');
/** The supplier answers SUSPENDUE with attachments and a comment: COMPLETEE. */
export const complete = wf.defineUpdate<InvoiceState, [Completion]>('complete');
/** The supplier corrects the routing data of an A_RECYCLER invoice, which is routed again. */
export const recycle = wf.defineUpdate<InvoiceState, [Recycling]>('recycle');
/** The supplier has seen the rejection: the invoice's story ends. */
export const acknowledgeRejection = wf.defineUpdate<InvoiceState, [{ actor: Actor }]>('acknowledgeRejection');
const refusal = (message: string, type: RefusalType) => wf.ApplicationFailure.nonRetryable(message, type);

const DAY = 86_400_000;
// Timeouts bound how long work held by a crashed worker waits before another worker retries it:
// database writes are quick, reading and judging a large file is not.
const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  backoffCoefficient: 2,
};
const acts = wf.proxyActivities<InvoiceActivities>({ startToCloseTimeout: '10 seconds', retry });
// Judging, rendering and converting a large file take a while: a dead worker is noticed by its missing heartbeats.
const { checkInvoice, deliverToRecipient, issueDepositCertificate } = wf.proxyActivities<InvoiceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry,
});

/**
 * One invoice from deposit to payment: DEPOSEE → checks → (A9/A12: A_VALIDER_1 → validator or deadline)
 * → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, then the recipient's processing and the supplier's
 * answers through updates, until MISE_EN_PAIEMENT, an acknowledged REJETEE or REFUSEE_1. The legal
 * payment delay runs as a timer from the deposit date.
 */
export async function invoiceLifecycle(deposit: InvoiceDeposit): Promise<InvoiceState> {
  const id = deposit.invoiceId;
  const state: InvoiceState = {
    status: 'DEPOSEE',
    findings: [],
    history: [
      {
        seq: 1,
        status: 'DEPOSEE',
        reformCode: reformCode('DEPOSEE', 'supplier'),
        at: deposit.depositedAt,
        by: 'supplier',
        userId: deposit.depositedBy,
        ...(deposit.attachments?.length && { attachments: deposit.attachments }),
      },
    ],
    routing: {
      recipientId: deposit.recipientId,
      serviceCode: deposit.serviceCode,
      engagementNumber: deposit.engagementNumber,
    },
    parties: {},
    rejectionAcknowledged: false,
  };
  // The story has ended: paid, refused by the validator, or rejected and acknowledged.
  const closed = () =>
    state.status === 'MISE_EN_PAIEMENT' ||
    state.status === 'REFUSEE_1' ||
    (state.status === 'REJETEE' && state.rejectionAcknowledged);
  // Set while an update's handler works, so a second update arriving meanwhile is refused, not interleaved.
  let busy = false;
  let validatorDecided = false;
  wf.setHandler(invoiceState, () => state);

  // `dueDate` goes with MISE_A_DISPOSITION, when the payment period becomes known, so the read model shows it.
  const moveTo = async (
    status: InvoiceStatusCode,
    by: Side,
    extra: Partial<HistoryEntry> = {},
    due?: string,
  ) => {
    // Workflow time is deterministic, so a retried write carries the same timestamp.
    const entry: HistoryEntry = {
      seq: state.history.length + 1,
      status,
      reformCode: reformCode(status, by),
      at: new Date().toISOString(),
      by,
      ...extra,
    };
    await acts.recordStatus({
      invoiceId: id,
      entry,
      findings: by === 'platform' ? state.findings : [],
      dueDate: due,
    });
    state.history.push(entry);
    state.status = status;
    wf.upsertSearchAttributes([{ key: InvoiceStatus, value: status }]);
  };

  // A recycled invoice goes back to routing on the supplier's word, which the history keeps.
  const route = async (sentBy: Side = 'platform', extra: Partial<HistoryEntry> = {}) => {
    await moveTo('EN_COURS_ACHEMINEMENT', sentBy, extra);
    const delivered = await deliverToRecipient({ invoiceId: id, routing: state.routing, blob: deposit.blob });
    state.parties.recipientStructureId = delivered.structureId;
    const days = paymentDelayDays(deposit.paymentDelays ?? DEFAULT_PAYMENT_DELAYS, delivered.paymentCategory);
    // The period runs once, from the deposit: a recycle does not restart it.
    const due = state.payment?.dueDate ?? dueDate(deposit.depositedAt, days);
    await moveTo('MISE_A_DISPOSITION', 'platform', {}, due);
    startPaymentClock(due);
  };

  // The caller must belong to the structure of the side that acts (recipients: to the invoice's service).
  const checkActor = (actor: Actor, by: Side) => {
    const structureId =
      by === 'recipient'
        ? state.parties.recipientStructureId
        : by === 'validator'
          ? state.parties.validatorStructureId
          : state.parties.supplierStructureId;
    const membership = actor.memberships.find((m) => m.structureId === structureId);
    if (!structureId || !membership)
      throw refusal(`Only a member of the ${by} structure may do this.`, 'NotAMember');
    const service = state.routing.serviceCode;
    const manager = membership.role === 'PRINCIPAL' || membership.role === 'SECONDAIRE';
    if (by === 'recipient' && service && !manager && membership.services.length > 0)
      if (!membership.services.includes(service))
        throw refusal(`You do not act for service ${service} of the recipient.`, 'ServiceNotAllowed');
  };
  const checkTransition = (to: InvoiceStatusCode, by: Side) => {
    if (busy) throw refusal('Another change of this invoice is under way; try again.', 'Busy');
    // The same answer as once the workflow has ended, whichever comes first.
    if (FINAL_STATUSES.includes(state.status))
      throw refusal(`The invoice is ${state.status}: its status can no longer change.`, 'Closed');
    const t = findTransition(state.status, to);
    if (!t || t.by !== by)
      throw refusal(`An invoice ${state.status} cannot become ${to} by the ${by}.`, 'TransitionNotAllowed');
    return t;
  };
  const exclusively = async (work: () => Promise<void>) => {
    busy = true;
    try {
      await work();
    } finally {
      busy = false;
    }
    return state;
  };

  wf.setHandler(
    changeStatus,
    (c) =>
      exclusively(async () => {
        const t = findTransition(state.status, c.status)!;
        if (t.by === 'validator') validatorDecided = true;
        await moveTo(c.status, t.by, {
          userId: c.actor.userId,
          reason: c.reason,
          comment: c.comment,
          mandateNumber: c.mandateNumber,
        });
        if (c.status !== 'MISE_EN_PAIEMENT')
          await acts.notifyStatusChange({ invoiceId: id, status: c.status });
        else await settlePayment();
      }),
    {
      validator: (c) => {
        const side = findTransition(state.status, c.status)?.by ?? 'recipient';
        const t = checkTransition(c.status, side);
        checkActor(c.actor, t.by);
        if (t.needs.includes('reason') && !c.reason?.trim())
          throw refusal(`A reason is required to set ${c.status}.`, 'ReasonRequired');
        if (t.needs.includes('mandateNumber') && !c.mandateNumber?.trim())
          throw refusal('MANDATEE needs the mandate number.', 'MandateNumberRequired');
      },
    },
  );
  wf.setHandler(
    complete,
    (c) =>
      exclusively(async () => {
        await moveTo('COMPLETEE', 'supplier', {
          userId: c.actor.userId,
          comment: c.comment,
          attachments: c.attachments,
        });
        // The invoice is back with the buyer, who must hear of it as of a new one.
        await acts.notifyStatusChange({ invoiceId: id, status: 'COMPLETEE' });
      }),
    {
      validator: (c) => {
        checkTransition('COMPLETEE', 'supplier');
        checkActor(c.actor, 'supplier');
        // The buyer suspended the invoice for something missing: an empty answer supplies nothing.
        if (!c.comment?.trim() && c.attachments.length === 0)
          throw refusal('A completion needs a comment or an attachment.', 'CompletionEmpty');
      },
    },
  );
  wf.setHandler(
    recycle,
    (r) =>
      exclusively(async () => {
        const routing: Routing = {
          recipientId: r.recipientId ?? state.routing.recipientId,
          serviceCode: r.serviceCode ?? state.routing.serviceCode,
          engagementNumber: r.engagementNumber ?? state.routing.engagementNumber,
        };
        // A wrong route is refused at once, with the reasons, and the invoice stays A_RECYCLER.
        const problems = await acts.checkRouting(routing);
        if (problems.length > 0)
          throw refusal(problems.map((p) => `${p.rule}: ${p.message}`).join(' '), 'RoutingInvalid');
        state.routing = routing;
        await acts.recordRouting({ invoiceId: id, routing });
        wf.upsertSearchAttributes([{ key: RecipientSiret, value: routing.recipientId ?? '' }]);
        await route('supplier', { userId: r.actor.userId, comment: r.comment });
      }),
    {
      validator: (r) => {
        checkTransition('EN_COURS_ACHEMINEMENT', 'supplier');
        checkActor(r.actor, 'supplier');
      },
    },
  );
  wf.setHandler(
    acknowledgeRejection,
    (a) =>
      exclusively(async () => {
        await acts.recordRejectionAcknowledged({
          invoiceId: id,
          userId: a.actor.userId,
          at: new Date().toISOString(),
        });
        state.rejectionAcknowledged = true;
      }),
    {
      validator: (a) => {
        if (closed()) throw refusal(`The invoice is ${state.status} and its story has ended.`, 'Closed');
        if (state.status !== 'REJETEE')
          throw refusal(
            `Only a REJETEE invoice can be acknowledged (it is ${state.status}).`,
            'TransitionNotAllowed',
          );
        checkActor(a.actor, 'supplier');
      },
    },
  );

  let paymentClock: Promise<void> | undefined;
  const startPaymentClock = (due: string) => {
    if (paymentClock) return;
    state.payment = { dueDate: due, late: false };
    paymentClock = (async () => {
      // The period ends at the end of the due day.
      const remaining = Date.parse(due) + DAY - Date.now();
      const settled = () => closed() || FINAL_STATUSES.includes(state.status);
      if (remaining > 0 && (await wf.condition(settled, remaining))) return;
      if (settled()) return;
      state.payment!.late = true;
      await acts.notifyLatePayment({
        invoiceId: id,
        dueDate: due,
        charges: lateCharges(amountDue(), deposit.referenceRate ?? '0', 0),
      });
    })();
  };
  const amountDue = () => deposit.totals.amountDue ?? deposit.totals.withVat ?? '0';
  const settlePayment = async () => {
    if (!state.payment) return;
    const paidAt = new Date().toISOString();
    const days = daysLate(state.payment.dueDate, paidAt);
    state.payment.paidAt = paidAt;
    if (days > 0) state.payment.charges = lateCharges(amountDue(), deposit.referenceRate ?? '0', days);
    await acts.recordPayment({ invoiceId: id, paidAt, charges: state.payment.charges });
  };

  wf.upsertSearchAttributes([
    { key: SupplierSiret, value: deposit.supplierId },
    { key: InvoiceNumber, value: deposit.number },
    { key: InvoiceStatus, value: state.status },
    ...(deposit.recipientId ? [{ key: RecipientSiret, value: deposit.recipientId }] : []),
  ]);
  const registered = await acts.registerDeposit(deposit);
  state.parties.supplierStructureId = registered.supplierStructureId;
  state.parties.validatorStructureId = registered.validatorStructureId;
  await issueDepositCertificate({ invoiceId: id });

  state.findings = await checkInvoice({ invoiceId: id, blob: deposit.blob });
  if (deposit.qualification) {
    // Qualification stops before routing: the buyer never sees the invoice.
    const accepted = !state.findings.some((f) => f.severity === 'fatal');
    if (accepted)
      await moveTo('EN_COURS_ACHEMINEMENT', 'platform', {
        comment: 'Qualification : facture contrôlée et acceptée, non transmise au destinataire.',
      });
    else await moveTo('REJETEE', 'platform');
    try {
      await wf
        .getExternalWorkflowHandle(deposit.qualification.raccordementId)
        .signal(qualificationDeposit, { invoiceId: id, accepted });
    } catch (err) {
      // An onboarding that has ended (approved meanwhile) needs no more deposits.
      wf.log.warn('qualification outcome not delivered', { invoiceId: id, error: String(err) });
    }
    return state;
  }
  if (state.findings.some((f) => f.severity === 'fatal')) {
    // Refused by the platform's checks: nothing to acknowledge, the reasons are in the history.
    await moveTo('REJETEE', 'platform');
    return state;
  }

  if (deposit.cadre && VALIDATED_CADRES.includes(deposit.cadre)) {
    await moveTo('A_VALIDER_1', 'platform');
    await acts.notifyStatusChange({ invoiceId: id, status: 'A_VALIDER_1' });
    const delay = (deposit.validationDelayDays ?? 15) * DAY;
    if (!(await wf.condition(() => validatorDecided && !busy, delay))) {
      // Silence within the deadline counts as tacit approval (unconfirmed): the invoice goes on to the buyer.
      validatorDecided = true;
      await wf.condition(() => !busy);
      if (state.status === 'A_VALIDER_1') await moveTo('ABSENCE_VALIDATION_1_HORS_DELAI', 'platform');
    }
    if (state.status === 'REFUSEE_1') {
      await wf.condition(wf.allHandlersFinished);
      return state;
    }
  }

  await route();
  await wf.condition(() => closed() && !busy);
  await paymentClock;
  await wf.condition(wf.allHandlersFinished);
  return state;
}
