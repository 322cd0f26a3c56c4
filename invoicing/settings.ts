/** Payment delays, interest reference rate and validation delay given to each new invoice workflow (from the configuration). */
export interface LifecycleSettings {
  paymentDelays: { standardDays: number; hospitalDays: number };
  /** Percent per year (the ECB main refinancing rate); late-payment interest adds 8 points. */
  referenceRate: string;
  validationDelayDays: number;
}
