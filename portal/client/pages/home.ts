import { startPage } from '../common';

startPage();
