import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../platform/logger';
import { isFlowSyntax } from '../flows/syntax';
import { depositFlow, FlowDepositDeps } from '../flows/deposit';

/** Files younger than this may still be being written by the sender: they wait for the next poll. */
const SETTLE_MS = 2000;

/**
 * File-based EDI: a sender drops each flow into <inbox>/<syntaxeFlux>/ (the folder names its syntax).
 * Each poll deposits the files there as a flow and moves them to <inbox>/processed/ (prefixed with
 * their numeroFluxDepot) or, when no flow can be made of them, to <inbox>/rejected/. A crash between
 * the deposit and the move deposits the same bytes again next time, which answers the same flow.
 */
export async function pollFlowInbox(
  deps: FlowDepositDeps,
  inbox: string,
  now = Date.now(),
): Promise<{ processed: string[]; rejected: string[] }> {
  const processed: string[] = [];
  const rejected: string[] = [];
  await fs.mkdir(path.join(inbox, 'processed'), { recursive: true });
  await fs.mkdir(path.join(inbox, 'rejected'), { recursive: true });
  for (const folder of await fs.readdir(inbox, { withFileTypes: true })) {
    if (!folder.isDirectory() || ['processed', 'rejected'].includes(folder.name)) continue;
    for (const file of await fs.readdir(path.join(inbox, folder.name), { withFileTypes: true })) {
      if (!file.isFile()) continue;
      const from = path.join(inbox, folder.name, file.name);
      if (now - (await fs.stat(from)).mtimeMs < SETTLE_MS) continue;
      const bytes = await fs.readFile(from);
      if (!isFlowSyntax(folder.name) || bytes.length === 0) {
        await fs.rename(from, path.join(inbox, 'rejected', file.name));
        rejected.push(file.name);
        continue;
      }
      const { numeroFluxDepot } = await depositFlow(deps, bytes, {
        syntax: folder.name,
        filename: file.name,
      });
      await fs.rename(from, path.join(inbox, 'processed', `${numeroFluxDepot}-${file.name}`));
      processed.push(numeroFluxDepot);
    }
  }
  return { processed, rejected };
}

/** Polls the inbox every `intervalMs` until stopped; one poll at a time, failures logged and retried. */
export function watchFlowInbox(
  deps: FlowDepositDeps,
  inbox: string,
  intervalMs: number,
  logger: Logger,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const { processed, rejected } = await pollFlowInbox(deps, inbox);
      if (processed.length + rejected.length > 0) logger.info({ processed, rejected }, 'flow inbox polled');
    } catch (err) {
      logger.error({ err }, 'flow inbox poll failed; retried at the next tick');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
