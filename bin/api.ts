import { createApp } from '../api/app';
import { listen } from '../api/listen';
import { sireneCompanyRegistry } from '../structures/sirene';
import { createDb } from '../platform/db';
import { describeBlobStore, openBlobStore } from '../platform/blob-store-config';
import { Outbox } from '../platform/mail/outbox';
import { smtpProbe } from '../platform/mail/smtp-probe';
import { connectClient } from '../platform/temporal';
import { createConnectorRuntime } from '../connectors/runtime';
import { watchFlowInbox } from '../inbox/flow-inbox';
import { configureDocumentPool } from '../platform/document-pool';
import { allowHosts } from '../platform/public-host';
import { boot, fatal, outboxDir, temporalAddress } from './boot';
import { documentPoolOptions } from './config';

/** The API process: serves HTTP until SIGINT/SIGTERM, then finishes the requests in flight. */
async function main() {
  const { config, logger } = boot();
  configureDocumentPool(documentPoolOptions(config.documents));
  allowHosts(config.connectorAllowedHosts);
  const db = createDb(config.database);
  const client = await connectClient(config.temporal, temporalAddress(config));
  const blobs = await openBlobStore(config.blobs);
  logger.info(describeBlobStore(config.blobs), 'blob store ready');
  const app = createApp({
    db,
    client,
    blobs,
    logger,
    taskQueue: config.temporal.taskQueue,
    maxUploadBytes: config.maxUploadBytes,
    publicUrl: config.publicUrl,
    companyRegistry: config.sirene && sireneCompanyRegistry(config.sirene),
    lifecycle: config.lifecycle,
    support: config.support,
    rateLimits: config.rateLimits,
    health: { mail: config.mail.smtp && smtpProbe(config.mail.smtp) },
    metricsToken: config.operations.metricsToken,
    connectors: createConnectorRuntime(config.connectors, config.dataDir),
    // The worker writes the outbox; the API shows it (to operators) only when DEV_OUTBOX=true.
    outbox: config.devOutbox ? new Outbox(outboxDir(config)) : undefined,
  });
  const server = await listen(app, config.port, config.host);
  logger.info({ port: config.port, host: config.host }, `API listening on ${config.host}:${config.port}`);
  const stopInbox = config.flowInbox
    ? watchFlowInbox(
        { db, blobs, client, taskQueue: config.temporal.taskQueue },
        config.flowInbox.dir,
        config.flowInbox.intervalMs,
        logger,
      )
    : undefined;
  const stop = () => {
    stopInbox?.();
    server.close(async () => {
      await client.connection.close();
      await db.destroy();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => fatal(boot().logger, err));
