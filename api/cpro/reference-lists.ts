/**
 * The reference lists of /cpro/transverses that no feature owns. Invoice statuses are not here: the
 * wire reads the lifecycle's one list (STATUSES, invoicing/lifecycle/transitions.ts), and cadres the
 * platform rules' (CADRES_DE_FACTURATION). Deposit modes are the platform's own; currencies, countries
 * and VAT rates are the common ones (any ISO 4217 / ISO 3166-1 code is accepted in invoices: the
 * EN 16931 code-list rules judge them).
 */
export const DEVISES: [string, string][] = [
  ['EUR', 'Euro'],
  ['USD', 'Dollar des États-Unis'],
  ['GBP', 'Livre sterling'],
  ['CHF', 'Franc suisse'],
  ['JPY', 'Yen'],
  ['CAD', 'Dollar canadien'],
  ['XPF', 'Franc CFP'],
  ['SEK', 'Couronne suédoise'],
  ['DKK', 'Couronne danoise'],
  ['NOK', 'Couronne norvégienne'],
  ['PLN', 'Zloty'],
  ['CZK', 'Couronne tchèque'],
];

export const PAYS: [string, string][] = [
  ['FR', 'France'],
  ['DE', 'Allemagne'],
  ['AT', 'Autriche'],
  ['BE', 'Belgique'],
  ['BG', 'Bulgarie'],
  ['CY', 'Chypre'],
  ['HR', 'Croatie'],
  ['DK', 'Danemark'],
  ['ES', 'Espagne'],
  ['EE', 'Estonie'],
  ['FI', 'Finlande'],
  ['GR', 'Grèce'],
  ['HU', 'Hongrie'],
  ['IE', 'Irlande'],
  ['IT', 'Italie'],
  ['LV', 'Lettonie'],
  ['LT', 'Lituanie'],
  ['LU', 'Luxembourg'],
  ['MT', 'Malte'],
  ['NL', 'Pays-Bas'],
  ['PL', 'Pologne'],
  ['PT', 'Portugal'],
  ['CZ', 'Tchéquie'],
  ['RO', 'Roumanie'],
  ['SK', 'Slovaquie'],
  ['SI', 'Slovénie'],
  ['SE', 'Suède'],
  ['GB', 'Royaume-Uni'],
  ['CH', 'Suisse'],
  ['MC', 'Monaco'],
  ['US', 'États-Unis'],
  ['NC', 'Nouvelle-Calédonie'],
  ['PF', 'Polynésie française'],
];

/** French VAT rates (metropolitan, Corsica and overseas departments), in percent. */
export const TAUX_TVA = ['20.00', '10.00', '8.50', '5.50', '2.10', '13.00', '1.75', '1.05', '0.90', '0.00'];

export const MODES_DEPOT = [
  'SAISIE_PORTAIL',
  'DEPOT_PDF_PORTAIL',
  'UPLOAD_PORTAIL',
  'SAISIE_API',
  'DEPOT_PDF_API',
  'UPLOAD_API',
  'EDI',
];

export const MODES_REGLEMENT = ['CHEQUE', 'PRELEVEMENT', 'VIREMENT', 'ESPECE', 'AUTRE', 'REPORT'];
