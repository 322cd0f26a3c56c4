"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=mailer.js.map