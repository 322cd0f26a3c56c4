import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes, so operators can find an invoice in the Temporal Web UI. */
export const SupplierSiret = defineSearchAttributeKey('SupplierSiret', SearchAttributeType.KEYWORD);
export const RecipientSiret = defineSearchAttributeKey('RecipientSiret', SearchAttributeType.KEYWORD);
export const InvoiceNumber = defineSearchAttributeKey('InvoiceNumber', SearchAttributeType.KEYWORD);
export const InvoiceStatus = defineSearchAttributeKey('InvoiceStatus', SearchAttributeType.KEYWORD);
export const StructureId = defineSearchAttributeKey('StructureId', SearchAttributeType.KEYWORD);
export const RequesterEmail = defineSearchAttributeKey('RequesterEmail', SearchAttributeType.KEYWORD);
export const AttachmentStatus = defineSearchAttributeKey('AttachmentStatus', SearchAttributeType.KEYWORD);

export const searchAttributes = [SupplierSiret, RecipientSiret, InvoiceNumber, InvoiceStatus];
searchAttributes.push(StructureId, RequesterEmail, AttachmentStatus);
export const SupportStatus = defineSearchAttributeKey('SupportStatus', SearchAttributeType.KEYWORD);
searchAttributes.push(SupportStatus);
