import type { Seq } from './values';

/**
 * Functions a Schematron defines itself (Peppol's `u:gln`, `u:mod11`, the French rules' `custom:…`), by
 * `{namespace}local-name`. Each compiled schema has its own table (two schemas may define one name
 * differently, as the French UBL and CII rules do); the document being validated carries the table of
 * the schema running on it, and calls resolve there at run time, so a function may call one defined
 * after it, or itself.
 */
export type UserFunction = (args: Seq[], caller: { vars: Record<string, Seq> }) => Seq;

export type UserFunctions = Map<string, UserFunction>;

export const expandedName = (uri: string, local: string) => `{${uri}}${local}`;
