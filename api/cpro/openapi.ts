import { soumettreSchema } from './soumettre';
import { CODES } from './wire';
import { facturesSchemas } from './factures';
import { structuresSchemas } from './structures';
import { transversesSchemas } from './transverses';

const answer = {
  type: 'object',
  required: ['codeRetour', 'libelle'],
  properties: {
    codeRetour: { type: 'integer', description: '0 = success' },
    libelle: { type: 'string' },
  },
  additionalProperties: true,
};
const refusal = {
  type: 'object',
  required: ['codeRetour', 'libelle'],
  properties: {
    codeRetour: { type: 'integer', enum: Object.values(CODES).filter((c) => c !== 0) },
    libelle: { type: 'string' },
    erreur: {
      type: 'object',
      properties: {
        champ: { type: 'string', description: 'The offending field' },
        code: { type: 'string', description: 'The native API error code, when a shared service refused' },
        requestId: { type: 'string' },
      },
    },
  },
};

const operation = (summary: string, schema?: object) => ({
  post: {
    summary,
    security: [{ oauth2: [] as string[], cproAccount: [] as string[] }],
    ...(schema && { requestBody: { required: true, content: { 'application/json': { schema } } } }),
    responses: {
      '200': { description: 'Success (codeRetour 0)', content: { 'application/json': { schema: answer } } },
      '400': {
        description: 'Refused: non-zero codeRetour',
        content: { 'application/json': { schema: refusal } },
      },
      '401': {
        description: 'Bearer token (10) or cpro-account (11, 12 expired) refused',
        content: { 'application/json': { schema: refusal } },
      },
      '403': {
        description: 'The technical account’s structure is not the application’s (13)',
        content: { 'application/json': { schema: refusal } },
      },
    },
  },
});

const F = '/cpro/factures/v1';
const S = '/cpro/structures/v1';
const T = '/cpro/transverses/v1';

/** The OpenAPI document of the /cpro surface (separate from /api/openapi.json). */
export function cproOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'facturflow — Service mode (API of the State platform)',
      version: '1.0.0',
      description: DESCRIPTION,
    },
    components: COMPONENTS,
    paths: {
      '/api/oauth/token': OAUTH_TOKEN,
      ...facturesPaths(),
      ...directoryPaths(),
      ...transversesPaths(),
    },
  };
}

const DESCRIPTION =
  'Wire-compatible with the State platform’s API: every call carries an OAuth2 bearer token (POST /api/oauth/token, ' +
  'client_credentials) and the header cpro-account: base64(login:password) of a technical account of a structure the ' +
  'application belongs to. Every answer has codeRetour (0 = success) and libelle. Codes: ' +
  Object.entries(CODES)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ') +
  '. An application in qualification has its deposits checked and reported, never delivered.';

const COMPONENTS = {
  securitySchemes: {
    oauth2: {
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: '/api/oauth/token', scopes: { openid: 'API access' } } },
    },
    cproAccount: {
      type: 'apiKey',
      in: 'header',
      name: 'cpro-account',
      description: 'base64(login:password) of a technical account',
    },
  },
};

const OAUTH_TOKEN = {
  post: {
    summary: 'OAuth2 client credentials: {access_token, token_type: Bearer, expires_in: 3600, scope}',
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['grant_type'],
            properties: {
              grant_type: { type: 'string', enum: ['client_credentials'] },
              client_id: { type: 'string' },
              client_secret: { type: 'string' },
              scope: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      '200': { description: 'The access token' },
      '400': { description: 'invalid_request, unsupported_grant_type, invalid_scope' },
      '401': { description: 'invalid_client' },
    },
  },
};

const facturesPaths = () => ({
  [`${F}/deposer/flux`]: operation(
    'Deposit a flow (base64 UBL, CII, Factur-X, or a zip / tar.gz of them)',
    facturesSchemas['deposer/flux'],
  ),
  [`${F}/deposer/pdf`]: operation(
    'Deposit a plain PDF: stored as pieceJointeId, with the facts read from it',
    facturesSchemas['deposer/pdf'],
  ),
  [`${F}/soumettre`]: operation('Create an invoice from data (lines, VAT lines, totals)', soumettreSchema),
  [`${F}/completer`]: operation(
    'Complete a SUSPENDUE invoice (comment, attachments)',
    facturesSchemas.completer,
  ),
  [`${F}/recycler`]: operation('Correct the routing data of an A_RECYCLER invoice', facturesSchemas.recycler),
  [`${F}/consulter/fournisseur`]: operation('An issued invoice → facture{...}', facturesSchemas.consulter),
  [`${F}/consulter/recipiendaire`]: operation('A received invoice → facture{...}', facturesSchemas.consulter),
  [`${F}/consulter/historique`]: operation('Status history of an invoice', facturesSchemas.consulter),
  [`${F}/rechercher/fournisseur`]: operation(
    'Search issued invoices (also by numeroFluxDepot) → listeFactures, parametresRetour',
    facturesSchemas.rechercher,
  ),
  [`${F}/rechercher/recipiendaire`]: operation(
    'Search received invoices → listeFactures, parametresRetour',
    facturesSchemas.rechercher,
  ),
  [`${F}/telecharger/groupe`]: operation(
    'Download invoices as a base64 zip (PDF, XML or as deposited)',
    facturesSchemas['telecharger/groupe'],
  ),
  [`${F}/traiter/recue`]: operation(
    'The recipient sets a status (idFacture, nouveauStatut, motif, numeroDPMandat)',
    facturesSchemas['traiter/recue'],
  ),
});

const directoryPaths = () => ({
  [`${S}/rechercher`]: operation(
    'Search the directory of structures → listeStructures',
    structuresSchemas.rechercher,
  ),
  [`${S}/consulter`]: operation('A structure, with its parametres', structuresSchemas.consulter),
  [`${S}/rechercher/services`]: operation(
    'Services of a structure → listeServices',
    structuresSchemas['rechercher/services'],
  ),
  [`${S}/consulter/service`]: operation('One service', structuresSchemas['consulter/service']),
  '/cpro/utilisateurs/v1/monCompte/recuperer/rattachements': operation(
    'The technical account’s structures → listeStructureRattachement',
  ),
});

const transversesPaths = () => ({
  [`${T}/recuperer/devises`]: operation('Currencies → listeDevises'),
  [`${T}/recuperer/pays`]: operation('Countries → listePays'),
  [`${T}/recuperer/tauxtva`]: operation('VAT rates → listeTauxTva'),
  [`${T}/recuperer/modedepot`]: operation('Deposit modes → listeModeDepot'),
  [`${T}/recuperer/modereglements`]: operation('Payment modes → listeModePaiement'),
  [`${T}/recuperer/cadrefacturation`]: operation('Billing frameworks → listeCadreFacturation'),
  [`${T}/recuperer/etats/traitement`]: operation(
    'Statuses the recipient may set next',
    transversesSchemas['recuperer/etats/traitement'],
  ),
  [`${T}/recuperer/coordbanc/valides`]: operation(
    'The structure’s bank accounts (ids for codeCoordonneesBancairesFournisseur)',
    transversesSchemas['recuperer/coordbanc/valides'],
  ),
  [`${T}/ajouter/fichier`]: operation(
    'Upload an attachment (≤ 10 MB) → pieceJointeId',
    transversesSchemas['ajouter/fichier'],
  ),
  [`${T}/consulterCR`]: operation('A flow’s state', transversesSchemas.consulterCR),
  [`${T}/consulterCRDetaille`]: operation(
    'A flow’s state and per-invoice errors (listeErreurDP)',
    transversesSchemas.consulterCR,
  ),
  [`${T}/health-check`]: {
    get: {
      summary: 'The service answers',
      security: [{ oauth2: [] as string[], cproAccount: [] as string[] }],
      responses: {
        '200': { description: 'codeRetour 0', content: { 'application/json': { schema: answer } } },
      },
    },
  },
});
