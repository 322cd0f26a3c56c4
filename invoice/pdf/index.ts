export { toPdf, renderInvoice, pdfTitle } from './render';
export { formatAmount, formatDate, formatNumber, documentTitle } from './format';
