import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import {
  companyOf,
  FieldProblem,
  identifierProblem,
  identityKey,
  mislabelledFrenchId,
  vatNumberProblem,
} from './identifiers';
import { membershipOf } from './access';
import { requestMembership, type MembershipRequestDeps } from './membership-requests';
import { newServices } from './services';
import { openOperatorTask, resolveOperatorTask } from './store/operator-tasks';
import type { IdentityHolder } from './store/structures';
import type { CompanyRecord, CompanyRegistry } from './registry';
import { digitsOnly } from '../invoice/platform-rules/french-ids';
import type { Caller } from '../accounts/caller';
import * as store from './store/structures';
import type { Structure, StructureChanges, StructureInput } from './types';

const fail = (p: FieldProblem) => new DomainError(p.code, p.message, { field: p.field });

/**
 * Creates a structure: the identifier is checked (SIRET checksum, then the company registry, which
 * also fills the name and address when not given); its creator becomes gestionnaire principal. A
 * public buyer may be declared by its first user (who becomes its main manager) or created by support
 * (who leaves the main manager to be appointed); its services come with it, written together.
 *
 * Identity: a private structure is verified when the registry confirms its SIRET, a public one only by
 * an operator (creating it, or confirming it afterwards);
 * any other claim (a SIRET no registry knows, an identifier of another type) waits, in the operators'
 * queue, for an operator to confirm it, and meanwhile neither deposits nor receives invoices. An
 * identity already held (same identifier under any label, or another establishment of a company held
 * by others) is never created twice: IDENTIFIER_HELD names the holder.
 */
export async function createStructure(
  db: Db,
  registry: CompanyRegistry,
  caller: Caller,
  input: StructureInput,
): Promise<Structure> {
  input = normalizedInput(input);
  const idProblem =
    identifierProblem(input.identifierType, input.identifier) ??
    mislabelledFrenchId(input.identifierType, input.identifier);
  if (idProblem) throw fail(idProblem);
  checkVat(input.vatNumber, input.identifierType === 'SIRET' ? input.identifier : undefined);
  const services = newServices(!!input.public, input.services ?? []);

  let { name, address } = input;
  let verifiedBy: string | undefined = caller.operator ? caller.userId : undefined;
  // A public buyer declared by a user is verified by an operator, whatever the registry says.
  const registryVerifies = !input.public || caller.operator;
  if (input.identifierType === 'SIRET') {
    const known = await registryRecord(registry, input.identifier);
    if (known && registryVerifies) verifiedBy ??= 'registry';
    name ??= known?.name;
    address ??= known && { ...known.address, countryCode: 'FR' };
  }
  if (!name)
    throw new DomainError('INVALID_INPUT', 'body.name is required for this identifier type.', {
      field: 'body.name',
    });

  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  const key = identityKey(input.identifier);
  const { heldBy } = await store.insertStructure(
    db,
    {
      ...input,
      id,
      name,
      address,
      identityVerified: !!verifiedBy,
      verifiedBy,
      identityKey: key,
      companyKey: companyOf(key),
      createdBy: caller.userId,
      at,
      services,
    },
    // Support creating a public structure leaves its main manager to be appointed.
    input.public && caller.operator ? undefined : caller.userId,
  );
  if (heldBy) throw identifierHeld(input.identifier, heldBy);
  if (!verifiedBy)
    await openOperatorTask(db, {
      id: `identity/${id}`,
      kind: 'IDENTITY_VERIFICATION',
      subjectId: id,
      structureId: id,
      summary: `Identité à vérifier : ${input.public ? 'structure publique ' : ''}${input.identifierType} ${input.identifier} (${name}), déclarée par ${caller.email}.`,
      createdAt: at,
    });
  return (await getStructure(db, id))!;
}

/** The refusal of a second claim on a held identity, with the way forward. */
function identifierHeld(identifier: string, holder: IdentityHolder): DomainError {
  const how = holder.identityVerified
    ? `demandez votre rattachement à la structure (POST /api/v1/structures/${holder.id}/attachment-requests).`
    : 'son identité n’est pas vérifiée : le support examine les deux déclarations.';
  const what = holder.sameIdentifier ? `L'identifiant ${identifier}` : `L'entreprise de ${identifier}`;
  return new DomainError(
    'IDENTIFIER_HELD',
    `${what} est déjà détenu par la structure ${holder.name} (${holder.identifier}) : ${how}`,
    {
      field: 'body.identifier',
      structureId: holder.id,
      holderVerified: holder.identityVerified,
      membershipRequest: `/api/v1/structures/${holder.id}/attachment-requests`,
    },
  );
}

/** What filing a claim as a membership request needs. */
export interface ClaimDeps {
  db: Db;
  registry: CompanyRegistry;
  /** Where membership requests run; without it the claim is only refused. */
  membership?: Omit<MembershipRequestDeps, 'db'>;
}

/**
 * A structure claimed by a user: created when its identity is free; when held, the claim becomes a
 * membership request to the holder (if verified: its managers decide), or a dispute in the operators'
 * queue (if the holder is itself unverified), and IDENTIFIER_HELD says which with the request.
 */
export async function claimStructure(
  deps: ClaimDeps,
  caller: Caller,
  input: StructureInput,
): Promise<Structure> {
  try {
    return await createStructure(deps.db, deps.registry, caller, input);
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'IDENTIFIER_HELD' || caller.operator) throw err;
    const details = err.details as { structureId: string; holderVerified: boolean };
    if (!details.holderVerified) {
      await openOperatorTask(deps.db, {
        id: `identity-dispute/${details.structureId}/${caller.userId}`,
        kind: 'IDENTITY_DISPUTE',
        subjectId: details.structureId,
        structureId: details.structureId,
        summary: `${caller.email} revendique l'identifiant ${input.identifier}, détenu par une structure non vérifiée.`,
        createdAt: new Date().toISOString(),
      });
      throw new DomainError(err.code, err.message, { ...details, dispute: 'OPERATOR_REVIEW' });
    }
    if (!deps.membership || (await membershipOf(deps.db, details.structureId, caller.userId))) throw err;
    const request = await requestMembership(
      { db: deps.db, ...deps.membership },
      caller,
      details.structureId,
      [],
    )
      .then((r) => ({ id: r.id, status: 'EN_ATTENTE' }))
      .catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'ATTACHMENT_ALREADY_REQUESTED')
          return { status: 'EN_ATTENTE' };
        throw e;
      });
    throw new DomainError(err.code, err.message, { ...details, membershipRequest: request });
  }
}

/**
 * What the registry knows of a SIRET. Unknown to a registry that proves something: SIRET_UNKNOWN;
 * unknown to an empty one: undefined, and the structure is created "identité non vérifiée".
 */
async function registryRecord(registry: CompanyRegistry, siret: string): Promise<CompanyRecord | undefined> {
  const unavailable = (): never => {
    // An outage of the registry must not read as an unknown SIRET.
    throw new DomainError(
      'COMPANY_REGISTRY_UNAVAILABLE',
      'The company registry cannot be reached; try again.',
    );
  };
  const known = await registry.lookup(siret).catch(unavailable);
  if (known) return known;
  const authoritative = registry.authoritative ? await registry.authoritative().catch(unavailable) : true;
  if (authoritative)
    throw new DomainError('SIRET_UNKNOWN', `SIRET ${siret} is not in the company registry.`, {
      field: 'body.identifier',
    });
  return undefined;
}

/** Identifiers as people type them ("412 345 678 00012", "FR 40 412.345.678"): stored as digits only. */
function normalizedInput<
  T extends Partial<Pick<StructureInput, 'identifierType' | 'identifier' | 'vatNumber'>>,
>(input: T): T {
  return {
    ...input,
    ...(input.identifier !== undefined &&
      input.identifierType === 'SIRET' && { identifier: digitsOnly(input.identifier) }),
    ...(input.vatNumber !== undefined && { vatNumber: input.vatNumber.replace(/[\s.]/g, '').toUpperCase() }),
  };
}

/**
 * Confirms an unverified structure's identity: by an operator, or (private structures) by the registry
 * once it knows the SIRET. IDENTITY_NOT_CONFIRMED when neither can.
 */
export async function verifyIdentity(
  db: Db,
  registry: CompanyRegistry,
  structureId: string,
  caller: Caller,
): Promise<Structure> {
  const structure = (await getStructure(db, structureId))!;
  if (structure.identityVerified) return structure;
  const at = new Date().toISOString();
  if (caller.operator) await store.markIdentityVerified(db, structureId, caller.userId, at);
  else if (structure.public)
    // A public buyer is verified by an operator: the registry knowing the SIRET does not prove who asks.
    throw new DomainError(
      'IDENTITY_NOT_CONFIRMED',
      'A public structure is verified by an operator of the platform.',
      { field: 'params.structureId' },
    );
  else if (structure.identifierType === 'SIRET' && (await registry.lookup(structure.identifier)))
    await store.markIdentityVerified(db, structureId, 'registry', at);
  else
    throw new DomainError(
      'IDENTITY_NOT_CONFIRMED',
      `The company registry does not know SIRET ${structure.identifier}: an operator can confirm it.`,
      { field: 'params.structureId' },
    );
  await resolveOperatorTask(db, `identity/${structureId}`, at);
  return (await getStructure(db, structureId))!;
}

export async function getStructure(db: Db, id: string): Promise<Structure | undefined> {
  return store.findStructure(db, id);
}

/** Changes the general information, recipient parameters or personalisation; identifiers never change. */
export async function updateStructure(db: Db, id: string, changes: StructureChanges): Promise<Structure> {
  const current = (await getStructure(db, id))!;
  changes = normalizedInput(changes);
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
