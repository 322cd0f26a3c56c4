import * as wf from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { InvoiceActivities } from '../activities/invoice';
import {
  FINAL_STATUSES,
  findTransition,
  InvoiceStatusCode,
  reformCode,
  Side,
  Transition,
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
import type {
  Routing,
  InvoiceDeposit,
  HistoryEntry,
  InvoiceState,
  Actor,
  StatusChange,
  Completion,
  Recycling,
  RefusalType,
  Finding,
  ValidatorCorrection,
} from '../invoicing/types';

export type { InvoiceStatusCode } from '../invoicing/lifecycle/transitions';
export const invoiceState = wf.defineQuery<InvoiceState>('invoiceState');
/** The recipient's (or the validator's) processing: a new status from the transition table. */
export const changeStatus = wf.defineUpdate<InvoiceState, [StatusChange]>('changeStatus');
/** The supplier answers SUSPENDUE with attachments and a comment: COMPLETEE. */
export const complete = wf.defineUpdate<InvoiceState, [Completion]>('complete');
/** The supplier corrects the routing data of an A_RECYCLER invoice, which is routed again. */
export const recycle = wf.defineUpdate<InvoiceState, [Recycling]>('recycle');
/**
 * The supplier names another A9 / A12 validator: an invoice the validator refused (REFUSEE_1) or is
 * still waiting for goes to A_VALIDER_1 under the new one, with a full validation delay.
 */
export const correctValidator = wf.defineUpdate<InvoiceState, [ValidatorCorrection]>('correctValidator');
/** The supplier has seen the rejection: the invoice's story ends. */
export const acknowledgeRejection = wf.defineUpdate<InvoiceState, [{ actor: Actor }]>('acknowledgeRejection');
const refusal = (message: string, type: RefusalType) => wf.ApplicationFailure.nonRetryable(message, type);

const DAY = 86_400_000;
// Timeouts bound how long work held by a crashed worker waits before another worker retries it:
// database writes are quick, reading and judging a large file is not. Attempts are bounded too: a
// write still failing after about half an hour fails the run, for an operator to see.
const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  backoffCoefficient: 2,
  maximumAttempts: 40,
};
/** Errors a retry cannot cure: the input itself is refused (they reach checks only through a bug). */
const NOT_RETRYABLE = [
  'DomainError',
  'XmlError',
  'InvoiceFormatError',
  'PdfError',
  'DocumentTooComplexError',
];
const acts = wf.proxyActivities<InvoiceActivities>({ startToCloseTimeout: '10 seconds', retry });
// Judging, rendering and converting a large file take a while: a dead worker is noticed by its missing heartbeats.
const { deliverToRecipient, issueDepositCertificate } = wf.proxyActivities<InvoiceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry,
});
// A file that kills or outlasts its check a few times over is not checked again: it is rejected.
const { checkInvoice } = wf.proxyActivities<InvoiceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { ...retry, maximumAttempts: 5, nonRetryableErrorTypes: NOT_RETRYABLE },
});
/** Marks runs where a check that cannot complete rejects the invoice instead of failing the run. */
const UNJUDGED_REJECTED = 'invoice-unjudged-rejected';
/** Marks runs where an invoice refused by its validator waits for the supplier to name another one. */
const VALIDATOR_CORRECTION = 'validator-correction';
/** Marks runs where the supplier is told of a rejection by the platform's checks. */
const PLATFORM_REJECTION_NOTICE = 'notify-platform-rejection';

/** One run of the workflow: the deposit, the state the query shows, and what the handlers share. */
interface Lifecycle {
  deposit: InvoiceDeposit;
  state: InvoiceState;
  /** Set while an update's handler works, so a second update arriving meanwhile is refused, not interleaved. */
  busy: boolean;
  validatorDecided: boolean;
  /** Counts the validator corrections: a new validator starts a new wait for a decision. */
  validatorRound: number;
  /** REFUSEE_1, in a run that gives the supplier time to name another validator. */
  awaitingCorrection: boolean;
  paymentClock?: Promise<void>;
}

/**
 * One invoice from deposit to payment: DEPOSEE → checks → (A9/A12: A_VALIDER_1 → validator or deadline)
 * → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, then the recipient's processing and the supplier's
 * answers through updates, until MISE_EN_PAIEMENT, an acknowledged REJETEE or REFUSEE_1. The legal
 * payment delay runs as a timer from the deposit date.
 */
export async function invoiceLifecycle(deposit: InvoiceDeposit): Promise<InvoiceState> {
  const lc: Lifecycle = {
    deposit,
    state: depositedState(deposit),
    busy: false,
    validatorDecided: false,
    validatorRound: 0,
    awaitingCorrection: false,
  };
  wf.setHandler(invoiceState, () => lc.state);
  setUpdateHandlers(lc);

  wf.upsertSearchAttributes([
    { key: SupplierSiret, value: deposit.supplierId },
    { key: InvoiceNumber, value: deposit.number },
    { key: InvoiceStatus, value: lc.state.status },
    ...(deposit.recipientId ? [{ key: RecipientSiret, value: deposit.recipientId }] : []),
  ]);
  const registered = await acts.registerDeposit(deposit);
  lc.state.parties.supplierStructureId = registered.supplierStructureId;
  lc.state.parties.validatorStructureId = registered.validatorStructureId;
  await issueDepositCertificate({ invoiceId: deposit.invoiceId });

  lc.state.findings = await judge(deposit);
  if (deposit.qualification) return qualify(lc, deposit.qualification.raccordementId);
  if (lc.state.findings.some((f) => f.severity === 'fatal')) {
    // Refused by the platform's checks: nothing to acknowledge, the reasons are in the history. The
    // supplier hears of it, whatever the channel; runs rejected before this was sent replay without it.
    await moveTo(lc, 'REJETEE', 'platform');
    if (wf.patched(PLATFORM_REJECTION_NOTICE))
      await acts.notifyStatusChange({ invoiceId: deposit.invoiceId, status: 'REJETEE' });
    return lc.state;
  }

  if (deposit.cadre && VALIDATED_CADRES.includes(deposit.cadre)) {
    await moveTo(lc, 'A_VALIDER_1', 'platform');
    await acts.notifyStatusChange({ invoiceId: deposit.invoiceId, status: 'A_VALIDER_1' });
    await awaitValidator(lc);
    // Runs from before corrections end at the refusal; the others give the supplier time to name another.
    while (lc.state.status === 'REFUSEE_1') {
      if (!wf.patched(VALIDATOR_CORRECTION) || !(await awaitValidatorCorrection(lc))) {
        await wf.condition(wf.allHandlersFinished);
        return lc.state;
      }
      await awaitValidator(lc);
    }
  }

  await route(lc);
  await wf.condition(() => closed(lc.state) && !lc.busy);
  await lc.paymentClock;
  await wf.condition(wf.allHandlersFinished);
  return lc.state;
}

/**
 * The findings of the deposited file. A check that cannot complete (its attempts spent on a file that
 * crashes or outlasts it) is itself a fatal finding, so the invoice ends REJETEE with that reason
 * instead of staying DEPOSEE.
 */
async function judge(deposit: InvoiceDeposit): Promise<Finding[]> {
  try {
    return await checkInvoice({ invoiceId: deposit.invoiceId, blob: deposit.blob });
  } catch (err) {
    if (!(err instanceof wf.ActivityFailure) || !wf.patched(UNJUDGED_REJECTED)) throw err;
    const cause = err.cause?.message ?? err.message;
    return [
      {
        rule: 'FF-CHECK-01',
        severity: 'fatal',
        message: `Invoice checks could not run: the file could not be judged (${cause}).`,
      },
    ];
  }
}

function depositedState(deposit: InvoiceDeposit): InvoiceState {
  return {
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
}

/** The story has ended: paid, refused by the validator, or rejected and acknowledged. */
function closed(state: InvoiceState): boolean {
  return (
    state.status === 'MISE_EN_PAIEMENT' ||
    state.status === 'REFUSEE_1' ||
    (state.status === 'REJETEE' && state.rejectionAcknowledged)
  );
}

/** `due` goes with MISE_A_DISPOSITION, when the payment period becomes known, so the read model shows it. */
async function moveTo(
  lc: Lifecycle,
  status: InvoiceStatusCode,
  by: Side,
  extra: Partial<HistoryEntry> = {},
  due?: string,
): Promise<void> {
  const { state } = lc;
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
    invoiceId: lc.deposit.invoiceId,
    entry,
    findings: by === 'platform' ? state.findings : [],
    dueDate: due,
  });
  state.history.push(entry);
  state.status = status;
  wf.upsertSearchAttributes([{ key: InvoiceStatus, value: status }]);
}

/** Qualification stops before routing: the buyer never sees the invoice; the onboarding hears the outcome. */
async function qualify(lc: Lifecycle, raccordementId: string): Promise<InvoiceState> {
  const accepted = !lc.state.findings.some((f) => f.severity === 'fatal');
  if (accepted)
    await moveTo(lc, 'EN_COURS_ACHEMINEMENT', 'platform', {
      comment: 'Qualification : facture contrôlée et acceptée, non transmise au destinataire.',
    });
  else await moveTo(lc, 'REJETEE', 'platform');
  try {
    await wf
      .getExternalWorkflowHandle(raccordementId)
      .signal(qualificationDeposit, { invoiceId: lc.deposit.invoiceId, accepted });
  } catch (err) {
    // An onboarding that has ended (approved meanwhile) needs no more deposits.
    wf.log.warn('qualification outcome not delivered', {
      invoiceId: lc.deposit.invoiceId,
      error: String(err),
    });
  }
  return lc.state;
}

const validationDelay = (lc: Lifecycle) => (lc.deposit.validationDelayDays ?? 15) * DAY;

/**
 * A9 / A12, the invoice in A_VALIDER_1: the validator decides through changeStatus, or lets the
 * deadline pass. A corrected validator gets the whole delay again.
 */
async function awaitValidator(lc: Lifecycle): Promise<void> {
  for (;;) {
    const round = lc.validatorRound;
    const corrected = () => lc.validatorRound !== round;
    if (await wf.condition(() => (lc.validatorDecided || corrected()) && !lc.busy, validationDelay(lc))) {
      if (lc.validatorDecided) return;
      continue;
    }
    // Silence within the deadline counts as tacit approval (unconfirmed): the invoice goes on to the buyer.
    lc.validatorDecided = true;
    await wf.condition(() => !lc.busy);
    if (corrected() && lc.state.status === 'A_VALIDER_1') {
      lc.validatorDecided = false;
      continue;
    }
    if (lc.state.status === 'A_VALIDER_1') await moveTo(lc, 'ABSENCE_VALIDATION_1_HORS_DELAI', 'platform');
    return;
  }
}

/**
 * REFUSEE_1: the supplier may name the right validator within the validation delay (true, the invoice
 * is back in A_VALIDER_1); past it, the refusal ends the story.
 */
async function awaitValidatorCorrection(lc: Lifecycle): Promise<boolean> {
  lc.awaitingCorrection = true;
  const corrected = await wf.condition(
    () => lc.state.status === 'A_VALIDER_1' && !lc.busy,
    validationDelay(lc),
  );
  lc.awaitingCorrection = false;
  return corrected;
}

/** A recycled invoice goes back to routing on the supplier's word, which the history keeps. */
async function route(lc: Lifecycle, sentBy: Side = 'platform', extra: Partial<HistoryEntry> = {}) {
  const { deposit, state } = lc;
  await moveTo(lc, 'EN_COURS_ACHEMINEMENT', sentBy, extra);
  const delivered = await deliverToRecipient({
    invoiceId: deposit.invoiceId,
    routing: state.routing,
    blob: deposit.blob,
  });
  state.parties.recipientStructureId = delivered.structureId;
  const days = paymentDelayDays(deposit.paymentDelays ?? DEFAULT_PAYMENT_DELAYS, delivered.paymentCategory);
  // The period runs once, from the deposit: a recycle does not restart it.
  const due = state.payment?.dueDate ?? dueDate(deposit.depositedAt, days);
  await moveTo(lc, 'MISE_A_DISPOSITION', 'platform', {}, due);
  startPaymentClock(lc, due);
}

function setUpdateHandlers(lc: Lifecycle): void {
  wf.setHandler(changeStatus, (c) => exclusively(lc, () => applyStatusChange(lc, c)), {
    validator: (c) => validateStatusChange(lc, c),
  });
  wf.setHandler(complete, (c) => exclusively(lc, () => applyCompletion(lc, c)), {
    validator: (c) => validateCompletion(lc, c),
  });
  wf.setHandler(recycle, (r) => exclusively(lc, () => applyRecycling(lc, r)), {
    validator: (r) => {
      checkTransition(lc, 'EN_COURS_ACHEMINEMENT', 'supplier');
      checkActor(lc.state, r.actor, 'supplier');
    },
  });
  wf.setHandler(correctValidator, (c) => exclusively(lc, () => applyValidatorCorrection(lc, c)), {
    validator: (c) => validateValidatorCorrection(lc, c),
  });
  wf.setHandler(acknowledgeRejection, (a) => exclusively(lc, () => applyAcknowledgement(lc, a.actor)), {
    validator: (a) => validateAcknowledgement(lc.state, a.actor),
  });
}

async function exclusively(lc: Lifecycle, work: () => Promise<void>): Promise<InvoiceState> {
  lc.busy = true;
  try {
    await work();
  } finally {
    lc.busy = false;
  }
  return lc.state;
}

/** The caller must belong to the structure of the side that acts (recipients: to the invoice's service). */
function checkActor(state: InvoiceState, actor: Actor, by: Side): void {
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
}

function checkTransition(lc: Lifecycle, to: InvoiceStatusCode, by: Side): Transition {
  const { status } = lc.state;
  if (lc.busy) throw refusal('Another change of this invoice is under way; try again.', 'Busy');
  // The same answer as once the workflow has ended, whichever comes first.
  if (FINAL_STATUSES.includes(status))
    throw refusal(`The invoice is ${status}: its status can no longer change.`, 'Closed');
  const t = findTransition(status, to);
  if (!t || t.by !== by)
    throw refusal(`An invoice ${status} cannot become ${to} by the ${by}.`, 'TransitionNotAllowed');
  return t;
}

function validateStatusChange(lc: Lifecycle, c: StatusChange): void {
  const side = findTransition(lc.state.status, c.status)?.by ?? 'recipient';
  const t = checkTransition(lc, c.status, side);
  checkActor(lc.state, c.actor, t.by);
  if (t.needs.includes('reason') && !c.reason?.trim())
    throw refusal(`A reason is required to set ${c.status}.`, 'ReasonRequired');
  if (t.needs.includes('mandateNumber') && !c.mandateNumber?.trim())
    throw refusal('MANDATEE needs the mandate number.', 'MandateNumberRequired');
}

async function applyStatusChange(lc: Lifecycle, c: StatusChange): Promise<void> {
  const t = findTransition(lc.state.status, c.status)!;
  if (t.by === 'validator') lc.validatorDecided = true;
  await moveTo(lc, c.status, t.by, {
    userId: c.actor.userId,
    reason: c.reason,
    comment: c.comment,
    mandateNumber: c.mandateNumber,
  });
  if (c.status !== 'MISE_EN_PAIEMENT')
    await acts.notifyStatusChange({ invoiceId: lc.deposit.invoiceId, status: c.status });
  else {
    await settlePayment(lc);
    // The supplier hears of the payment too; invoices paid before this was sent replay without it.
    if (wf.patched(PAYMENT_NOTICE))
      await acts.notifyStatusChange({ invoiceId: lc.deposit.invoiceId, status: 'MISE_EN_PAIEMENT' });
  }
}

const PAYMENT_NOTICE = 'notify-mise-en-paiement';

function validateCompletion(lc: Lifecycle, c: Completion): void {
  checkTransition(lc, 'COMPLETEE', 'supplier');
  checkActor(lc.state, c.actor, 'supplier');
  // The buyer suspended the invoice for something missing: an empty answer supplies nothing.
  if (!c.comment?.trim() && c.attachments.length === 0)
    throw refusal('A completion needs a comment or an attachment.', 'CompletionEmpty');
}

async function applyCompletion(lc: Lifecycle, c: Completion): Promise<void> {
  await moveTo(lc, 'COMPLETEE', 'supplier', {
    userId: c.actor.userId,
    comment: c.comment,
    attachments: c.attachments,
  });
  // The invoice is back with the buyer, who must hear of it as of a new one.
  await acts.notifyStatusChange({ invoiceId: lc.deposit.invoiceId, status: 'COMPLETEE' });
}

async function applyRecycling(lc: Lifecycle, r: Recycling): Promise<void> {
  const current = lc.state.routing;
  const routing: Routing = {
    recipientId: r.recipientId ?? current.recipientId,
    serviceCode: r.serviceCode ?? current.serviceCode,
    engagementNumber: r.engagementNumber ?? current.engagementNumber,
  };
  // A wrong route is refused at once, with the reasons, and the invoice stays A_RECYCLER.
  const problems = await acts.checkRouting(routing);
  if (problems.length > 0)
    throw refusal(problems.map((p) => `${p.rule}: ${p.message}`).join(' '), 'RoutingInvalid');
  lc.state.routing = routing;
  await acts.recordRouting({ invoiceId: lc.deposit.invoiceId, routing });
  wf.upsertSearchAttributes([{ key: RecipientSiret, value: routing.recipientId ?? '' }]);
  await route(lc, 'supplier', { userId: r.actor.userId, comment: r.comment });
}

/**
 * While the invoice waits for its validator (A_VALIDER_1), or once it refused it (REFUSEE_1, in runs
 * that wait for a correction: the others have ended), by a member of the supplier, naming another
 * structure than the current validator and the supplier itself.
 */
function validateValidatorCorrection(lc: Lifecycle, c: ValidatorCorrection): void {
  const { state } = lc;
  if (lc.busy) throw refusal('Another change of this invoice is under way; try again.', 'Busy');
  if (state.status === 'REFUSEE_1' && !lc.awaitingCorrection)
    throw refusal('The invoice is REFUSEE_1 and its story has ended.', 'Closed');
  if (state.status !== 'A_VALIDER_1' && state.status !== 'REFUSEE_1')
    throw refusal(
      `Only an invoice waiting for its validator or refused by it can get another validator (it is ${state.status}).`,
      'TransitionNotAllowed',
    );
  checkActor(state, c.actor, 'supplier');
  if (c.validatorStructureId === state.parties.validatorStructureId)
    throw refusal('This structure is already the validator of the invoice.', 'ValidatorNotAllowed');
  if (c.validatorStructureId === state.parties.supplierStructureId)
    throw refusal('The supplier cannot validate its own invoice.', 'ValidatorNotAllowed');
}

async function applyValidatorCorrection(lc: Lifecycle, c: ValidatorCorrection): Promise<void> {
  const { invoiceId } = lc.deposit;
  await acts.recordValidator({
    invoiceId,
    validatorId: c.validatorId,
    validatorStructureId: c.validatorStructureId,
  });
  lc.state.parties.validatorStructureId = c.validatorStructureId;
  lc.validatorRound += 1;
  lc.validatorDecided = false;
  await moveTo(lc, 'A_VALIDER_1', 'supplier', { userId: c.actor.userId, comment: c.comment });
  // The new validator hears of the invoice as of a new one.
  await acts.notifyStatusChange({ invoiceId, status: 'A_VALIDER_1' });
}

function validateAcknowledgement(state: InvoiceState, actor: Actor): void {
  if (closed(state)) throw refusal(`The invoice is ${state.status} and its story has ended.`, 'Closed');
  if (state.status !== 'REJETEE')
    throw refusal(
      `Only a REJETEE invoice can be acknowledged (it is ${state.status}).`,
      'TransitionNotAllowed',
    );
  checkActor(state, actor, 'supplier');
}

async function applyAcknowledgement(lc: Lifecycle, actor: Actor): Promise<void> {
  await acts.recordRejectionAcknowledged({
    invoiceId: lc.deposit.invoiceId,
    userId: actor.userId,
    at: new Date().toISOString(),
  });
  lc.state.rejectionAcknowledged = true;
}

/** Starts the legal payment period once; the supplier hears when it ends before MISE_EN_PAIEMENT. */
function startPaymentClock(lc: Lifecycle, due: string): void {
  if (lc.paymentClock) return;
  lc.state.payment = { dueDate: due, late: false };
  lc.paymentClock = runPaymentClock(lc, due);
}

async function runPaymentClock(lc: Lifecycle, due: string): Promise<void> {
  const { state, deposit } = lc;
  // The period ends at the end of the due day.
  const remaining = Date.parse(due) + DAY - Date.now();
  const settled = () => closed(state) || FINAL_STATUSES.includes(state.status);
  if (remaining > 0 && (await wf.condition(settled, remaining))) return;
  if (settled()) return;
  state.payment!.late = true;
  await acts.notifyLatePayment({
    invoiceId: deposit.invoiceId,
    dueDate: due,
    charges: lateCharges(amountDue(deposit), deposit.referenceRate ?? '0', 0),
  });
}

const amountDue = (deposit: InvoiceDeposit) => deposit.totals.amountDue ?? deposit.totals.withVat ?? '0';

/** MISE_EN_PAIEMENT: the payment date, and the late-payment charges when it came after the due date. */
async function settlePayment(lc: Lifecycle): Promise<void> {
  const { state, deposit } = lc;
  if (!state.payment) return;
  const paidAt = new Date().toISOString();
  const days = daysLate(state.payment.dueDate, paidAt);
  state.payment.paidAt = paidAt;
  if (days > 0) state.payment.charges = lateCharges(amountDue(deposit), deposit.referenceRate ?? '0', days);
  await acts.recordPayment({ invoiceId: deposit.invoiceId, paidAt, charges: state.payment.charges });
}
