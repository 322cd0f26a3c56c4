/** One Schematron assert (or report) as the official artefacts state it. */
export interface SchematronAssert {
  id: string;
  flag: 'fatal' | 'warning';
  test: string;
  message: string;
  /** A `<report>`: the finding is raised when the test holds, not when it fails. */
  report?: boolean;
}

/** A rule-level `<let>`: bound in the rule's context before its asserts run. */
export interface SchematronLet {
  name: string;
  value: string;
}

export interface SchematronRule {
  context: string;
  lets?: SchematronLet[];
  asserts: SchematronAssert[];
}

export interface SchematronPattern {
  id: string;
  rules: SchematronRule[];
}

/**
 * One step of an XSLT function the Schematron defines (`<xsl:function>`): bind a variable, give the
 * result (`value-of` results are text, as in XSLT, then converted to the declared type), or choose.
 */
export type FunctionStep =
  | { let: string; value: string; as?: string; text?: boolean }
  | { result: string; text?: boolean }
  | { choose: { test: string; steps: FunctionStep[] }[]; otherwise: FunctionStep[] };

/** An `<xsl:function>` of the schema, called by its prefixed name from the tests (`u:gln(…)`). */
export interface SchematronFunction {
  name: string;
  as?: string;
  params: { name: string; as?: string }[];
  steps: FunctionStep[];
}

/** A whole Schematron schema: the namespace prefixes its XPaths use and its patterns, in order. */
export interface SchematronSchema {
  title: string;
  namespaces: Record<string, string>;
  /** Schema- and pattern-level `<let>`s: evaluated once per document, in order, from the document node. */
  lets?: SchematronLet[];
  functions?: SchematronFunction[];
  patterns: SchematronPattern[];
  /**
   * Code-list documents the tests read with `document(name)`, by file name: each is a
   * `<codedb><cl id="…"><enumeration value="…"/>…</cl>…</codedb>`, kept here as lists of values by id.
   */
  codeLists?: Record<string, Record<string, string[]>>;
}

/**
 * A schema as committed under rules/*.json: tests keep `{{code-list:NAME}}` where the published test
 * has a literal of codes, and code-list documents name their lists; rules/code-lists.json holds each
 * list once. `source` says what the file was generated from.
 */
export interface StoredSchematron extends Omit<SchematronSchema, 'codeLists'> {
  source: string;
  codeLists?: Record<string, Record<string, string>>;
}
