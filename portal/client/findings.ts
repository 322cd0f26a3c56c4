/** Validation findings ("Valider") shown in French next to the form field they concern. */
import type { Finding } from '../../invoice/validate/finding';
import { localizeWith, type Catalogue } from '../../invoice/messages/localize';
import en16931 from '../../invoice/messages/fr/en16931.json';
import platform from '../../invoice/messages/fr/platform.json';

/** Business terms of EN 16931 and the draft form's field that holds each. */
const FIELDS: Record<string, string> = {
  'BT-1': 'number',
  'BT-2': 'issueDate',
  'BT-3': 'typeCode',
  'BT-5': 'currencyCode',
  'BT-9': 'dueDate',
  'BT-10': 'buyerReference',
  'BT-13': 'purchaseOrderReference',
  'BT-44': 'buyer.name',
  'BT-46': 'buyer.id',
  'BT-47': 'buyer.id',
  'BG-7': 'buyer.id',
  'BG-8': 'buyer.street',
  'BT-50': 'buyer.street',
  'BT-52': 'buyer.city',
  'BT-53': 'buyer.postCode',
  'BT-55': 'buyer.countryCode',
  'BG-25': 'lines',
  'BT-126': 'lines',
  'BT-129': 'lines',
  'BT-131': 'lines',
  'BT-146': 'lines',
  'BT-151': 'lines',
  'BT-152': 'lines',
  'BT-153': 'lines',
  cadreDeFacturation: 'cadreDeFacturation',
};

/** The French messages a draft's findings can need: EN 16931 rules and the platform's own. */
const CATALOGUE: Catalogue = { ...en16931, ...platform };

export function findingField(f: Finding): string | undefined {
  const term = f.location && FIELDS[f.location] ? f.location : /\b(B[TG]-\d+)\b/.exec(f.message)?.[1];
  return term ? FIELDS[term] : undefined;
}

/** The finding in French, from the same messages the API and reports use; unknown ids as they came. */
export function findingMessage(f: Finding): string {
  return localizeWith(CATALOGUE, f, 'fr').message;
}
