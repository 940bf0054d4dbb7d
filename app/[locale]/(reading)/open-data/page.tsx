import { headers } from "next/headers";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import styles from "@/components/open-data/open-data.module.css";
import { getCaller } from "@/server/caller";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "openData" });
  return { title: t("title") };
}

export default async function OpenDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const caller = await getCaller();
  const [snapshots, registers] = await Promise.all([
    caller.openData.snapshots(),
    caller.openData.registers(),
  ]);
  const t = await getTranslations("openData");
  const tr = await getTranslations("openData.registers");
  const format = await getFormatter();
  // The command names this very site, as the reader reached it.
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const proto = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  const origin = `${proto}://${host}`;
  const example = snapshots[0]?.date ?? "YYYY-MM-DD";
  const kb = (bytes: number) => format.number(Math.max(bytes / 1024, 0.1), { maximumFractionDigits: 1 });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t("verifyTitle")}</h2>
        <p>{t("verifyLead")}</p>
        <p>
          <code className={styles.command}>{`npm run verify-snapshot -- ${origin} ${example}`}</code>
        </p>
        <p>
          {t("machineList")} {/* Outside the locale routes: a plain link, not the localized one. */}
          <a href="/open-data/index.json">
            <code>/open-data/index.json</code>
          </a>
        </p>
      </section>

      {snapshots.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("files")}</th>
                <th scope="col">{t("manifest")}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.date}>
                  <th scope="row">
                    <time dateTime={s.date}>{s.date}</time>
                  </th>
                  <td>
                    <ul className={styles.files}>
                      {s.files.map((f) => (
                        <li key={f.path}>
                          <a href={`/open-data/${s.date}/${f.path}`}>
                            <code>{f.path}</code>
                          </a>{" "}
                          ({t("size", { kb: kb(f.size) })})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <a href={`/open-data/${s.date}/manifest.json`}>
                      <code>manifest.json</code>
                    </a>
                    <br />
                    <small className={styles.command}>{t("keyId", { keyId: s.keyId })}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="registers">
        <h2 id="registers">{tr("title")}</h2>
        <p>{tr("lead")}</p>
        {registers.length === 0 ? (
          <p>{tr("empty")}</p>
        ) : (
          <ul>
            {registers.map((r) => (
              <li key={r.source}>
                <Link href={`/open-data/registers/${encodeURIComponent(r.source)}`}>{r.source}</Link> (
                {tr("imported", { date: format.dateTime(r.importedAt, { dateStyle: "long" }) })})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
