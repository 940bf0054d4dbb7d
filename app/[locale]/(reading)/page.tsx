import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("home");
  const sections = ["file", "follow", "watch"] as const;
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <div className="cards">
        {sections.map((s) => (
          <section key={s} className="card" aria-labelledby={`home-${s}`}>
            <h2 id={`home-${s}`}>{t(`${s}Title`)}</h2>
            <p>{t(`${s}Text`)}</p>
          </section>
        ))}
      </div>
      <p className="actions">
        <Link className="button" href="/register">
          {t("getStarted")}
        </Link>
        <Link href="/sign-in">{t("haveAccount")}</Link>
      </p>
    </>
  );
}
