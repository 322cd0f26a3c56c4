// The worker's workflow bundle: every workflow the platform runs.
export { invoiceLifecycle } from './invoice';
export { structureAttachment } from './attachment';
