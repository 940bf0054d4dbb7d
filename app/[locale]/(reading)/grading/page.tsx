import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { getCaller } from "@/server/caller";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "grading.public" });
  return { title: t("title") };
}

/** Closed grading rounds, for anyone. */
export default async function PublishedRoundsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const rounds = await (await getCaller()).grading.publishedRounds();
  const t = await getTranslations("grading");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("public.title")}</h1>
      <p className="lead">{t("public.lead")}</p>
      {rounds.length === 0 ? (
        <p>{t("public.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("public.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("round")}</th>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("public.closedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("round")}>
                    <Link href={`/grading/${r.id}`}>{r.title}</Link>
                  </td>
                  <td data-label={t("period")}>{t("periodValue", { from: r.periodFrom, to: r.periodTo })}</td>
                  <td data-label={t("public.closedAt")}>
                    {r.closedAt && (
                      <time dateTime={r.closedAt.toISOString()}>
                        {format.dateTime(r.closedAt, { dateStyle: "medium" })}
                      </time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
