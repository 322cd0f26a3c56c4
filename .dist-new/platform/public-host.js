"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.publicLookup = exports.hostOf = exports.HostNotAllowed = void 0;
exports.isPublicAddress = isPublicAddress;
exports.allowedHostProblem = allowedHostProblem;
exports.allowHosts = allowHosts;
exports.hostList = hostList;
exports.assertPublicUrl = assertPublicUrl;
exports.assertReachableLiteral = assertReachableLiteral;
const node_dns_1 = __importDefault(require("node:dns"));
const node_net_1 = __importDefault(require("node:net"));
/**
 * Which hosts the platform may call on someone's behalf (an ERP connection's base URL): public ones
 * only, so that a saved URL cannot make the platform reach its own machine or network (loopback,
 * link-local, private and other special-purpose ranges, IANA registries for IPv4 and IPv6). The check
 * is on the addresses a name resolves to, and it is made again when connecting (`publicLookup`), so a
 * name that resolved to a public address when saved and to a private one later (DNS rebinding) is
 * refused. An operator may allow some hosts anyway (CONNECTOR_ALLOWED_HOSTS: names, addresses or
 * CIDR ranges), e.g. an ERP on the company network.
 */
const NOT_PUBLIC = new node_net_1.default.BlockList();
for (const [prefix, bits] of [
    ['0.0.0.0', 8], // "this network", 0.0.0.0 included
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local (cloud metadata services)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
])
    NOT_PUBLIC.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
    ['::', 128],
    ['::1', 128],
    ['::', 96], // IPv4-compatible (deprecated)
    ['100::', 64], // discard
    ['2001::', 32], // Teredo
    ['2001:db8::', 32], // documentation
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
])
    NOT_PUBLIC.addSubnet(prefix, bits, 'ipv6');
/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail too). */
function ipv6Groups(address) {
    let text = address.toLowerCase().split('%')[0];
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (v4) {
        const [a, b, c, d] = v4[1].split('.').map(Number);
        text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head, tail] = text.split('::');
    const part = (s) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
    const first = part(head);
    const last = part(tail);
    return tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill(0), ...last];
}
/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16). */
function embeddedIpv4(address) {
    const g = ipv6Groups(address);
    const v4 = (hi, lo) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
        return v4(g[6], g[7]);
    if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
        return v4(g[6], g[7]);
    if (g[0] === 0x2002)
        return v4(g[1], g[2]);
    return undefined;
}
/** Whether the internet routes to this address (a literal IPv4 or IPv6 address). */
function isPublicAddress(address) {
    const family = node_net_1.default.isIP(address);
    if (family === 4)
        return !NOT_PUBLIC.check(address, 'ipv4');
    if (family !== 6)
        return false;
    const v4 = embeddedIpv4(address);
    if (v4 !== undefined)
        return isPublicAddress(v4);
    return !NOT_PUBLIC.check(address.split('%')[0], 'ipv6');
}
let allowance = { names: new Set(), addresses: new node_net_1.default.BlockList() };
/** What is wrong with one entry of CONNECTOR_ALLOWED_HOSTS; undefined when it is a name, an address or a range. */
function allowedHostProblem(entry) {
    const [address, bits, extra] = entry.split('/');
    if (bits !== undefined) {
        const family = node_net_1.default.isIP(address);
        const max = family === 4 ? 32 : 128;
        return family !== 0 && extra === undefined && /^\d+$/.test(bits) && Number(bits) <= max
            ? undefined
            : `"${entry}" is not an address range such as 10.0.0.0/8`;
    }
    if (node_net_1.default.isIP(entry) || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry))
        return undefined;
    return `"${entry}" is not a host name, an address or an address range`;
}
/** Sets the hosts allowed although not public (every entry checked by `allowedHostProblem` first). */
function allowHosts(entries) {
    const next = { names: new Set(), addresses: new node_net_1.default.BlockList() };
    for (const entry of entries) {
        const [address, bits] = entry.split('/');
        const family = node_net_1.default.isIP(address);
        if (bits !== undefined)
            next.addresses.addSubnet(address, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
        else if (family)
            next.addresses.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
        else
            next.names.add(entry.toLowerCase());
    }
    allowance = next;
}
/** A comma-separated list of hosts, as CONNECTOR_ALLOWED_HOSTS holds it. */
function hostList(raw) {
    return (raw ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
}
const allowedAddress = (address) => allowance.addresses.check(address.split('%')[0], node_net_1.default.isIP(address) === 4 ? 'ipv4' : 'ipv6');
/** A host name (or literal address) the operator allowed. */
function allowedName(host) {
    const name = host.toLowerCase().replace(/\.$/, '');
    return allowance.names.has(name) || (node_net_1.default.isIP(name) !== 0 && allowedAddress(name));
}
const mayReach = (address) => isPublicAddress(address) || allowedAddress(address);
/** A host the platform may not call; its message names the host, never what answered there. */
class HostNotAllowed extends Error {
    host;
    code = 'HOST_NOT_ALLOWED';
    constructor(host) {
        super(`${host} is not a public host (an operator may allow it: CONNECTOR_ALLOWED_HOSTS)`);
        this.host = host;
        this.name = 'HostNotAllowed';
    }
}
exports.HostNotAllowed = HostNotAllowed;
/** The host of a URL as the resolver takes it (IPv6 literals without their brackets). */
const hostOf = (url) => url.hostname.replace(/^\[(.*)\]$/, '$1');
exports.hostOf = hostOf;
/**
 * Throws HostNotAllowed unless the URL's host is public — every address its name resolves to — or
 * allowed. A name that does not resolve is left to the connection attempt (which fails with it).
 */
async function assertPublicUrl(url) {
    const host = (0, exports.hostOf)(url);
    if (allowedName(host))
        return;
    if (node_net_1.default.isIP(host)) {
        if (!mayReach(host))
            throw new HostNotAllowed(host);
        return;
    }
    let addresses;
    try {
        addresses = await node_dns_1.default.promises.lookup(host, { all: true });
    }
    catch {
        return;
    }
    if (addresses.some((a) => !mayReach(a.address)))
        throw new HostNotAllowed(host);
}
/**
 * A `lookup` for node's http(s) requests that refuses names resolving to any address the platform may
 * not reach: the address connected to is the one checked, whatever the name resolved to before.
 */
const publicLookup = (hostname, options, callback) => {
    node_dns_1.default.lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err)
            return callback(err, '', 0);
        const list = addresses;
        if (list.length === 0)
            return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        if (!allowedName(hostname) && list.some((a) => !mayReach(a.address))) {
            return callback(Object.assign(new HostNotAllowed(hostname), { errno: 0, syscall: 'lookup' }), '', 0);
        }
        if (options.all)
            return callback(null, list);
        return callback(null, list[0].address, list[0].family);
    });
};
exports.publicLookup = publicLookup;
/** Throws HostNotAllowed for a literal address the platform may not reach (names are checked by `publicLookup`). */
function assertReachableLiteral(url) {
    const host = (0, exports.hostOf)(url);
    if (node_net_1.default.isIP(host) && !allowedName(host) && !mayReach(host))
        throw new HostNotAllowed(host);
}
//# sourceMappingURL=public-host.js.map