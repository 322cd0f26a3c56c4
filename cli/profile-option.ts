import { InvalidArgumentError } from 'commander';
import type { FacturXProfile } from '../invoice/cii/profile';
import { PROFILE_GUIDELINE } from '../invoice/cii/profile';

const PROFILES = Object.keys(PROFILE_GUIDELINE) as FacturXProfile[];

const squash = (s: string) => s.toUpperCase().replace(/[\s_-]/g, '');

/** Accepts a profile as people type it on a command line: `basicwl`, `en16931`, "BASIC WL". */
export function parseProfile(text: string): FacturXProfile {
  const profile = PROFILES.find((p) => squash(p) === squash(text));
  if (!profile)
    throw new InvalidArgumentError(`unknown Factur-X profile "${text}" (one of: ${PROFILES.join(', ')})`);
  return profile;
}

export const PROFILE_CHOICES = PROFILES.map(squash).map((p) => p.toLowerCase());
