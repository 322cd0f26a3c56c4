import crypto from 'node:crypto';
import type { Db } from '../../platform/db';

/**
 * A structure written straight into the database, with its services and members: the official
 * corpus examples name parties that are no registered structures, and tests about invoices need them
 * registered (the structures API and its checks have tests of their own).
 */
export async function registerStructure(
  db: Db,
  s: {
    identifier: string;
    name?: string;
    services?: { code: string; engagementRequired?: boolean }[];
    serviceCodeRequired?: boolean;
    members?: { userId: string; role?: string; services?: string[] }[];
    preferredFormat?: string;
    paymentCategory?: string;
    public?: boolean;
  },
): Promise<string> {
  const id = `st-${crypto.randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await db('structures').insert({
    id,
    identifier_type: /^\d{14}$/.test(s.identifier) ? 'SIRET' : 'AUTRE',
    identifier: s.identifier,
    name: s.name ?? `Structure ${s.identifier}`,
    service_code_required: !!s.serviceCodeRequired,
    public: s.public ?? false,
    preferred_format: s.preferredFormat ?? 'original',
    payment_category: s.paymentCategory ?? null,
    created_at: now,
    updated_at: now,
  });
  for (const service of s.services ?? [])
    await db('structure_services').insert({
      structure_id: id,
      code: service.code,
      name: service.code,
      active: true,
      engagement_required: !!service.engagementRequired,
    });
  for (const m of s.members ?? [])
    await db('structure_members').insert({
      structure_id: id,
      user_id: m.userId,
      role: m.role ?? 'PRINCIPAL',
      services: JSON.stringify(m.services ?? []),
      created_at: now,
    });
  return id;
}
