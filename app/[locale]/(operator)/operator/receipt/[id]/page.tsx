import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { bodyName } from "@/components/localized";
import { PrintButton } from "@/components/operator/print-button";
import { ReceiptAccessCode } from "@/components/operator/receipt-access-code";
import { Link } from "@/i18n/navigation";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";

type Props = { params: Promise<{ locale: string; id: string }> };

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
  const t = await getTranslations("operator.receipt");
  const ta = await getTranslations("appeal");
  const format = await getFormatter();
  const trackUrl = `${process.env.NEXTAUTH_URL ?? ""}/${locale}/track`;

  return (
    <article className="narrow receipt">
      <p role="note" className="alert alert-error no-print">
        {t("operatorWarning")}
      </p>
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
        <dd>{bodyName(receipt.body, locale)}</dd>
        <dt>{t("dueAt")}</dt>
        <dd>
          {t("dueAtNote", {
            dueAt: format.dateTime(receipt.dueAt, { dateStyle: "long", timeStyle: "short" }),
          })}
        </dd>
      </dl>
      <ReceiptAccessCode appealId={receipt.id} />
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("howTitle")}</h2>
        <p>{t("howOnline", { url: trackUrl })}</p>
        <p>{t("howInPerson")}</p>
        <p>{t("deadlineRule")}</p>
      </section>
      <div className="actions no-print">
        <PrintButton label={t("print")} />
        <Link href="/operator/file">{t("fileAnother")}</Link>
      </div>
    </article>
  );
}
