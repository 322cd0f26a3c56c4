export type { Finding } from './finding';
export { validateEn16931, en16931SyntaxOf, type En16931Syntax } from './en16931';
export { validateFacturXProfile } from './facturx';
export { validateFrench } from './french';
