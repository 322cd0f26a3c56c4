import type { Invoice } from '../../invoice/model';

/** An invoice being entered for a structure: BROUILLON while it may change, ENVOYEE once deposited. */
export interface Draft {
  id: string;
  structureId: string;
  status: 'BROUILLON' | 'ENVOYEE';
  cadreDeFacturation: string;
  modeDepot: string;
  invoice: Invoice;
  /** The invoice it became once sent. */
  invoiceId?: string;
  /** The form's fields pre-filled from a plain PDF ("number", "buyer.id", "lines"…), for the supplier to check. */
  prefilled?: string[];
  createdAt: string;
  updatedAt: string;
}

/** A pièce jointe of a draft; the main one is the PDF the draft was pre-filled from. */
export interface DraftAttachment {
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
  main: boolean;
}

/** What a draft is created or saved with; unset fields keep their defaults or current values. */
export interface DraftInput {
  recipientId?: string;
  bankAccountId?: string;
  cadreDeFacturation?: string;
  modeDepot?: string;
  invoice?: Invoice;
}
