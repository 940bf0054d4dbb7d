import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import { RegisterFiguresView } from "@/components/open-data/register-figures";
import { getCaller } from "@/server/caller";

type Props = { params: Promise<{ locale: string; source: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale, source } = await params;
  const t = await getTranslations({ locale, namespace: "openData.registers" });
  return { title: t("pageTitle", { source }) };
}

export default async function RegisterPage({ params }: Props) {
  const { locale, source } = await params;
  setRequestLocale(locale);
  const figures = await (await getCaller()).openData.register({ source }).catch((error: unknown) => {
    // An unknown register, or a name no register could have.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  });
  const t = await getTranslations("openData.registers");
  const format = await getFormatter();
  const query = `source=${encodeURIComponent(figures.source)}`;

  return (
    <>
      <h1>{t("pageTitle", { source: figures.source })}</h1>
      <p className="lead">
        {t("pageLead", {
          date: format.dateTime(new Date(figures.importedAt), { dateStyle: "long" }),
          timeZone: figures.timeZone,
        })}
      </p>
      {figures.firstDay && figures.lastDay && (
        <p>{t("span", { first: figures.firstDay, last: figures.lastDay })}</p>
      )}
      <RegisterFiguresView figures={figures} />
      <section className={styles.section} aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("downloads")}</h2>
        <ul className={styles.downloads}>
          <li>
            <a href={`/api/exports/register-figures.csv?${query}`}>{t("csv")}</a>
          </li>
          <li>
            <a href={`/api/exports/register-figures.json?${query}`}>{t("json")}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
