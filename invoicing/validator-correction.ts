import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { findStructureByIdentifier, getStructure, memberContacts } from '../structures';
import type { ValidatorRef } from './types';

/**
 * The structure a supplier names as the new validator of an A9 / A12 invoice, by its id or its
 * identifier (SIRET, as codeStructureValideur at deposit): a known structure with someone to decide,
 * i.e. at least one member. STRUCTURE_NOT_FOUND or VALIDATOR_NOT_ALLOWED naming `field` otherwise.
 * Whether it may replace the current validator is the invoice workflow's to judge.
 */
export async function validatorNamed(
  db: Db,
  named: { structureId?: string; identifier?: string },
  field: string,
): Promise<ValidatorRef> {
  const structure = named.structureId
    ? await getStructure(db, named.structureId)
    : named.identifier
      ? await findStructureByIdentifier(db, named.identifier.replace(/[\s.]/g, ''))
      : undefined;
  if (!structure)
    throw new DomainError(
      'STRUCTURE_NOT_FOUND',
      `No structure ${named.structureId ?? named.identifier ?? ''} to validate the invoice.`,
      { field },
    );
  if ((await memberContacts(db, structure.id)).length === 0)
    throw new DomainError(
      'VALIDATOR_NOT_ALLOWED',
      `Structure ${structure.identifier} has no member who could validate the invoice.`,
      { field },
    );
  return { validatorId: structure.identifier, validatorStructureId: structure.id };
}
