/**
 * The accounts feature as other features see it: who a user is and where their mail goes. Import
 * from here, never from ./store.
 */
export type { Account, Caller, Contact } from './types';
export { getAccount, normalizeEmail, userIdByEmail } from './users';
export { contactsOf, insertTechnicalUser, loginEmailsOf, operatorContacts, userExists } from './store';
