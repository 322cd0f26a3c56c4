export { compiledXsdSchemas, prepareXsd, validateXsd, validateXsdApart } from './validate';
export type { XsdOptions } from './validate';
export { XsdSchemaUnavailableError, xsdRuleId, defaultSchemaRoots } from './schemas';
export type { XsdSchema } from './schemas';
export { closeXsdEngines } from './engine';
