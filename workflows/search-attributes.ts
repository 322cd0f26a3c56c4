import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

/** Custom search attributes, so operators can find an invoice, a request or a connection in the Temporal Web UI. */
export const SupplierSiret = defineSearchAttributeKey('SupplierSiret', SearchAttributeType.KEYWORD);
export const RecipientSiret = defineSearchAttributeKey('RecipientSiret', SearchAttributeType.KEYWORD);
export const InvoiceNumber = defineSearchAttributeKey('InvoiceNumber', SearchAttributeType.KEYWORD);
export const InvoiceStatus = defineSearchAttributeKey('InvoiceStatus', SearchAttributeType.KEYWORD);
export const StructureId = defineSearchAttributeKey('StructureId', SearchAttributeType.KEYWORD);
export const RequesterEmail = defineSearchAttributeKey('RequesterEmail', SearchAttributeType.KEYWORD);
/** A membership request's status (the name predates the membership vocabulary; registered servers know it so). */
export const AttachmentStatus = defineSearchAttributeKey('AttachmentStatus', SearchAttributeType.KEYWORD);
export const SupportStatus = defineSearchAttributeKey('SupportStatus', SearchAttributeType.KEYWORD);
/**
 * A connection's onboarding status (QUALIFICATION, QUALIFIEE, PRODUCTION), for managers and operators.
 * A one-element keyword list: the local dev server has no plain keyword attribute left (ten at most).
 */
export const RaccordementStatus = defineSearchAttributeKey(
  'RaccordementStatus',
  SearchAttributeType.KEYWORD_LIST,
);

/** Every key above: a server (the dev server, the test environments) must register them before use. */
export const searchAttributes: SearchAttributeKey<'KEYWORD' | 'KEYWORD_LIST'>[] = [
  SupplierSiret,
  RecipientSiret,
  InvoiceNumber,
  InvoiceStatus,
  StructureId,
  RequesterEmail,
  AttachmentStatus,
  SupportStatus,
  RaccordementStatus,
];
