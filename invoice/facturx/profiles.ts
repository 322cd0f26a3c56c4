import { FacturXProfile, PROFILE_GUIDELINE } from '../cii/profile';

export type { FacturXProfile };

export interface ProfileFacts {
  /** BT-24 specification identifier the embedded CII must carry for this profile. */
  guidelineId: string;
  /** fx:ConformanceLevel value in the XMP. */
  conformanceLevel: string;
  /**
   * /AFRelationship of factur-x.xml. Per the Factur-X 1.0 specification, MINIMUM and BASIC WL are not
   * full invoices: the XML only complements the PDF, which remains the legal invoice → "Data". From
   * BASIC up the XML carries the whole invoice and the PDF is its human-readable equivalent →
   * "Alternative". ("Source" means the PDF was produced from that XML by someone else; we generate
   * both from one model, so we never use it.)
   */
  relationship: 'Data' | 'Alternative';
}

const RELATIONSHIP: Record<FacturXProfile, ProfileFacts['relationship']> = {
  MINIMUM: 'Data',
  'BASIC WL': 'Data',
  BASIC: 'Alternative',
  'EN 16931': 'Alternative',
  EXTENDED: 'Alternative',
};

/** The profile names double as the XMP ConformanceLevel values ('BASIC WL', 'EN 16931', ...). */
export function profileFacts(profile: FacturXProfile): ProfileFacts {
  return {
    guidelineId: PROFILE_GUIDELINE[profile],
    conformanceLevel: profile,
    relationship: RELATIONSHIP[profile],
  };
}
