import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OpenRoundForm } from "@/components/grading/open-round-form";
import { Link } from "@/components/locale-link";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { addMonths, monthOf } from "@/server/metrics/period";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "grading" });
  return { title: t("title") };
}

/** The auditor's grading rounds, and the form that opens one. */
export default async function GradingRoundsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "auditor") notFound();
  const rounds = await (await getCaller()).grading.rounds();
  const t = await getTranslations("grading");
  const format = await getFormatter();
  const thisMonth = monthOf(new Date());

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t("listTitle")}</h2>
        {rounds.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("round")}</th>
                  <th scope="col">{t("period")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("progress")}</th>
                  <th scope="col">{t("facts.opened")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("round")}>
                      <Link href={`/audit/grading/${r.id}`}>{r.title}</Link>
                    </td>
                    <td data-label={t("period")}>
                      {t("periodValue", { from: r.periodFrom, to: r.periodTo })}
                    </td>
                    <td data-label={t("status")}>{t(`statuses.${r.status}`)}</td>
                    <td data-label={t("progress")}>
                      {t("progressValue", { mine: r.gradedByMe, items: r.items })}
                    </td>
                    <td data-label={t("facts.opened")}>
                      <time dateTime={r.openedAt.toISOString()}>
                        {format.dateTime(r.openedAt, { dateStyle: "medium" })}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t("openTitle")}</h2>
        <p>{t("openLead")}</p>
        <OpenRoundForm defaultFrom={addMonths(thisMonth, -2)} defaultTo={thisMonth} />
      </section>
    </>
  );
}
