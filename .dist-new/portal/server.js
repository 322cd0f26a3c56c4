"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.portalRouter = portalRouter;
const node_path_1 = __importDefault(require("node:path"));
const express_1 = __importStar(require("express"));
const bundle_1 = require("./bundle");
const layout_1 = require("./layout");
const account_1 = require("./pages/account");
const auth_1 = require("./pages/auth");
const invoices_1 = require("./pages/invoices");
const structures_1 = require("./pages/structures");
const support_1 = require("./pages/support");
const work_1 = require("./pages/work");
const structures_2 = require("../structures");
const DSFR_DIST = node_path_1.default.join(node_path_1.default.dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
/**
 * The portal (suppliers' and buyers' web space): server-drawn DSFR pages whose small browser modules
 * call the same JSON API as every other client. Mounted after `authenticate`, so it knows the caller.
 */
function portalRouter(opts) {
    const router = (0, express_1.Router)();
    const routes = [
        ...(0, auth_1.authPages)({ devOutbox: opts.devOutbox }),
        ...(0, account_1.accountPages)(),
        ...(0, structures_1.structurePages)(),
        ...(0, invoices_1.invoicePages)(),
        ...(0, work_1.workPages)(),
        ...(0, support_1.supportPages)(),
    ];
    router.use('/dsfr', express_1.default.static(DSFR_DIST, { index: false, maxAge: '1d' }));
    router.get('/portail/portal.css', (_req, res) => {
        res.type('text/css').sendFile(node_path_1.default.join(bundle_1.CLIENT_DIR, 'portal.css'));
    });
    router.get('/portail/js/:file', async (req, res, next) => {
        try {
            const bytes = (await (0, bundle_1.clientBundle)()).get(req.params.file);
            if (!bytes)
                return next();
            res.type('text/javascript').setHeader('cache-control', 'no-cache').send(Buffer.from(bytes));
        }
        catch (err) {
            next(err);
        }
    });
    for (const route of routes) {
        router.get(route.path, async (req, res, next) => {
            const caller = res.locals.caller;
            if ((route.signedIn || route.operator) && !caller) {
                res.redirect(303, `/connexion?${new URLSearchParams({ retour: req.originalUrl })}`);
                return;
            }
            if (route.operator && !caller?.operator)
                return next();
            const params = { ...req.params };
            const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
            // The menu shows what the caller's structures open.
            const structures = caller ? await (0, structures_2.structuresOfUser)(opts.db, caller.userId) : [];
            res
                .type('html')
                .setHeader('cache-control', 'no-store')
                .send((0, layout_1.layout)(route.page(flat, caller), { path: req.path, caller, structures, devOutbox: opts.devOutbox }));
        });
    }
    return router;
}
//# sourceMappingURL=server.js.map