export type { Finding } from './finding';
export { validateEn16931, en16931SyntaxOf, prepareEn16931, type En16931Syntax } from './en16931';
export { validateFacturXProfile } from './facturx';
export { validateFrench } from './french';
