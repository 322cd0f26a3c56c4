/**
 * Requests (sollicitations) as the edges drive them: filed signed in (followed in the portal) or not
 * (answered by email only, with no id to follow, as on the real platform); each is a workflow
 * sollicitation/<id> routed to platform support or to the business service of the buyer concerned,
 * whose members answer it.
 */
import crypto from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Caller } from '../accounts/caller';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { structureExists, unknownServices } from '../structures';
import * as requestWorkflow from '../workflows/support-request';
import { queueScopeOf } from './advisors';
import { findRequest, openRequests, requestMessages, requestsOf, type StoredRequest } from './store';
import type {
  Category,
  RequestActor,
  RequestFiling,
  RequestMessage,
  RequestState,
  RequestView,
  SupportRequestInput,
} from './types';
import { supportCall } from './workflow-calls';

const handle = (client: Client, id: string) =>
  client.workflow.getHandle(requestWorkflow.requestWorkflowId(id));
const call = <T>(run: () => Promise<T>) => supportCall('REQUEST_NOT_FOUND', 'params.requestId', run);

const view = ({ userId: _requester, ...request }: StoredRequest): RequestView => request;

/** What filing answers: a signed-in requester follows the request by its id; others are answered by email. */
export type Filed =
  | { trackable: true; id: string; routing: SupportRequestInput['routing'] }
  | { trackable: false; contactEmail: string };

/** Checks the request against the categories (and the buyer it names), then starts its workflow. */
export async function fileRequest(
  { db, client, taskQueue }: { db: Db; client: Client; taskQueue: string },
  categories: Category[],
  caller: Caller | undefined,
  input: RequestFiling,
): Promise<Filed> {
  const category = categories.find((c) => c.code === input.category);
  if (!category)
    throw new DomainError('CATEGORY_UNKNOWN', `No category ${input.category}.`, { field: 'body.category' });
  if (!category.subcategories.some((s) => s.code === input.subcategory))
    throw new DomainError(
      'SUBCATEGORY_UNKNOWN',
      `No sub-category ${input.subcategory} in ${category.code}.`,
      {
        field: 'body.subcategory',
      },
    );
  const contactEmail = input.contactEmail ?? caller?.email;
  if (!contactEmail)
    throw new DomainError('INVALID_INPUT', 'body.contactEmail is required when not signed in.', {
      field: 'body.contactEmail',
    });
  const toBuyer = category.routing === 'SERVICE_ACHETEUR';
  if (toBuyer) await checkBuyer(db, input);
  const id = crypto.randomUUID();
  const request: SupportRequestInput = {
    id,
    userId: caller?.userId,
    contactEmail,
    category: category.code,
    subcategory: input.subcategory,
    routing: category.routing,
    structureId: toBuyer ? input.structureId : undefined,
    serviceCode: toBuyer ? input.serviceCode : undefined,
    subject: input.subject,
    text: input.text,
    createdAt: new Date().toISOString(),
  };
  await client.workflow.start(requestWorkflow.supportRequest, {
    workflowId: requestWorkflow.requestWorkflowId(id),
    taskQueue,
    args: [request],
  });
  return caller ? { trackable: true, id, routing: request.routing } : { trackable: false, contactEmail };
}

/** A request routed to a buyer's service names an existing structure, and a service it has. */
async function checkBuyer(db: Db, input: RequestFiling) {
  if (!input.structureId)
    throw new DomainError(
      'INVALID_INPUT',
      'body.structureId is required for this category (the buyer concerned).',
      {
        field: 'body.structureId',
      },
    );
  if (!(await structureExists(db, input.structureId)))
    throw new DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${input.structureId}.`, {
      field: 'body.structureId',
    });
  if (input.serviceCode && (await unknownServices(db, input.structureId, [input.serviceCode])).length > 0)
    throw new DomainError('SERVICE_UNKNOWN', `The structure has no service ${input.serviceCode}.`, {
      field: 'body.serviceCode',
    });
}

/** The caller's requests, newest first. */
export async function myRequests(db: Db, caller: Caller): Promise<RequestView[]> {
  return (await requestsOf(db, caller.userId)).map(view);
}

/** Open requests the caller handles: operators (platform support) and members of the routed buyer services. */
export async function requestQueue(db: Db, caller: Caller): Promise<RequestView[]> {
  return (await openRequests(db, await queueScopeOf(db, caller))).map(view);
}

/** A request with its messages, for its requester, operators and its advisors. */
export async function requestWithMessages(
  db: Db,
  client: Client,
  caller: Caller,
  id: string,
): Promise<RequestView & { messages: RequestMessage[] }> {
  const request = await findRequest(db, id);
  if (!request)
    throw new DomainError('REQUEST_NOT_FOUND', `No request ${id}.`, { field: 'params.requestId' });
  const messages = await requestMessages(db, id);
  let advisors: string[] = [];
  try {
    advisors = (await handle(client, id).query(requestWorkflow.requestState)).advisors;
  } catch (err) {
    // A closed request's workflow may be gone: only its requester and operators see it then.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  if (request.userId !== caller.userId && !caller.operator && !advisors.includes(caller.userId))
    throw new DomainError('NOT_YOURS', 'This request is not yours to see.');
  return { ...view(request), messages };
}

/** A request's new status, as an update answers it. */
export type RequestSummary = Pick<RequestState, 'id' | 'status' | 'advisorId'>;

const summary = (s: RequestState): RequestSummary => ({ id: s.id, status: s.status, advisorId: s.advisorId });

/** An advisor takes the request (EN_COURS). */
export async function takeRequest(client: Client, id: string, who: RequestActor): Promise<RequestSummary> {
  return summary(await call(() => handle(client, id).executeUpdate(requestWorkflow.take, { args: [who] })));
}

/** An advisor answers (REPONDUE, or EN_ATTENTE_UTILISATEUR when they need something from the requester). */
export async function answerRequest(
  client: Client,
  id: string,
  who: RequestActor,
  answer: { text: string; needsUser?: boolean },
): Promise<RequestSummary> {
  return summary(
    await call(() =>
      handle(client, id).executeUpdate(requestWorkflow.answerRequest, { args: [{ ...who, ...answer }] }),
    ),
  );
}

/** The requester replies (back to EN_COURS). */
export async function replyToRequest(
  client: Client,
  id: string,
  who: RequestActor,
  reply: { text: string },
): Promise<RequestSummary> {
  return summary(
    await call(() =>
      handle(client, id).executeUpdate(requestWorkflow.replyToRequest, { args: [{ ...who, ...reply }] }),
    ),
  );
}

/** The requester, or an advisor, closes the request (CLOTUREE). */
export async function closeRequest(client: Client, id: string, who: RequestActor): Promise<RequestSummary> {
  return summary(
    await call(() => handle(client, id).executeUpdate(requestWorkflow.closeRequest, { args: [who] })),
  );
}
