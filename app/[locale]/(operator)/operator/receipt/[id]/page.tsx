import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { PrintButton } from "@/components/operator/print-button";
import { ReceiptAccessCode } from "@/components/operator/receipt-access-code";
import { asLocale } from "@/i18n/routing";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { publicBaseUrl } from "@/server/http/public-base-url";

type Props = { params: Promise<{ locale: string; id: string }> };

/**
 * The receipt of an assisted filing. It prints in the citizen's language, which may differ from the
 * operator's screen; the operator's own notes and buttons stay in the screen's language and do not print.
 * Opened again from the list of filings it reprints, without the code (only its hash is kept), and a new
 * code can be issued from it.
 */
export default async function ReceiptPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "operator") notFound();
  const receipt = await (await getCaller()).operator.receipt({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  });
  const citizen = asLocale(receipt.locale);
  const t = await getTranslations({ locale: citizen, namespace: "operator.receipt" });
  const ta = await getTranslations({ locale: citizen, namespace: "appeal" });
  const format = await getFormatter({ locale: citizen });
  const screen = await getTranslations("operator.receipt");
  const tl = await getTranslations("language");
  const trackUrl = `${publicBaseUrl()}/${citizen}/track`;

  return (
    <article className="narrow receipt" lang={citizen}>
      <div className="no-print" lang={locale}>
        <p role="note" className="alert alert-error">
          {screen("operatorWarning")}
        </p>
        <p className="hint">{screen("printsIn", { language: tl(`name.${citizen}`) })}</p>
      </div>
      <h1>{t("heading")}</h1>
      <dl className="facts">
        <dt>{t("number")}</dt>
        <dd>
          <strong>{receipt.number}</strong>
        </dd>
        <dt>{t("filedAt")}</dt>
        <dd>{format.dateTime(receipt.filedAt, { dateStyle: "long", timeStyle: "short" })}</dd>
        <dt>{t("applicant")}</dt>
        <dd>{receipt.applicantName}</dd>
        <dt>{t("kind")}</dt>
        <dd>{ta(`kind.${receipt.kind}`)}</dd>
        <dt>{t("subject")}</dt>
        <dd>{receipt.subject}</dd>
        <dt>{t("body")}</dt>
        <dd>{bodyName(receipt.body, citizen)}</dd>
        <dt>{t("dueAt")}</dt>
        <dd>
          {t("dueAtNote", {
            dueAt: format.dateTime(receipt.dueAt, { dateStyle: "long", timeStyle: "short" }),
          })}
        </dd>
      </dl>
      <div lang={locale}>
        <ReceiptAccessCode
          appealId={receipt.id}
          printed={{ lang: citizen, heading: t("code"), note: t("codeNote") }}
        />
      </div>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("howTitle")}</h2>
        <p>{t("howOnline", { url: trackUrl })}</p>
        <p>{t("howInPerson")}</p>
        <p>{t("deadlineRule")}</p>
      </section>
      <div className="actions no-print" lang={locale}>
        <PrintButton label={screen("print")} />
        <Link href="/operator/file">{screen("fileAnother")}</Link>
      </div>
    </article>
  );
}
