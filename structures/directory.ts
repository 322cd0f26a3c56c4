import type { Db } from '../platform/db';
import type { RecipientDirectory } from '../invoice/platform-rules/context';
import { listServices } from './services';

/**
 * The structures table as the recipient directory the invoice checks call: a buyer's parameters and
 * services by its identifier. A service outside its validity dates counts as inactive on `today`.
 */
export function dbRecipientDirectory(
  db: Db,
  today = () => new Date().toISOString().slice(0, 10),
): RecipientDirectory {
  return {
    async find(identifier) {
      const row = await db('structures').where({ identifier }).first();
      if (!row) return undefined;
      const day = today();
      const services = await listServices(db, row.id);
      return {
        codeServiceDoitEtreRenseigne: !!row.service_code_required,
        numeroEJDoitEtreRenseigne: !!row.engagement_number_required,
        gestionNumeroEJOuCodeService: !!row.engagement_or_service_required,
        public: !!row.public,
        services: services.map((s) => ({
          code: s.code,
          active: s.active && (!s.validFrom || s.validFrom <= day) && (!s.validTo || day <= s.validTo),
          engagementRequired: s.engagementRequired,
        })),
      };
    },
  };
}
