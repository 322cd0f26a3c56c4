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
exports.ArchiveError = void 0;
exports.archiveKind = archiveKind;
exports.unpackArchive = unpackArchive;
const node_stream_1 = require("node:stream");
const node_zlib_1 = __importDefault(require("node:zlib"));
const tar = __importStar(require("tar-stream"));
const yauzl = __importStar(require("yauzl"));
class ArchiveError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ArchiveError';
    }
}
exports.ArchiveError = ArchiveError;
/**
 * Room for what a tar holds besides file contents (a 512-byte header per entry and padding, pax and
 * long-name records): the inflated stream may exceed the files' budget by this much, no more.
 */
const TAR_OVERHEAD_BYTES = 16 * 1024 * 1024;
function archiveKind(bytes) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
        return 'zip';
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
        return 'tar.gz';
    if (Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar')
        return 'tar';
    return 'file';
}
/**
 * Calls `onEntry` for each regular file of a zip, tar or tar.gz archive, in archive order, with its
 * bytes. Nothing is written to disk by name, yet a name that would climb out of its folder (`..`,
 * absolute, drive letter) refuses the whole archive: such an archive was not made by honest software.
 * Sizes are counted on the bytes actually inflated, not on what the archive declares, and every byte
 * counts: a tar's links, devices, pax records and other non-regular entries count toward the total
 * as the files do (a contiguous file, type 7, is a regular file, as POSIX says). Inflating stops as
 * soon as a limit is crossed or `control.signal` aborts.
 */
async function unpackArchive(bytes, limits, onEntry, control = {}) {
    const budget = new Budget(limits, control);
    const kind = archiveKind(bytes);
    if (kind === 'zip')
        await unzip(Buffer.from(bytes), budget, onEntry);
    else if (kind === 'file')
        throw new ArchiveError('ARCHIVE_UNREADABLE', 'The flow is neither a zip nor a tar.gz archive.');
    else
        await untar(Buffer.from(bytes), kind === 'tar.gz', budget, onEntry);
    return budget.files;
}
class Budget {
    limits;
    control;
    files = 0;
    total = 0;
    inflated = 0;
    constructor(limits, control) {
        this.limits = limits;
        this.control = control;
    }
    /** Throws once the caller has abandoned the work. */
    checkAbandoned() {
        if (this.control.signal?.aborted)
            throw new ArchiveError('ARCHIVE_ABANDONED', 'Unpacking was abandoned before the end of the archive.');
    }
    /** Bytes out of the decompressor, whatever entry they belong to. */
    stream(chunk) {
        this.checkAbandoned();
        this.inflated += chunk;
        this.control.onProgress?.(this.inflated);
        if (this.inflated > this.limits.maxTotalBytes + TAR_OVERHEAD_BYTES)
            throw new ArchiveError('ARCHIVE_TOO_LARGE', `The archive exceeds ${this.limits.maxTotalBytes} bytes once uncompressed.`);
    }
    file(name) {
        checkName(name);
        this.files += 1;
        if (this.files > this.limits.maxFiles)
            throw new ArchiveError('ARCHIVE_TOO_MANY_FILES', `The archive holds more than ${this.limits.maxFiles} files.`);
    }
    bytes(name, entrySoFar, chunk) {
        this.checkAbandoned();
        this.total += chunk;
        if (entrySoFar > this.limits.maxFileBytes)
            throw new ArchiveError('ARCHIVE_ENTRY_TOO_LARGE', `${name} exceeds ${this.limits.maxFileBytes} bytes once uncompressed.`);
        if (this.total > this.limits.maxTotalBytes)
            throw new ArchiveError('ARCHIVE_TOO_LARGE', `The archive exceeds ${this.limits.maxTotalBytes} bytes once uncompressed.`);
    }
}
function checkName(name) {
    const parts = name.split(/[\\/]/);
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0'))
        throw new ArchiveError('ARCHIVE_PATH_UNSAFE', `The archive entry "${name.slice(0, 200)}" points outside the archive.`);
}
/**
 * Reads a stream to its end under the budget, failing as soon as a limit is crossed. A zip entry's
 * stream is the inflater's own output (`inflating`); a tar's was counted on its way to the reader.
 */
async function collect(stream, name, budget, inflating = false) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        if (inflating)
            budget.stream(chunk.length);
        size += chunk.length;
        budget.bytes(name, size, chunk.length);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/** Reads what is not kept (a tar's link or device entry) to its end, counting it all the same. */
async function drain(stream, name, budget) {
    let size = 0;
    for await (const chunk of stream) {
        size += chunk.length;
        budget.bytes(name, size, chunk.length);
    }
}
async function unzip(buffer, budget, onEntry) {
    let zip;
    try {
        zip = await new Promise((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))));
    }
    catch (err) {
        throw new ArchiveError('ARCHIVE_UNREADABLE', `The zip archive cannot be read: ${err.message}`);
    }
    try {
        for (;;) {
            const entry = await new Promise((resolve, reject) => {
                zip.once('entry', resolve);
                zip.once('end', () => resolve(undefined));
                zip.once('error', reject);
                zip.readEntry();
            });
            zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
            if (!entry)
                return;
            if (entry.fileName.endsWith('/'))
                continue;
            budget.file(entry.fileName);
            // Refused before inflating a byte when the archive itself declares too much.
            budget.bytes(entry.fileName, entry.uncompressedSize, 0);
            const stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
            let data;
            try {
                data = await collect(stream, entry.fileName, budget, true);
            }
            finally {
                stream.destroy();
            }
            await onEntry(entry.fileName, data);
        }
    }
    catch (err) {
        if (err instanceof ArchiveError)
            throw err;
        // yauzl checks entry names itself, and says so in its message.
        const message = err.message;
        if (/invalid relative path|absolute path|invalid characters in fileName/.test(message))
            throw new ArchiveError('ARCHIVE_PATH_UNSAFE', `The zip archive holds an entry outside the archive: ${message}`);
        throw new ArchiveError('ARCHIVE_UNREADABLE', `The zip archive cannot be read: ${message}`);
    }
    finally {
        zip.close();
    }
}
async function untar(buffer, gzipped, budget, onEntry) {
    const extract = tar.extract();
    const source = node_stream_1.Readable.from([buffer]);
    // Every inflated byte is counted before tar-stream sees it: what it buffers itself (pax records,
    // long names) and entries of any type are all within the budget.
    const counted = new node_stream_1.Transform({
        transform(chunk, _encoding, done) {
            try {
                budget.stream(chunk.length);
                done(null, chunk);
            }
            catch (err) {
                done(err);
            }
        },
    });
    const input = gzipped ? source.pipe(node_zlib_1.default.createGunzip()) : source;
    const stop = (err) => {
        input.unpipe(counted);
        if ('destroy' in input)
            input.destroy();
        extract.destroy(err);
    };
    input.on('error', stop);
    counted.on('error', stop);
    input.pipe(counted).pipe(extract);
    try {
        for await (const entry of extract) {
            const { name, type } = entry.header;
            const stream = entry;
            if (type !== 'file' && type !== 'contiguous-file') {
                await drain(stream, name, budget);
                continue;
            }
            budget.file(name);
            await onEntry(name, await collect(stream, name, budget));
        }
    }
    catch (err) {
        stop(err);
        if (err instanceof ArchiveError)
            throw err;
        throw new ArchiveError('ARCHIVE_UNREADABLE', `The tar archive cannot be read: ${err.message}`);
    }
}
//# sourceMappingURL=archive.js.map