"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=finding.js.map