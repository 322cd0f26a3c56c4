"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=operation.js.map