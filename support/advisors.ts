/**
 * Who handles support: operators on duty for the live chat, and for a request either operators
 * (platform support) or the members of the buyer's service it is routed to.
 */
import type { Db } from '../platform/db';
import { operatorContacts } from '../accounts';
import { memberContacts, membershipsOfUser } from '../structures';
import { availableAdvisorIds, type QueueScope } from './store';
import type { Advisor, SupportRequestInput } from './types';

/** How many advisors (operators) said they are available for the live chat. */
export async function advisorsOnDuty(db: Db): Promise<number> {
  const available = new Set(await availableAdvisorIds(db));
  return (await operatorContacts(db)).filter((o) => available.has(o.userId)).length;
}

/**
 * Who handles the request: operators for platform support; for a buyer's service, the members of
 * that structure attached to the whole structure or to that service.
 */
export async function requestAdvisors(db: Db, request: SupportRequestInput): Promise<Advisor[]> {
  if (request.routing === 'PLATEFORME' || !request.structureId) return operatorContacts(db);
  const { serviceCode } = request;
  return (await memberContacts(db, request.structureId))
    .filter((m) => m.services.length === 0 || !serviceCode || m.services.includes(serviceCode))
    .map(({ userId, email }) => ({ userId, email }));
}

/** The requests a user handles: platform ones if an operator, and those of the buyers' services they belong to. */
export async function queueScopeOf(db: Db, user: { userId: string; operator: boolean }): Promise<QueueScope> {
  const memberships = await membershipsOfUser(db, user.userId);
  return {
    platform: user.operator,
    buyers: memberships.map((m) => ({ structureId: m.structureId, services: m.services })),
  };
}
