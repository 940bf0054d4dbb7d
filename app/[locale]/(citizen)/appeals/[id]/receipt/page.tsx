import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/citizen/citizen.module.css";
import { localDay } from "@/components/citizen/local-day";
import { PrintButton } from "@/components/citizen/print-button";
import { Link } from "@/components/locale-link";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export default async function ReceiptPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const view = await orNotFound((await getCaller()).appeal.get({ id }));
  const t = await getTranslations("citizen.receipt");
  const tk = await getTranslations("appeal.kind");
  const format = await getFormatter();
  const { appeal } = view;
  const body = view.body ? bodyName(view.body, locale) : "";
  const due = format.dateTime(appeal.dueAt, { dateStyle: "long" });
  return (
    <>
      <h1>{t("title")}</h1>
      <section className={styles.receipt} aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t("registered")}</h2>
        <dl className={`facts ${styles.facts}`}>
          <dt>{t("number")}</dt>
          <dd>
            <strong>{appeal.number}</strong>
          </dd>
          <dt>{t("registeredOn")}</dt>
          <dd>
            <time dateTime={appeal.registeredOn}>
              {format.dateTime(localDay(appeal.registeredOn), { dateStyle: "long" })}
            </time>
          </dd>
          <dt>{t("filedAt")}</dt>
          <dd>
            <time dateTime={appeal.filedAt.toISOString()}>
              {format.dateTime(appeal.filedAt, { dateStyle: "long", timeStyle: "short" })}
            </time>
          </dd>
          <dt>{t("body")}</dt>
          <dd>{body}</dd>
          <dt>{t("kind")}</dt>
          <dd>{tk(appeal.kind)}</dd>
          <dt>{t("subject")}</dt>
          <dd>{appeal.subject}</dd>
          <dt>{t("deadline")}</dt>
          <dd>
            <strong>
              <time dateTime={appeal.dueAt.toISOString()}>{due}</time>
            </strong>
          </dd>
        </dl>
        <p>{t("promise", { body, date: due })}</p>
        <p>{t("silence")}</p>
        <p className="hint">{t("emailed")}</p>
      </section>
      <p className={`actions ${styles.noPrint}`}>
        <PrintButton label={t("print")} />
        <Link href={`/appeals/${appeal.id}`}>{t("open")}</Link>
        <Link href="/appeals">{t("mine")}</Link>
      </p>
    </>
  );
}
