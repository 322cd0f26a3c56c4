import { buildProgram } from './program';

buildProgram((code) => {
  process.exitCode = code;
})
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`facturflow: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
