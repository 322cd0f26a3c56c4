/**
 * The structures feature as other features see it: structures, their services and bank accounts,
 * memberships (rattachements) and the operators' queue. Import from here, never from ./store.
 */
export type {
  BankAccount,
  DirectoryEntry,
  Manager,
  MemberStructure,
  Membership,
  MembershipRequest,
  Need,
  Role,
  Service,
  Structure,
} from './types';
export { authorize, isManager, membershipOf, requireStructure, seesService } from './access';
export { createStructure, getStructure } from './structures';
export { getService, listServices, requireKnownServices, unknownServices } from './services';
export { listBankAccounts } from './bank-accounts';
export { dbRecipientDirectory } from './directory';
export * from './queries';
