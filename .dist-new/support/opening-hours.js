"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIVE_CHAT_HOURS = void 0;
exports.parisOffset = parisOffset;
exports.frenchHolidays = frenchHolidays;
exports.isOpen = isOpen;
exports.nextOpening = nextOpening;
exports.liveChatHours = liveChatHours;
const OPENS = 8 * 60 + 30;
const CLOSES = 18 * 60 + 30;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The Sunday on or before the last day of a month, at 01:00 UTC: when Europe's clocks change. */
function lastSundayOneUtc(year, month) {
    const last = Date.UTC(year, month + 1, 0, 1);
    return last - new Date(last).getUTCDay() * DAY;
}
/** Paris offset from UTC at an instant: +2 h between the last Sundays of March and October, else +1 h. */
function parisOffset(at) {
    const year = new Date(at).getUTCFullYear();
    return at >= lastSundayOneUtc(year, 2) && at < lastSundayOneUtc(year, 9) ? 2 * HOUR : HOUR;
}
/** Easter Sunday (Gregorian, anonymous algorithm) as a UTC midnight. */
function easter(year) {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const d = Math.floor(b / 4);
    const e = b % 4;
    const f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4);
    const k = c % 4;
    const l = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    const day = ((h + l - 7 * m + 114) % 31) + 1;
    return Date.UTC(year, month - 1, day);
}
const isoDay = (utcMidnight) => new Date(utcMidnight).toISOString().slice(0, 10);
/** The French public holidays of a year (jours fériés), YYYY-MM-DD. */
function frenchHolidays(year) {
    const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((d) => `${year}-${d}`);
    const e = easter(year);
    // Easter Monday, Ascension Thursday, Whit Monday.
    return [...fixed, ...[1, 39, 50].map((n) => isoDay(e + n * DAY))].sort();
}
/** Whether advisors are on duty at this instant (ms since the epoch). */
function isOpen(at, hours = {}) {
    const paris = new Date(at + parisOffset(at));
    const weekday = paris.getUTCDay();
    if (weekday === 0 || weekday === 6)
        return false;
    const day = paris.toISOString().slice(0, 10);
    if (frenchHolidays(paris.getUTCFullYear()).includes(day) || hours.extraHolidays?.includes(day))
        return false;
    const minutes = paris.getUTCHours() * 60 + paris.getUTCMinutes();
    return minutes >= OPENS && minutes < CLOSES;
}
/** The next opening instant at or after `at` (ms since the epoch): for "a conseiller answers from ...". */
function nextOpening(at, hours = {}) {
    // Steps of 30 minutes land exactly on 8:30; a year ahead is far more than any closure lasts.
    let t = Math.ceil(at / (30 * 60_000)) * 30 * 60_000;
    for (let i = 0; i < 2 * 24 * 366 && !isOpen(t, hours); i++)
        t += 30 * 60_000;
    return t;
}
/** The live chat's hours as users read them. */
exports.LIVE_CHAT_HOURS = 'du lundi au vendredi, de 8 h 30 à 18 h 30 (heure de Paris, hors jours fériés)';
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
];
function liveChatHours(at, hours = {}) {
    const next = nextOpening(at, hours);
    const paris = new Date(next + parisOffset(next));
    const minutes = paris.getUTCMinutes();
    return {
        hours: exports.LIVE_CHAT_HOURS,
        open: isOpen(at, hours),
        nextOpening: new Date(next).toISOString(),
        nextOpeningText: `${WEEKDAYS[paris.getUTCDay()]} ${paris.getUTCDate()} ${MONTHS[paris.getUTCMonth()]} à ${paris.getUTCHours()} h${minutes ? ` ${String(minutes).padStart(2, '0')}` : ''}`,
    };
}
//# sourceMappingURL=opening-hours.js.map