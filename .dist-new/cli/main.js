"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const program_1 = require("./program");
(0, program_1.buildProgram)((code) => {
    process.exitCode = code;
})
    .parseAsync(process.argv)
    .catch((err) => {
    process.stderr.write(`facturflow: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=main.js.map