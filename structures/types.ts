import type { IdentifierType } from './identifiers';

export const ROLES = ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'] as const;
/** gestionnaire principal, gestionnaire secondaire, plain user of the structure. */
export type Role = (typeof ROLES)[number];

/** A user's membership of a structure (rattachement). */
export interface Membership {
  structureId: string;
  userId: string;
  role: Role;
  /** Service codes the member acts for; empty: the whole structure. */
  services: string[];
}

/** What an action needs: any member, a manager (principal or secondary), or the main manager. */
export type Need = 'member' | 'manager' | 'principal';

/** The spaces of the portal a structure may show (personalisation). */
export const SPACES = [
  'FACTURES_EMISES',
  'FACTURES_RECUES',
  'FACTURES_TRAVAUX',
  'MEMOIRES_JUSTICE',
  'ENGAGEMENTS',
  'SOLLICITATIONS',
] as const;

export interface Address {
  street?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

/** consulter structure → parametres: what invoices sent to this structure must carry. */
export interface StructureParameters {
  codeServiceDoitEtreRenseigne: boolean;
  numeroEJDoitEtreRenseigne: boolean;
  gestionNumeroEJOuCodeService: boolean;
}

export interface StructureInput {
  identifierType: IdentifierType;
  identifier: string;
  name?: string;
  public?: boolean;
  address?: Address;
  vatNumber?: string;
  rcs?: string;
  email?: string;
  parameters?: Partial<StructureParameters>;
  spaces?: string[];
  /** Services created with the structure (a public buyer sets up its services as it onboards). */
  services?: ServiceInput[];
}

export type StructureChanges = Omit<StructureInput, 'identifierType' | 'identifier' | 'public' | 'services'>;

export interface Structure {
  id: string;
  identifierType: IdentifierType;
  identifier: string;
  name: string;
  public: boolean;
  address: Address;
  vatNumber?: string;
  rcs?: string;
  email?: string;
  parameters: StructureParameters;
  spaces: string[];
  /**
   * false: "identité non vérifiée", the SIRET passed its key check but no company registry confirmed
   * it (none configured); an operator or a later registry lookup sets it.
   */
  identityVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A structure as one of its members sees it in their list: with their role and services. */
export type MemberStructure = Structure & Pick<Membership, 'role' | 'services'>;

/** What the public directory shows of a structure: no members, bank details or parameters. */
export interface DirectoryEntry {
  id: string;
  identifierType: IdentifierType;
  identifier: string;
  name: string;
  public: boolean;
  /** The postal address, so that a form naming the structure by its SIRET can fill it in. */
  address?: Partial<Address>;
  services: { code: string; name: string }[];
}

export interface ServiceInput {
  code: string;
  name: string;
  active?: boolean;
  validFrom?: string;
  validTo?: string;
  /** numeroEngagement: invoices to this service must carry an engagement number. */
  engagementRequired?: boolean;
}

export type Service = Required<Pick<ServiceInput, 'code' | 'name' | 'active' | 'engagementRequired'>> &
  Pick<ServiceInput, 'validFrom' | 'validTo'>;

export interface BankAccountInput {
  iban: string;
  bic: string;
  label?: string;
  /** The account belongs to a factor the structure assigned its receivables to. */
  factor?: boolean;
}

export interface BankAccount extends Required<Omit<BankAccountInput, 'label'>> {
  id: string;
  label?: string;
  createdAt: string;
}

/** Someone the platform writes to about a structure: a member and their contact email. */
export interface Manager {
  userId: string;
  email: string;
}

/** A user's request to act for a structure (rattachement), optionally for some of its services. */
export interface MembershipRequest {
  structureId: string;
  userId: string;
  requesterEmail: string;
  services: string[];
  /** ISO timestamp set by the API: keys the request's rows and emails, as the id is reused later. */
  requestedAt: string;
  /** Days between reminders to the managers (default 7). */
  reminderEveryDays?: number;
  /** Days without an answer before the request goes to the operators' queue (default 30). */
  escalateAfterDays?: number;
}

export type MembershipRequestStatus =
  'EN_ATTENTE' | 'ESCALADEE' | 'APPROUVEE' | 'REFUSEE' | 'RETIREE' | 'RATTACHEE_DIRECTEMENT';

/** A manager's (or, once escalated, an operator's) answer; deciderId is the user the API authenticated. */
export type Decision =
  | {
      deciderId: string;
      operator?: boolean;
      approve: true;
      /** PRINCIPAL hands the main-manager role over to the requester (the previous one stays secondary). */
      role: Role;
      services?: string[];
    }
  | { deciderId: string; operator?: boolean; approve: false; reason: string };

export interface MembershipOutcome {
  status: MembershipRequestStatus;
  decidedBy?: string;
  decidedAt?: string;
  role?: Role;
  services?: string[];
  reason?: string;
}

/** What the membership request workflow answers to its `status` query. */
export interface MembershipRequestState extends MembershipOutcome {
  structureId: string;
  userId: string;
  requestedServices: string[];
  /** Users who may decide now (managers of the structure as last loaded). */
  managers: string[];
  remindersSent: number;
  escalated: boolean;
}

/** Why an update of the request workflow is refused; the feature maps it to stable error codes. */
export type RefusalType = 'AlreadyDecided' | 'NotEscalated' | 'NotAManager' | 'NotTheRequester';

/** One step of a request, keyed by the workflow id (attachment/<structureId>/<userId>). */
export interface MembershipStep {
  id: string;
  request: MembershipRequest;
}

/** A membership request as listed: its row. */
export interface MembershipRequestView {
  id: string;
  structureId: string;
  userId: string;
  requesterEmail: string;
  services: string[];
  status: MembershipRequestStatus;
  requestedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  role?: string;
  reason?: string;
}
