import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { FieldProblem, identifierProblem, vatNumberProblem } from './identifiers';
import type { CompanyRegistry } from './registry';
import type { Caller } from '../accounts/caller';
import * as store from './store/structures';
import type { Structure, StructureChanges, StructureInput } from './types';

const fail = (p: FieldProblem) => new DomainError(p.code, p.message, { field: p.field });

/**
 * Creates a structure: the identifier is checked (SIRET checksum, then the company registry, which
 * also fills the name and address when not given); its creator becomes gestionnaire principal of a
 * private structure, while public structures are created by operators only.
 */
export async function createStructure(
  db: Db,
  registry: CompanyRegistry,
  caller: Caller,
  input: StructureInput,
): Promise<Structure> {
  if (input.public && !caller.operator)
    throw new DomainError('OPERATOR_REQUIRED', 'Public structures are created by the platform support.', {
      field: 'body.public',
    });
  const idProblem = identifierProblem(input.identifierType, input.identifier);
  if (idProblem) throw fail(idProblem);
  checkVat(input.vatNumber, input.identifierType === 'SIRET' ? input.identifier : undefined);

  let { name, address } = input;
  if (input.identifierType === 'SIRET') {
    const known = await registry.lookup(input.identifier).catch(() => {
      // An outage of the registry must not read as an unknown SIRET.
      throw new DomainError(
        'COMPANY_REGISTRY_UNAVAILABLE',
        'The company registry cannot be reached; try again.',
      );
    });
    if (!known)
      throw new DomainError('SIRET_UNKNOWN', `SIRET ${input.identifier} is not in the company registry.`, {
        field: 'body.identifier',
      });
    name ??= known.name;
    address ??= { ...known.address, countryCode: 'FR' };
  }
  if (!name)
    throw new DomainError('INVALID_INPUT', 'body.name is required for this identifier type.', {
      field: 'body.name',
    });

  const id = crypto.randomUUID();
  const { takenBy } = await store.insertStructure(
    db,
    { ...input, id, name, address, createdBy: caller.userId, at: new Date().toISOString() },
    input.public ? undefined : caller.userId,
  );
  if (takenBy)
    throw new DomainError('STRUCTURE_EXISTS', `A structure ${input.identifier} exists: ask to be attached.`, {
      field: 'body.identifier',
      structureId: takenBy,
    });
  return (await getStructure(db, id))!;
}

export async function getStructure(db: Db, id: string): Promise<Structure | undefined> {
  return store.findStructure(db, id);
}

/** Changes the general information, recipient parameters or personalisation; identifiers never change. */
export async function updateStructure(db: Db, id: string, changes: StructureChanges): Promise<Structure> {
  const current = (await getStructure(db, id))!;
  if (changes.vatNumber !== undefined)
    checkVat(changes.vatNumber, current.identifierType === 'SIRET' ? current.identifier : undefined);
  await store.updateStructureRow(
    db,
    id,
    {
      ...changes,
      address: changes.address && { ...current.address, ...changes.address },
      parameters: changes.parameters && { ...current.parameters, ...changes.parameters },
    },
    new Date().toISOString(),
  );
  return (await getStructure(db, id))!;
}

/** The structures the user is a member of, with their role in each. */
export async function listStructuresOf(db: Db, userId: string): Promise<(Structure & { role: string })[]> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (await store.structuresOfUser(db, userId)).map(({ services, ...s }) => s);
}

function checkVat(vat: string | undefined, siret: string | undefined) {
  const problem = vat === undefined ? undefined : vatNumberProblem(vat, siret);
  if (problem) throw fail(problem);
}
