import { ALMATY_UTC_OFFSET_MINUTES } from "../deadlines/working-calendar";
import { Open311Error } from "./open311-response";
import { isServiceCode, type ServiceCode } from "./services";

const DAY = 86_400_000;
/** GeoReport v2: "may not span more than 90 days"; without dates, the most recent 90 days. */
export const MAX_SPAN_DAYS = 90;
/** GeoReport v2: "first 1000 requests returned". */
export const MAX_REQUESTS = 1000;

export type Open311Status = "open" | "closed";

export type RequestFilters =
  | { kind: "ids"; numbers: string[] }
  | {
      kind: "search";
      serviceCodes: ServiceCode[] | null;
      statuses: Open311Status[] | null;
      from: Date;
      to: Date;
    };

// W3C-DTF: a complete date, or a date and time with a time zone (Z or ±hh:mm).
const W3_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads a W3C datetime. A bare date is a whole day in Kazakhstan: its start for start_date, its end for
 * end_date. A '+' of an offset that the client forgot to percent-encode arrives as a space, and is read
 * as the '+' it was.
 */
export function parseW3Datetime(raw: string, edge: "start" | "end"): Date | null {
  const text = raw.trim().replace(/ (\d{2}:\d{2})$/, "+$1");
  const m = W3_DATETIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  if (h === undefined) {
    const startOfDay = date.getTime() - ALMATY_UTC_OFFSET_MINUTES * 60_000;
    return new Date(edge === "start" ? startOfDay : startOfDay + DAY - 1);
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const ms = fraction ? `.${fraction.slice(0, 3).padEnd(3, "0")}` : "";
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${ms}${zone}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** A W3C datetime in Kazakhstan time, e.g. 2026-03-05T10:15:00+05:00, as the jurisdiction's clocks show. */
export function w3Datetime(instant: Date): string {
  const local = new Date(instant.getTime() + ALMATY_UTC_OFFSET_MINUTES * 60_000);
  const offset = `+${String(ALMATY_UTC_OFFSET_MINUTES / 60).padStart(2, "0")}:00`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

// "Optional" in GeoReport v2: an empty parameter is the same as an absent one.
function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** The GET requests arguments, checked: a wrong one is a 400 that names it, never a silent default. */
export function parseRequestFilters(params: URLSearchParams, now: Date): RequestFilters {
  const numbers = list(params, "service_request_id");
  // "This overrides all other arguments."
  if (numbers.length > 0) {
    if (numbers.length > MAX_REQUESTS) {
      throw new Open311Error(400, `At most ${MAX_REQUESTS} service_request_id values at once.`);
    }
    return { kind: "ids", numbers };
  }
  const codes = list(params, "service_code");
  const unknownCode = codes.find((c) => !isServiceCode(c));
  if (unknownCode !== undefined) {
    throw new Open311Error(400, `service_code "${unknownCode}" is not a service; see services.json.`);
  }
  const statuses = list(params, "status");
  const badStatus = statuses.find((s) => s !== "open" && s !== "closed");
  if (badStatus !== undefined)
    throw new Open311Error(400, `status must be open or closed, not "${badStatus}".`);

  const date = (name: "start_date" | "end_date") => {
    const raw = params.get(name)?.trim();
    if (!raw) return null;
    const parsed = parseW3Datetime(raw, name === "start_date" ? "start" : "end");
    if (!parsed) throw new Open311Error(400, `${name} must be a W3C datetime such as 2026-01-01T00:00:00Z.`);
    return parsed;
  };
  const start = date("start_date");
  const end = date("end_date");
  const span = MAX_SPAN_DAYS * DAY;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to.getTime() < from.getTime()) throw new Open311Error(400, "end_date is before start_date.");
  if (to.getTime() - from.getTime() > span) {
    throw new Open311Error(400, `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days.`);
  }
  return {
    kind: "search",
    serviceCodes: codes.length > 0 ? (codes as ServiceCode[]) : null,
    statuses: statuses.length > 0 ? (statuses as Open311Status[]) : null,
    from,
    to,
  };
}
