import type { PartyIdentifier } from '../identify';

/** A service of a recipient structure, as its fiche structure declares it. */
export interface RecipientService {
  /** Service code, carried in BT-10 (codeServiceExecutant). */
  code: string;
  active: boolean;
  /** numeroEngagement: invoices to this service need an engagement number (BT-13). */
  engagementRequired: boolean;
}

/** The recipient structure's parameters that drive validation (consulter structure → parametres). */
export interface RecipientParameters {
  /** The service code (BT-10) is mandatory. */
  codeServiceDoitEtreRenseigne: boolean;
  /** The engagement number (BT-13) is mandatory. */
  numeroEJDoitEtreRenseigne: boolean;
  /** At least one of the service code and the engagement number is mandatory. */
  gestionNumeroEJOuCodeService: boolean;
  /** A public structure (public buyer). */
  public: boolean;
  /** false: the structure's identity is only claimed; invoices are not routed to it until confirmed. */
  identityVerified?: boolean;
  services: RecipientService[];
}

/**
 * The platform's structure directory, looked up by the buyer's identifier, or by all the buyer's
 * identifiers when the invoice gives them (a SIREN in BT-47, the SIRET in BT-49…).
 */
export interface RecipientDirectory {
  find(
    identifier: string,
    scheme?: string,
    all?: PartyIdentifier[],
  ): Promise<RecipientParameters | undefined>;
}

/** Invoices already deposited, by supplier identifier, invoice year and invoice number. */
export interface DuplicateRegistry {
  exists(supplierId: string, year: number, number: string): Promise<boolean>;
}

/** What the platform knows beyond the invoice; rules whose source is absent are not run. */
export interface PlatformContext {
  recipients?: RecipientDirectory;
  duplicates?: DuplicateRegistry;
  /** Deposit date (YYYY-MM-DD), default the current date: the duplicate year when BT-2 is unreadable. */
  today?: string;
}
