/**
 * French wording of the API's error codes (ERRORS: the only code → text table between a refusal and the
 * person reading it) and of the codes lists show; invoice statuses come from invoicing/lifecycle.
 */

export const ERRORS: Record<string, string> = {
  INVALID_INPUT: 'Certains champs sont absents ou mal remplis.',
  INVALID_JSON: 'La requête est illisible.',
  UNAUTHENTICATED: 'Votre session a expiré : reconnectez-vous.',
  CSRF_TOKEN_INVALID: 'Votre session a expiré : rechargez la page.',
  EMAIL_TAKEN: 'Un compte utilise déjà cette adresse électronique.',
  TOKEN_INVALID: 'Ce lien n’est pas valide (déjà utilisé ou remplacé par un lien plus récent).',
  LINK_EXPIRED: 'Ce lien a expiré : demandez-en un nouveau.',
  PASSWORD_WEAK: 'Le mot de passe doit compter au moins 12 caractères.',
  INVALID_CREDENTIALS: 'Adresse électronique ou mot de passe incorrect.',
  ACCOUNT_LOCKED: 'Trop de tentatives : votre compte est bloqué pendant une heure.',
  SIRET_INVALID: 'Ce SIRET est invalide (14 chiffres, clé de contrôle).',
  SIRET_UNKNOWN: 'Ce SIRET est inconnu du répertoire des entreprises.',
  VAT_NUMBER_INVALID: 'Ce numéro de TVA intracommunautaire est invalide.',
  IDENTIFIER_INVALID: 'Cet identifiant est invalide pour ce type.',
  STRUCTURE_EXISTS: 'Une structure utilise déjà cet identifiant.',
  IDENTIFIER_HELD:
    'Cet identifiant est déjà détenu par une structure : votre demande de rattachement est transmise à ses gestionnaires, ou au support si son identité n’est pas vérifiée.',
  OPERATOR_REQUIRED: 'Seul le support peut faire cela.',
  COMPANY_REGISTRY_UNAVAILABLE: 'Le répertoire des entreprises ne répond pas : réessayez plus tard.',
  IBAN_INVALID: 'Cet IBAN est invalide (clé de contrôle).',
  BIC_INVALID: 'Ce BIC est invalide.',
  NOT_A_MEMBER: 'Vous n’êtes pas rattaché à cette structure.',
  MANAGER_REQUIRED: 'Seuls les gestionnaires de la structure peuvent faire cela.',
  PRINCIPAL_MANAGER_REQUIRED: 'Seul le gestionnaire principal peut faire cela.',
  STRUCTURE_NOT_FOUND: 'Structure introuvable.',
  SERVICE_EXISTS: 'Ce code service existe déjà.',
  SERVICE_CODE_RESERVED: 'Le service FACTURES_PUBLIQUES est réservé aux structures publiques.',
  ALREADY_A_MEMBER: 'Vous êtes déjà rattaché à cette structure.',
  ATTACHMENT_ALREADY_REQUESTED: 'Votre demande de rattachement attend déjà une réponse.',
  RECIPIENT_NOT_FOUND: 'Aucune structure destinataire ne porte cet identifiant.',
  BANK_ACCOUNT_EXISTS: 'Ces coordonnées bancaires sont déjà enregistrées.',
  SERVICE_DATES_INVALID: 'La date de fin de validité précède la date de début.',
  SERVICE_UNKNOWN: 'Ce service n’existe pas dans la structure.',
  BANK_ACCOUNT_NOT_FOUND: 'Coordonnées bancaires introuvables.',
  DRAFT_ALREADY_SENT: 'Cette facture a déjà été envoyée.',
  DRAFT_NOT_FOUND: 'Brouillon introuvable.',
  PDF_MISSING: 'Choisissez un fichier PDF.',
  PDF_NO_TEXT: 'Ce PDF ne contient pas de texte (document numérisé) : saisissez la facture.',
  PDF_ENCRYPTED: 'Ce PDF est protégé : déposez une version non protégée.',
  PDF_UNREADABLE: 'Ce PDF est illisible.',
  PDF_NO_INVOICE_XML:
    'Ce PDF ne contient pas de facture XML (ce n’est pas un Factur-X) : choisissez « PDF ».',
  EMPTY_INVOICE: 'Le fichier est vide.',
  INVOICE_NOT_WELL_FORMED: 'Le fichier XML est mal formé.',
  NOT_AN_INVOICE: 'Ce fichier n’est pas une facture UBL, CII ou Factur-X.',
  INVOICE_UNIDENTIFIABLE: 'La facture ne porte pas son numéro, sa date ou l’identifiant du fournisseur.',
  DUPLICATE_INVOICE: 'Ce numéro de facture a déjà été utilisé cette année par ce fournisseur.',
  UNSUPPORTED_MEDIA_TYPE: 'Choisissez un fichier XML ou PDF.',
  PAYLOAD_TOO_LARGE: 'Le fichier est trop volumineux.',
  ATTACHMENT_TOO_LARGE: 'La pièce jointe dépasse 10 Mo.',
  ATTACHMENTS_TOTAL_TOO_LARGE: 'La facture et ses pièces jointes dépassent 120 Mo.',
  ATTACHMENT_NAME_INVALID: 'Le nom du fichier doit compter au plus 50 caractères, sans chemin.',
  ATTACHMENT_EXTENSION_NOT_ALLOWED: 'Ce type de fichier n’est pas accepté.',
  ATTACHMENT_NAME_TAKEN: 'Une autre pièce jointe porte déjà ce nom.',
  ATTACHMENT_EMPTY: 'Le fichier est vide.',
  REASON_REQUIRED: 'Le motif est obligatoire pour ce statut.',
  MANDATE_NUMBER_REQUIRED: 'Le numéro de mandat est obligatoire.',
  COMPLETION_EMPTY: 'Ajoutez un commentaire ou une pièce jointe.',
  TRANSITION_NOT_ALLOWED: 'Ce changement de statut n’est pas possible depuis le statut actuel.',
  INVOICE_BUSY: 'La facture est en cours de traitement : réessayez dans un instant.',
  INVOICE_CLOSED: 'La facture est à un statut final : plus rien ne peut la modifier.',
  ROUTING_INVALID: 'Les données d’acheminement sont toujours incorrectes.',
  SERVICE_NOT_ALLOWED: 'Vous n’êtes pas rattaché au service de cette facture.',
  CONNECTOR_CREDENTIALS_REJECTED: 'Le logiciel a refusé ces identifiants.',
  CONNECTOR_UNREACHABLE: 'Le logiciel ne répond pas : réessayez plus tard.',
  FLOW_NOT_SETTLED: 'Le flux est encore en cours de traitement.',
  ADVISOR_REQUIRED: 'Réservé aux conseillers du support.',
  NOT_YOURS: 'Cette demande ou cette discussion ne vous concerne pas.',
  NOT_THE_REQUESTER: 'Seul l’auteur de la demande peut faire cela.',
  CONVERSATION_ENDED: 'Cette discussion est terminée.',
  REQUEST_CLOSED: 'Cette demande est clôturée.',
  LIVE_CHAT_NOT_OFFERED: 'La discussion avec un conseiller n’est pas proposée pour le moment.',
  CHAT_NOT_WAITING: 'Un autre conseiller a déjà pris cette discussion.',
  CHAT_NOT_ACTIVE: 'Cette discussion n’est pas en cours.',
  CATEGORY_UNKNOWN: 'Choisissez une catégorie de la liste.',
  SUBCATEGORY_UNKNOWN: 'Choisissez une sous-catégorie de la liste.',
  TECHNICAL_ACCOUNT_NOT_FOUND: 'La structure n’a pas encore de compte technique.',
  APPLICATION_NOT_FOUND: 'Application introuvable.',
  APPLICATION_REVOKED: 'Cette application a été révoquée.',
  INTERNAL_ERROR: 'Une erreur inattendue est survenue ; elle a été enregistrée.',
};

/** The French text of a domain error code: the portal's one table for them; the API's message otherwise. */
export function frenchError(code: string, fallback = code): string {
  return ERRORS[code] ?? fallback;
}

/** A French sentence for one ajv message about a field ("must have required property", ...). */
export function frenchFieldMessage(message: string): string {
  if (/required/.test(message)) return 'Ce champ est obligatoire.';
  if (/format "email"/.test(message))
    return 'Adresse électronique invalide (format attendu : nom@domaine.fr).';
  if (/format "date"/.test(message)) return 'Date invalide (format attendu : jj/mm/aaaa).';
  if (/constant/.test(message)) return 'Cette case doit être cochée.';
  if (/fewer than/.test(message)) return 'Ce champ est obligatoire.';
  if (/more than/.test(message)) return 'Ce champ est trop long.';
  if (/pattern/.test(message)) return 'Format invalide.';
  if (/allowed values/.test(message)) return 'Choisissez une valeur de la liste.';
  return 'Valeur invalide.';
}

export const FLOW_STATES: Record<string, string> = {
  IN_RECU: 'Reçu',
  IN_EN_ATTENTE_TRAITEMENT_CPP: 'En attente de traitement',
  IN_EN_COURS_TRAITEMENT: 'En cours de traitement',
  IN_EN_COURS_TRAITEMENT_CPP: 'En cours de traitement',
  IN_INTEGRE: 'Intégré',
  IN_INTEGRE_PARTIEL: 'Intégré partiellement',
  IN_REJETE: 'Rejeté',
  IN_INCIDENTE: 'Incident technique : renvoyez le flux',
};

export const ROLES: Record<string, string> = {
  PRINCIPAL: 'Gestionnaire principal',
  SECONDAIRE: 'Gestionnaire secondaire',
  UTILISATEUR: 'Utilisateur',
};

export const ATTACHMENT_STATUSES: Record<string, string> = {
  EN_ATTENTE: 'En attente',
  ESCALADEE: 'Transmise au support',
  APPROUVEE: 'Acceptée',
  REFUSEE: 'Refusée',
  RETIREE: 'Retirée',
  RATTACHEE_DIRECTEMENT: 'Rattaché directement',
};

export const REQUEST_STATUSES: Record<string, string> = {
  NOUVELLE: 'Nouvelle',
  EN_COURS: 'En cours',
  EN_ATTENTE_UTILISATEUR: 'En attente d’une réponse du demandeur',
  REPONDUE: 'Répondue',
  CLOTUREE: 'Clôturée',
};
