"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ast.js.map