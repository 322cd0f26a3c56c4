import express, { Router } from 'express';
import multer from 'multer';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { FLOW_SYNTAXES, isFlowSyntax } from '../../flows/syntax';
import { depositFlow } from '../../flows/deposit';
import { readableFlow, reportOf, reportPdf } from '../../flows/reports';
import type { FlowRecord } from '../../flows/types';

/** Flow deposits (flux, EDI or batch API): one archive of invoices, one workflow flux/<numeroFluxDepot>. */
export function flowsRouter(deps: AppDeps): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1 },
  });
  const raw = express.raw({
    type: [
      'application/zip',
      'application/gzip',
      'application/x-gzip',
      'application/x-tar',
      'application/xml',
      'application/octet-stream',
    ],
    limit: deps.maxUploadBytes,
  });

  router.post('/flows', raw, upload.single('file'), async (req, res) => {
    const caller = requireCaller(res);
    const syntax = String(req.body?.syntaxeFlux ?? req.query.syntaxeFlux ?? '');
    if (!isFlowSyntax(syntax))
      throw new DomainError(
        'FLOW_SYNTAX_INVALID',
        `syntaxeFlux must be one of ${Object.keys(FLOW_SYNTAXES).join(', ')}.`,
        {
          field: 'syntaxeFlux',
        },
      );
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!bytes || bytes.length === 0)
      throw new DomainError(
        'FLOW_FILE_MISSING',
        'Send the flow as the request body or as a multipart field named "file".',
        {
          field: 'file',
        },
      );
    const filename =
      req.file?.originalname ?? (typeof req.query.nomFichier === 'string' ? req.query.nomFichier : undefined);
    const result = await depositFlow(deps, bytes, { syntax, filename, userId: caller.userId });
    res
      .status(result.created ? 202 : 200)
      .location(`/api/v1/flows/${result.numeroFluxDepot}`)
      .json(result);
  });

  router.get('/flows/:numero', async (req, res) => {
    res.json(flowView(await readableFlow(deps.db, req.params.numero, requireCaller(res))));
  });

  router.get('/flows/:numero/report', async (req, res) => {
    res.json(reportOf(await readableFlow(deps.db, req.params.numero, requireCaller(res))));
  });

  router.get('/flows/:numero/report.pdf', async (req, res) => {
    const report = reportOf(await readableFlow(deps.db, req.params.numero, requireCaller(res)));
    res.type('application/pdf').send(Buffer.from(await reportPdf(report)));
  });

  return router;
}

/** A flow as the API shows it, with the platform's wire names. */
export function flowView(flow: FlowRecord) {
  return {
    numeroFluxDepot: flow.numero,
    syntaxeFlux: flow.syntax,
    etatCourantFlux: flow.status,
    dateDepot: new Date(flow.deposited_at).toISOString(),
    nomFichier: flow.filename ?? undefined,
    nombreFactures: flow.invoice_count ?? undefined,
    nombreFacturesIntegrees: flow.integrated_count ?? undefined,
  };
}

const numeroParam = {
  name: 'numero',
  in: 'path',
  required: true,
  description: 'numeroFluxDepot',
  schema: { type: 'string' },
};
const reportSchema = {
  type: 'object',
  properties: {
    numeroFluxDepot: { type: 'string' },
    syntaxeFlux: { type: 'string' },
    etatCourantFlux: { type: 'string' },
    nombreFactures: { type: 'integer' },
    nombreFacturesIntegrees: { type: 'integer' },
    listeErreurDP: {
      type: 'array',
      items: {
        type: 'object',
        properties: Object.fromEntries(
          ['numeroDP', 'identifiantFournisseur', 'identifiantDestinataire', 'libelleErreurDP', 'fichier'].map(
            (k) => [k, { type: 'string' }],
          ),
        ),
      },
    },
  },
};

export const flowsOpenApi: OpenApiPaths = {
  '/api/v1/flows': {
    post: {
      summary:
        'Deposit a flow: a zip or tar.gz of up to 500 invoices (or one invoice file) of one syntaxeFlux',
      description:
        'Starts the flow workflow flux/<numeroFluxDepot>: IN_RECU → IN_EN_COURS_TRAITEMENT → IN_INTEGRE | IN_INTEGRE_PARTIEL | IN_REJETE (| IN_INCIDENTE). ' +
        'The same archive sent again answers the same numeroFluxDepot; an invoice already filed from the same file is not filed again.',
      parameters: [
        {
          name: 'syntaxeFlux',
          in: 'query',
          description: 'Required unless sent as a multipart field.',
          schema: { type: 'string', enum: Object.keys(FLOW_SYNTAXES) },
        },
        { name: 'nomFichier', in: 'query', schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/zip': { schema: { type: 'string', format: 'binary' } },
          'application/gzip': { schema: { type: 'string', format: 'binary' } },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: { type: 'string', format: 'binary' },
                syntaxeFlux: { type: 'string', enum: Object.keys(FLOW_SYNTAXES) },
              },
              required: ['file', 'syntaxeFlux'],
            },
          },
        },
      },
      responses: {
        '202': { description: 'Received: follow it at the Location' },
        '200': { description: 'This very flow was already received' },
        '400': errorResponse('No file, or an unknown syntaxeFlux (FLOW_FILE_MISSING, FLOW_SYNTAX_INVALID)'),
        '401': errorResponse('Not signed in'),
        '413': errorResponse('Too large'),
      },
    },
  },
  '/api/v1/flows/{numero}': {
    get: {
      summary: 'A flow: its state (etatCourantFlux) and counts',
      parameters: [numeroParam],
      responses: { '200': { description: 'The flow' }, '404': errorResponse('No such flow of yours') },
    },
  },
  '/api/v1/flows/{numero}/report': {
    get: {
      summary: 'The integration report (compte rendu) with listeErreurDP',
      parameters: [numeroParam],
      responses: {
        '200': { description: 'The report', content: { 'application/json': { schema: reportSchema } } },
        '404': errorResponse('No such flow of yours'),
        '409': errorResponse('The flow is not settled yet (FLOW_NOT_SETTLED)'),
      },
    },
  },
  '/api/v1/flows/{numero}/report.pdf': {
    get: {
      summary: 'The integration report as PDF',
      parameters: [numeroParam],
      responses: {
        '200': {
          description: 'The report',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        '404': errorResponse('No such flow of yours'),
        '409': errorResponse('The flow is not settled yet (FLOW_NOT_SETTLED)'),
      },
    },
  },
};
