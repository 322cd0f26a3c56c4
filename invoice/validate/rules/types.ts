/** One Schematron assert as the official artefacts state it. */
export interface SchematronAssert {
  id: string;
  flag: 'fatal' | 'warning';
  test: string;
  message: string;
}

export interface SchematronRule {
  context: string;
  asserts: SchematronAssert[];
}

export interface SchematronPattern {
  id: string;
  rules: SchematronRule[];
}

/** A whole Schematron schema: the namespace prefixes its XPaths use and its patterns, in order. */
export interface SchematronSchema {
  title: string;
  namespaces: Record<string, string>;
  patterns: SchematronPattern[];
}
