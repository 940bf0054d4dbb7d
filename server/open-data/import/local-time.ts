/**
 * Times as a register writes them, in its own time zone, turned into instants. The zone is an IANA name
 * ("Asia/Almaty", "America/Los_Angeles") and the offsets come from the tz database Node ships, so history is
 * right: Asia/Almaty was UTC+6 until 00:00 on 1 March 2024, when Kazakhstan moved to one zone, UTC+5
 * (amendments to the Government decree on the calculation of time, announced 19 January 2024 by the Ministry
 * of Trade and Integration: interfax.com/newsroom/top-stories/98581, astanatimes.com 2024-01-22).
 * import-register.test.ts checks times on each side of that night.
 */
export type TimeFormat = "iso" | "us";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
// "03/01/2024 02:15:00 PM", as US 311 exports (Socrata) write them.
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const offsets = new Map<string, number>();
const OFFSETS_MAX = 500_000;
const QUARTER_HOUR = 900_000;

/**
 * The zone's offset from UTC at an instant, in minutes (east positive). Asking Intl costs tens of
 * microseconds, a million rows ask it millions of times: offsets are remembered per quarter hour, the
 * finest step at which any zone changes them.
 */
function offsetMinutes(timeZone: string, instant: number): number {
  const key = `${timeZone} ${Math.floor(instant / QUARTER_HOUR)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = askOffset(timeZone, Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR);
  if (offsets.size >= OFFSETS_MAX) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function askOffset(timeZone: string, instant: number): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Whether the name is a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A wall-clock time in `timeZone` as an instant; a time written with its own offset keeps it. Null when
 * the text is no time of the format, or names a day that does not exist (31 February).
 */
export function parseLocalTime(text: string, format: TimeFormat, timeZone: string): Date | null {
  const t = text.trim();
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0;
  let zone: string | undefined;
  if (format === "iso") {
    const m = ISO.exec(t);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    zone = m[7];
  } else {
    const m = US.exec(t);
    if (!m) return null;
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    const half = m[7]?.toUpperCase();
    if (half) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (half === "PM" ? 12 : 0);
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (zone) {
    if (zone === "Z") return new Date(wall);
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone);
    if (!z) return null;
    return new Date(wall - (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000);
  }
  // The offsets in force a day either side cover any change; a candidate is right if the zone has that
  // offset at it. Two right ones: the hour repeated when clocks go back (Almaty's 23:00–23:59 on
  // 29 February 2024), read as its first occurrence. None: the hour skipped when clocks go forward, read
  // with the offset before the change.
  const before = offsetMinutes(timeZone, wall - DAY);
  const after = offsetMinutes(timeZone, wall + DAY);
  const valid = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => offsetMinutes(timeZone, instant) * 60_000 === wall - instant)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? wall - before * 60_000);
}

const DAY = 86_400_000;

/** The calendar day ("YYYY-MM-DD") an instant falls on in `timeZone`, with the offset in force then. */
export function localDate(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  return new Date(t + offsetMinutes(timeZone, t) * 60_000).toISOString().slice(0, 10);
}
