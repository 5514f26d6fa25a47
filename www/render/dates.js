// Civil dates for the pages' pictures and examples (the rules themselves are the module's): ISO "YYYY-MM-DD" in,
// ISO out, day numbers for arithmetic, and the two ways the pages write a date. Shared by the bespoke pages.

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isoOf = (y, m, d) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar date as "YYYY-MM-DD" from an ISO string or a date input's parts (month names too), else null. */
export function toIso(v) {
  let y;
  let m;
  let d;
  if (typeof v === 'string') {
    const match = ISO.exec(v.trim());
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (v && typeof v === 'object' && !Array.isArray(v)) {
    const num = (s) => (/^\s*\d+\s*$/.test(String(s ?? '')) ? Number(s) : NaN);
    if (String(v.year ?? '').trim().length !== 4) return null;
    [y, m, d] = [num(v.year), num(v.month), num(v.day)];
    if (Number.isNaN(m)) {
      const name = String(v.month ?? '').trim().toLowerCase();
      const i = name.length >= 3 ? MONTHS.findIndex((n) => n.toLowerCase().startsWith(name.slice(0, 3))) : -1;
      m = i >= 0 ? i + 1 : NaN;
    }
  } else return null;
  if (![y, m, d].every(Number.isInteger) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}

/** Days since 1970-01-01 of an ISO date, or null. */
export function dayNumber(iso) {
  const m = ISO.exec(iso ?? '');
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000) : null;
}

export function fromDayNumber(n) {
  const t = new Date(n * 86400000);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export const addDays = (iso, n) => (dayNumber(iso) === null ? null : fromDayNumber(dayNumber(iso) + n));

/** Calendar months, clamped at month ends (31 January + 1 month = 28 or 29 February), as the module does. */
export function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** "2 June 2025" (anything else as given). */
export function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(iso ?? '');
}

/** "2 Jun 2025" (anything else as given). */
export function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1].slice(0, 3)} ${m[1]}` : String(iso ?? '');
}
