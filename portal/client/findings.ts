/** Validation findings ("Valider") shown in French next to the form field they concern. */
import type { Finding } from '../../invoice/validate/finding';

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

/** French wording of the official rules a form entry most often breaks. */
const RULES: Record<string, string> = {
  'BR-02': 'Le numéro de facture est obligatoire.',
  'BR-03': 'La date de facture est obligatoire.',
  'BR-06': 'La raison sociale du fournisseur est obligatoire.',
  'BR-07': 'La raison sociale du destinataire est obligatoire.',
  'BR-08': 'L’adresse postale du fournisseur est obligatoire : complétez-la dans la fiche structure.',
  'BR-09': 'Le code pays de l’adresse du fournisseur est obligatoire : complétez-le dans la fiche structure.',
  'BR-10': 'L’adresse postale du destinataire est obligatoire.',
  'BR-11': 'Le code pays de l’adresse du destinataire est obligatoire.',
  'BR-16': 'La facture doit compter au moins une ligne.',
  'BR-21': 'Chaque ligne doit avoir un identifiant.',
  'BR-22': 'Chaque ligne doit avoir une quantité.',
  'BR-24': 'Chaque ligne doit avoir un montant HT.',
  'BR-25': 'Chaque ligne doit avoir une désignation.',
  'BR-26': 'Chaque ligne doit avoir un prix unitaire.',
  'BR-27': 'Le prix unitaire ne peut pas être négatif.',
  'BR-CO-25':
    'Une date d’échéance ou des conditions de paiement sont obligatoires quand un montant reste à payer.',
  'BR-CO-10': 'La somme des montants HT des lignes est incorrecte.',
  'BR-CO-13': 'Le total HT est incorrect.',
  'BR-CO-14': 'Le total de TVA est incorrect.',
  'BR-CO-15': 'Le total TTC est incorrect.',
  'BR-S-08': 'La base HT de la TVA au taux normal est incorrecte.',
};

export function findingField(f: Finding): string | undefined {
  const term = f.location && FIELDS[f.location] ? f.location : /\b(B[TG]-\d+)\b/.exec(f.message)?.[1];
  return term ? FIELDS[term] : undefined;
}

/** The platform's own messages are "français / English": the French part; official rules: our wording. */
export function findingMessage(f: Finding): string {
  if (f.rule.startsWith('FF-')) return f.message.split(' / ')[0];
  return RULES[f.rule] ?? `${f.rule} : ${f.message.replace(/^\[[^\]]+\]-?/, '')}`;
}
