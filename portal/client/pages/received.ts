import { startPage } from '../common';
import { invoiceListing } from '../listing';

startPage();
invoiceListing('received-invoices');
