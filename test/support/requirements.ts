/** Something tests need from outside the project: the invoice corpus, a browser. */
export interface Requirement {
  /** What is needed, for the test name: "the invoice corpus". */
  what: string;
  available: boolean;
  /** Why it is missing and how to point at it: "invoice corpus not found at ... (set FACTURFLOW_CORPUS)". */
  missing: string;
}

/**
 * describe() for tests that need a requirement: they run where it is present; under CI=true its
 * absence is a failing test; elsewhere they are reported skipped, loudly (the one deliberate skip).
 */
export function describeNeeding(need: Requirement, name: string, fn: () => void): void {
  if (need.available) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${need.what}`, () => {
        throw new Error(need.missing);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${name}": ${need.missing}`);
  describe.skip(name, fn);
}
