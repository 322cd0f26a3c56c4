"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=settings.js.map