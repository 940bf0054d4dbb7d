import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { DeadlineStatus } from "@/components/citizen/deadline-status";
import { Link } from "@/components/locale-link";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { orNotFound } from "@/server/or-not-found";

export default async function MyAppealsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const appeals = await orNotFound((await getCaller()).appeal.mine());
  const t = await getTranslations("citizen.mine");
  const ts = await getTranslations("appeal.status");
  const tk = await getTranslations("appeal.kind");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="actions">
        <Link className="button" href="/appeals/new">
          {t("fileNew")}
        </Link>
      </p>
      {appeals.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="hint">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("body")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col">{t("left")}</th>
              </tr>
            </thead>
            <tbody>
              {appeals.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/appeals/${a.id}`}>{a.number}</Link>
                    <div className="hint">{tk(a.kind)}</div>
                  </th>
                  <td data-label={t("subject")}>{a.subject}</td>
                  <td data-label={t("body")}>{bodyName(a.body, locale)}</td>
                  <td data-label={t("status")}>{ts(a.status)}</td>
                  <td data-label={t("deadline")}>
                    <time dateTime={a.dueAt.toISOString()}>
                      {format.dateTime(a.dueAt, { dateStyle: "medium" })}
                    </time>
                  </td>
                  <td data-label={t("left")}>
                    <DeadlineStatus state={a.deadline} />
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
