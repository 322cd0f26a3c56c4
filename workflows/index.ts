// The worker's workflow bundle: every workflow the platform runs.
export { invoiceLifecycle } from './invoice';
export { accountActivation } from './account';
export { passwordReset } from './password-reset';
export { structureAttachment } from './membership';
export { supportConversation } from './support';
export { supportRequest } from './support-request';
export { connectorSync } from './connector';
export { connectorTick } from './connector-tick';
export { invoiceFlow } from './flow';
export { technicalAccountReminders } from './technical-account';
export { raccordement } from './raccordement';
export { notificationDigest } from './digest';
