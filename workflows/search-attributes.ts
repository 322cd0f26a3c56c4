import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

/** Custom search attributes, so operators can find an invoice in the Temporal Web UI. */
export const SupplierSiret = defineSearchAttributeKey('SupplierSiret', SearchAttributeType.KEYWORD);
export const RecipientSiret = defineSearchAttributeKey('RecipientSiret', SearchAttributeType.KEYWORD);
export const InvoiceNumber = defineSearchAttributeKey('InvoiceNumber', SearchAttributeType.KEYWORD);
export const InvoiceStatus = defineSearchAttributeKey('InvoiceStatus', SearchAttributeType.KEYWORD);
export const StructureId = defineSearchAttributeKey('StructureId', SearchAttributeType.KEYWORD);
export const RequesterEmail = defineSearchAttributeKey('RequesterEmail', SearchAttributeType.KEYWORD);
export const AttachmentStatus = defineSearchAttributeKey('AttachmentStatus', SearchAttributeType.KEYWORD);

export const searchAttributes: SearchAttributeKey<'KEYWORD' | 'KEYWORD_LIST'>[] = [
  SupplierSiret,
  RecipientSiret,
  InvoiceNumber,
  InvoiceStatus,
];
searchAttributes.push(StructureId, RequesterEmail, AttachmentStatus);
export const SupportStatus = defineSearchAttributeKey('SupportStatus', SearchAttributeType.KEYWORD);
searchAttributes.push(SupportStatus);
/**
 * A connection's onboarding status (QUALIFICATION, QUALIFIEE, PRODUCTION), for managers and operators.
 * A one-element keyword list: the local dev server has no plain keyword attribute left (ten at most).
 */
export const RaccordementStatus = defineSearchAttributeKey(
  'RaccordementStatus',
  SearchAttributeType.KEYWORD_LIST,
);
searchAttributes.push(RaccordementStatus);
