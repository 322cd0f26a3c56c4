import { frenchVatKey, luhnValid } from '../../invoice/platform-rules';

/** Completes a digit string with the Luhn key INSEE gives SIRENs and SIRETs. */
export function withKey(digits: string): string {
  const key = [...'0123456789'].find((d) => luhnValid(digits + d))!;
  return digits + key;
}

/** A real-looking SIREN from its first 8 digits, and a SIRET of it from a 4-digit NIC start. */
export const siren = (first8: string) => withKey(first8);
export const siret = (siren9: string, nic4: string) => withKey(siren9 + nic4);
export const frenchVat = (siren9: string) => `FR${frenchVatKey(siren9)}${siren9}`;
