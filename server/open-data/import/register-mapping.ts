import { createHash } from "node:crypto";
import { z } from "zod";
import { isTimeZone, localDate, parseLocalTime } from "./local-time";

/**
 * The mapping file of `npm run import`: which column of the register holds what, and how its times are
 * written (docs/open-data.md). Only `id`, `filedAt` and `agency` are required.
 */
export const RegisterMapping = z.strictObject({
  source: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, . _ -"),
  timeZone: z.string().refine(isTimeZone, "an IANA time zone such as Asia/Almaty"),
  timeFormat: z.enum(["iso", "us"]).default("iso"),
  columns: z.strictObject({
    id: z.string().min(1),
    filedAt: z.string().min(1),
    agency: z.string().min(1),
    dueAt: z.string().min(1).optional(),
    closedAt: z.string().min(1).optional(),
    status: z.string().min(1).optional(),
    serviceType: z.string().min(1).optional(),
    outcome: z.string().min(1).optional(),
    latitude: z.string().min(1).optional(),
    longitude: z.string().min(1).optional(),
  }),
});
export type RegisterMapping = z.infer<typeof RegisterMapping>;

/** The years a register's times may fall in. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;

export type ImportedRow = {
  source: string;
  externalId: string;
  filedAt: Date;
  /** The register's own calendar days of filing and closing, in its time zone. */
  filedOn: string;
  dueAt: Date | null;
  closedAt: Date | null;
  closedOn: string | null;
  status: string | null;
  agency: string;
  serviceType: string | null;
  outcome: string | null;
  latitude: number | null;
  longitude: number | null;
  rowHash: string;
};

export type RowVerdict = { ok: true; row: ImportedRow } | { ok: false; id: string | null; reason: string };

/** One record of the register, mapped and checked; a refusal says why, in words a person can act on. */
export function mapRecord(record: Record<string, unknown>, m: RegisterMapping): RowVerdict {
  const cell = (column: string | undefined) => {
    if (!column) return null;
    const v = record[column];
    const s = v === undefined || v === null ? "" : String(v).trim();
    return s === "" ? null : s;
  };
  const id = cell(m.columns.id);
  const refuse = (reason: string): RowVerdict => ({ ok: false, id, reason });
  if (!id) return refuse(`no id in column "${m.columns.id}"`);
  const time = (name: "filedAt" | "dueAt" | "closedAt") => {
    const raw = cell(m.columns[name]);
    if (raw === null) return { value: null };
    const value = parseLocalTime(raw, m.timeFormat, m.timeZone);
    // A year outside these is a typing error in a register of appeals, and would stretch the working-day
    // calendar of its figures over centuries.
    const year = value?.getUTCFullYear() ?? 0;
    return value && year >= FIRST_YEAR && year <= LAST_YEAR
      ? { value }
      : { error: `bad date in ${name}: "${raw}"` };
  };
  const filed = time("filedAt");
  if ("error" in filed) return refuse(filed.error ?? "");
  if (!filed.value) return refuse(`no filing time in column "${m.columns.filedAt}"`);
  const due = time("dueAt");
  if ("error" in due) return refuse(due.error ?? "");
  const closed = time("closedAt");
  if ("error" in closed) return refuse(closed.error ?? "");
  if (closed.value && closed.value < filed.value) return refuse("closed before it was filed");
  const agency = cell(m.columns.agency);
  if (!agency) return refuse(`unknown body: column "${m.columns.agency}" is empty`);
  const coordinate = (name: "latitude" | "longitude", limit: number) => {
    const raw = cell(m.columns[name]);
    if (raw === null) return { value: null };
    const value = Number(raw);
    return Number.isFinite(value) && Math.abs(value) <= limit
      ? { value }
      : { error: `bad ${name}: "${raw}"` };
  };
  const lat = coordinate("latitude", 90);
  if ("error" in lat) return refuse(lat.error ?? "");
  const long = coordinate("longitude", 180);
  if ("error" in long) return refuse(long.error ?? "");
  const row = {
    source: m.source,
    externalId: id,
    filedAt: filed.value,
    filedOn: localDate(filed.value, m.timeZone),
    dueAt: due.value,
    closedAt: closed.value,
    closedOn: closed.value ? localDate(closed.value, m.timeZone) : null,
    status: cell(m.columns.status),
    agency,
    serviceType: cell(m.columns.serviceType),
    outcome: cell(m.columns.outcome),
    latitude: lat.value,
    longitude: long.value,
  };
  const rowHash = createHash("sha256").update(JSON.stringify(row)).digest("hex");
  return { ok: true, row: { ...row, rowHash } };
}
