import { addCalendarDays, type IsoDate, type WorkingCalendar } from "@/server/deadlines/working-calendar";

/**
 * SQL functions for the generator's set-based date arithmetic, with the working-day calendar baked in as
 * constant arrays: each is a one-expression SQL function, which PostgreSQL inlines into the query, so a
 * million rows compute their deadlines without a single lookup. They mirror working-calendar.ts and
 * deadline-policy.ts (Almaty at UTC+5, terms counted from the day after, ends of days at 23:59:59.999).
 */
export function calendarFunctionsSql(o: {
  calendar: WorkingCalendar;
  from: IsoDate;
  to: IsoDate;
  terms: Record<string, number>;
  seed: number;
}): string[] {
  const ordinals: number[] = [];
  const workingDays: IsoDate[] = [];
  for (let d = o.from; d <= o.to; d = addCalendarDays(d, 1)) {
    if (o.calendar.isWorkingDay(d)) workingDays.push(d);
    ordinals.push(workingDays.length);
  }
  const terms = Object.entries(o.terms)
    .map(([kind, days]) => `when '${kind}' then ${Number(days)}`)
    .join(" ");
  const fn = (signature: string, returns: string, body: string) =>
    `create or replace function pg_temp.${signature} returns ${returns} language sql immutable as $fn$ select ${body} $fn$`;
  return [
    // A uniform number in [0, 1) for row n and draw k: reproducible for a seed, computed, never stored.
    fn(
      "u(n bigint, k int)",
      "float8",
      `((hashint8extended(n * 131 + k, ${Math.trunc(o.seed)}) & 4503599627370495)::float8 / 4503599627370496.0)`,
    ),
    // Working days in [from, d]; the n-th working day from `from`.
    fn("ord(d date)", "int", `('{${ordinals.join(",")}}'::int[])[d - date '${o.from}' + 1]`),
    fn("wday(o int)", "date", `('{${workingDays.join(",")}}'::date[])[o]`),
    fn("add_wd(d date, n int)", "date", "pg_temp.wday(pg_temp.ord(d) + n)"),
    fn("wd_between(a date, b date)", "int", "pg_temp.ord(b) - pg_temp.ord(a)"),
    fn("is_wd(d date)", "boolean", "pg_temp.ord(d) > pg_temp.ord(d - 1)"),
    fn("on_or_after(d date)", "date", "pg_temp.wday(pg_temp.ord(d - 1) + 1)"),
    fn("ld(t timestamptz)", "date", "(t at time zone 'UTC' + interval '5 hours')::date"),
    fn(
      "eod(d date)",
      "timestamptz",
      "((d + 1)::timestamp - interval '5 hours 0.001 seconds') at time zone 'UTC'",
    ),
    fn(
      "at_min(d date, m float8)",
      "timestamptz",
      "(d::timestamp + make_interval(secs => m * 60) - interval '5 hours') at time zone 'UTC'",
    ),
    // An official acts in office hours, 09:00 to 17:30.
    fn("office(d date, u float8)", "timestamptz", "pg_temp.at_min(d, 540 + floor(u * 510))"),
    // registrationDate(): the same day before 18:30 on a working day, else the next working day.
    fn(
      "reg_date(t timestamptz)",
      "date",
      "case when pg_temp.is_wd(pg_temp.ld(t)) and (t at time zone 'UTC' + interval '5 hours')::time < time '18:30' then pg_temp.ld(t) else pg_temp.add_wd(pg_temp.ld(t), 1) end",
    ),
    fn("term(kind text)", "int", `case kind ${terms} end`),
    fn("iso(t timestamptz)", "text", `to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  ];
}
