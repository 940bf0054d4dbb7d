import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/grading/grading.module.css";
import { Link } from "@/components/locale-link";
import { logEntryHref } from "@/components/moderation/log-links";
import type { Locale } from "@/i18n/routing";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "grading.public" });
  return { title: t("title") };
}

/** A closed round's results: agreement, per-body shares with intervals beside measured figures, the seed. */
export default async function PublishedRoundPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const round = await orNotFound((await getCaller()).grading.publishedRound({ roundId: id }));
  const t = await getTranslations("grading");
  const format = await getFormatter();
  const lang = locale as Locale;
  const pct = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const num = (v: number | null, digits = 2) =>
    v === null ? "—" : format.number(v, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const labelOf = (key: string) => round.rubric.find((r) => r.key === key)?.label[lang] ?? key;
  const maxOf = (key: string) => round.rubric.find((r) => r.key === key)?.scale.at(-1)?.value ?? 0;
  const confidence = Math.round(round.confidence * 100);

  return (
    <>
      <h1>{round.title}</h1>
      <p className="lead">
        {t("public.roundLead", {
          from: round.periodFrom,
          to: round.periodTo,
          margin: Math.round(round.marginOfError * 1000) / 10,
          confidence,
        })}
      </p>

      <section aria-labelledby="agreement-heading" className={styles.section}>
        <h2 id="agreement-heading">{t("public.agreementTitle")}</h2>
        <p>{t("public.agreementLead")}</p>
        <div className="table-wrap">
          <table>
            <caption>{t("public.agreementCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("public.item")}</th>
                <th scope="col">{t("public.method")}</th>
                <th scope="col">{t("public.value")}</th>
                <th scope="col">{t("public.disagreements")}</th>
                <th scope="col">{t("public.flag")}</th>
              </tr>
            </thead>
            <tbody>
              {round.agreement.map((a) => (
                <tr key={a.key}>
                  <th scope="row" data-label={t("public.item")}>
                    {labelOf(a.key)}
                  </th>
                  <td data-label={t("public.method")}>{t(`public.methods.${a.method}`)}</td>
                  <td data-label={t("public.value")}>
                    {a.value === null ? t("public.undefined") : num(a.value)}
                  </td>
                  <td data-label={t("public.disagreements")}>{a.disagreements}</td>
                  <td data-label={t("public.flag")}>
                    {a.flagged ? <strong>{t("public.flagged")}</strong> : t("public.agree")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="results-heading" className={styles.section}>
        <h2 id="results-heading">{t("public.resultsTitle")}</h2>
        <p>{t("public.resultsLead", { confidence })}</p>
        {round.perBody.map((b) => {
          const name = bodyName(b.body, lang);
          return (
            <article key={b.body.code} aria-label={name}>
              <h3>
                <Link href={`/dashboard/bodies/${b.body.code}`}>{name}</Link>
              </h3>
              <div className="table-wrap">
                <table>
                  <caption>
                    {t("public.resultsCaption", { body: name, sampled: b.sampled, population: b.population })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("public.item")}</th>
                      <th scope="col">{t("public.share")}</th>
                      <th scope="col">{t("public.interval")}</th>
                      <th scope="col">{t("public.meanColumn")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.items.map((i) => (
                      <tr key={i.key}>
                        <th scope="row" data-label={t("public.item")}>
                          {labelOf(i.key)}
                        </th>
                        <td data-label={t("public.share")}>
                          {pct(i.share)} ({i.meets}/{i.graded})
                        </td>
                        <td data-label={t("public.interval")}>
                          {i.lower === null || i.upper === null
                            ? "—"
                            : t("public.intervalValue", {
                                lower: Math.round(i.lower * 100),
                                upper: Math.round(i.upper * 100),
                              })}
                        </td>
                        <td data-label={t("public.meanColumn")}>
                          {num(i.meanScore)} / {maxOf(i.key)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h4>{t("public.figuresTitle")}</h4>
              <dl className="facts">
                <dt>{t("public.responseRate")}</dt>
                <dd>{pct(b.figures.responseRate)}</dd>
                <dt>{t("public.onTimeRate")}</dt>
                <dd>{pct(b.figures.onTimeRate)}</dd>
                <dt>{t("public.medianDays")}</dt>
                <dd>{b.figures.medianAnswerDays ?? "—"}</dd>
                <dt>{t("public.formalShare")}</dt>
                <dd>{pct(b.figures.formalShare)}</dd>
              </dl>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="verify-heading" className={styles.section}>
        <h2 id="verify-heading">{t("public.verifyTitle")}</h2>
        <p>{t("public.verifyText")}</p>
        <dl className="facts">
          <dt>{t("public.seed")}</dt>
          <dd className={styles.hash}>{round.seed}</dd>
          <dt>{t("facts.seedSha256")}</dt>
          <dd className={styles.hash}>{round.seedSha256}</dd>
          <dt>{t("public.sampleSha256")}</dt>
          <dd className={styles.hash}>{round.sampleSha256}</dd>
          <dt>{t("facts.commit")}</dt>
          <dd>
            <Link href={logEntryHref(round.commitSeq)}>{t("facts.entry", { seq: round.commitSeq })}</Link>
          </dd>
          {round.revealSeq !== null && (
            <>
              <dt>{t("facts.reveal")}</dt>
              <dd>
                <Link href={logEntryHref(round.revealSeq)}>{t("facts.entry", { seq: round.revealSeq })}</Link>
              </dd>
            </>
          )}
        </dl>
        <h3>{t("public.downloads")}</h3>
        <ul>
          <li>
            <a href={`/api/exports/grading-rounds/${round.id}/sample.csv`}>{t("public.csv")}</a>
          </li>
          <li>
            <a href={`/api/exports/grading-rounds/${round.id}/sample.json`}>{t("public.json")}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="rubric-heading" className={styles.section}>
        <h2 id="rubric-heading">{t("public.rubricTitle")}</h2>
        <ul>
          {round.rubric.map((r) => (
            <li key={r.key}>
              {r.label[lang]}: {r.scale.map((s) => `${s.value} — ${s.label[lang]}`).join("; ")}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
