"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.expandedName = void 0;
const expandedName = (uri, local) => `{${uri}}${local}`;
exports.expandedName = expandedName;
//# sourceMappingURL=user-functions.js.map