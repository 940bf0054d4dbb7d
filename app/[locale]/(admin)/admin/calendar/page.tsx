import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CalendarDayForm } from "@/components/admin/calendar-day-form";
import { RemoveCalendarDayButton } from "@/components/admin/remove-calendar-day-button";
import { requireUser } from "@/server/auth/require-user";
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "@/server/calendar/calendar-years";
import { getCaller } from "@/server/caller";
import { almatyDate } from "@/server/deadlines/working-calendar";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ year?: string }> };

// Noon UTC of a calendar date is the same date in Kazakhstan, whatever the server's time-zone data says.
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

export default async function CalendarPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "admin") notFound();
  const thisYear = Number(almatyDate(new Date()).slice(0, 4));
  const requested = Number((await searchParams).year ?? thisYear);
  const year =
    Number.isInteger(requested) && requested >= FIRST_CALENDAR_YEAR && requested <= LAST_CALENDAR_YEAR
      ? requested
      : thisYear;
  const caller = await getCaller();
  const [days, facts] = await Promise.all([
    caller.admin.calendarDays({ year }),
    caller.admin.calendarYear({ year }),
  ]);
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const years: number[] = [];
  for (let y = FIRST_CALENDAR_YEAR; y <= Math.min(LAST_CALENDAR_YEAR, Math.max(year, thisYear) + 10); y++) {
    years.push(y);
  }

  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="lead">{t("calendar.lead")}</p>
      <p className="alert alert-ok">{t("changeNote")}</p>
      <form method="get" className="actions">
        <div className="field">
          <label htmlFor="calendar-year">{t("calendar.yearLabel")}</label>
          <select id="calendar-year" name="year" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("calendar.show")}
        </button>
      </form>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("calendar.statusTitle", { year })}</h2>
        <p className={facts.status === "confirmed" ? "alert alert-ok" : "alert alert-warn"}>
          {facts.status === "confirmed"
            ? t("calendar.statusConfirmed", { year })
            : facts.status === "provisional"
              ? t("calendar.statusProvisional", { year })
              : t("calendar.statusNone", { year })}
        </p>
        {facts.sources.length > 0 && (
          <>
            <h3>{t("calendar.sourcesTitle")}</h3>
            <ul>
              {facts.sources.map((s) => (
                <li key={s.url}>
                  {/* The sources are described in English in the data file: marked so, for screen readers. */}
                  <a href={s.url} rel="noopener noreferrer" lang="en">
                    {s.title}
                  </a>{" "}
                  (<span lang="en">{s.issuer}</span>
                  {s.number ? `, № ${s.number}` : ""}
                  {s.published
                    ? `, ${t("calendar.published", { date: format.dateTime(noonOf(s.published), { dateStyle: "long" }) })}`
                    : ""}
                  )
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="days-heading">
        <h2 id="days-heading">{t("calendar.listTitle", { year })}</h2>
        {days.length === 0 ? (
          <p>{t("calendar.empty", { year })}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("calendar.date")}</th>
                  <th scope="col">{t("calendar.weekday")}</th>
                  <th scope="col">{t("calendar.kind")}</th>
                  <th scope="col">{t("calendar.name")}</th>
                  <th scope="col">{t("calendar.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => {
                  const label = format.dateTime(noonOf(d.date), { dateStyle: "long" });
                  return (
                    <tr key={d.date}>
                      <th scope="row">
                        <time dateTime={d.date}>{label}</time>
                      </th>
                      <td data-label={t("calendar.weekday")}>
                        {format.dateTime(noonOf(d.date), { weekday: "long" })}
                      </td>
                      <td data-label={t("calendar.kind")}>{t(`calendar.kinds.${d.kind}`)}</td>
                      <td data-label={t("calendar.name")}>{d.name}</td>
                      <td data-label={t("calendar.actions")}>
                        <RemoveCalendarDayButton date={d.date} label={label} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="add-heading" className="narrow">
        <h2 id="add-heading">{t("calendar.addTitle")}</h2>
        <p>{t("calendar.addLead")}</p>
        <CalendarDayForm />
      </section>
    </>
  );
}
