import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/grading/grading.module.css";
import { RoundAction } from "@/components/grading/round-action";
import { Link } from "@/components/locale-link";
import { logEntryHref } from "@/components/moderation/log-links";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "grading" });
  return { title: t("title") };
}

/** One round for an auditor: its commitment, the draw, the answers to grade and the closing. */
export default async function GradingRoundPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "auditor") notFound();
  const round = await orNotFound((await getCaller()).grading.round({ roundId: id }));
  const t = await getTranslations("grading");
  const format = await getFormatter();
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—";
  const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;

  return (
    <>
      <h1>{round.title}</h1>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd>{t(`statuses.${round.status}`)}</dd>
        <dt>{t("period")}</dt>
        <dd>{t("periodValue", { from: round.periodFrom, to: round.periodTo })}</dd>
        <dt>{t("facts.margin")}</dt>
        <dd>±{percent(round.marginOfError)}</dd>
        <dt>{t("facts.confidence")}</dt>
        <dd>{percent(round.confidence)}</dd>
        <dt>{t("facts.rubric")}</dt>
        <dd>{round.rubricVersion}</dd>
        <dt>{t("facts.seedSha256")}</dt>
        <dd className={styles.hash}>{round.seedSha256}</dd>
        <dt>{t("facts.commit")}</dt>
        <dd>
          <Link href={logEntryHref(round.commitSeq)}>{t("facts.entry", { seq: round.commitSeq })}</Link>
        </dd>
        <dt>{t("facts.opened")}</dt>
        <dd>{when(round.openedAt)}</dd>
        <dt>{t("facts.drawn")}</dt>
        <dd>{when(round.drawnAt)}</dd>
        <dt>{t("facts.sample")}</dt>
        <dd>{round.items.length}</dd>
      </dl>

      {round.status === "committed" && <RoundAction roundId={round.id} action="draw" />}
      {round.status === "closed" && (
        <p>
          <Link href={`/grading/${round.id}`}>{t("publicLink")}</Link>
        </p>
      )}

      {round.items.length > 0 && (
        <section aria-labelledby="items-heading" className={styles.section}>
          <h2 id="items-heading">{t("itemsTitle")}</h2>
          {round.status === "grading" &&
            (round.next ? (
              <p>
                <Link href={`/audit/grading/${round.id}/items/${round.next}`}>{t("gradeNext")}</Link>
              </p>
            ) : (
              <p>{t("allGraded")}</p>
            ))}
          <div className="table-wrap">
            <table>
              <caption>{t("itemsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("itemColumn")}</th>
                  <th scope="col">{t("mineColumn")}</th>
                  <th scope="col">{t("gradersColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {round.items.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t("itemColumn")}>
                      <Link href={`/audit/grading/${round.id}/items/${i.id}`}>
                        {t("itemLabel", { label: i.label })}
                      </Link>
                    </td>
                    <td data-label={t("mineColumn")}>{i.gradedByMe ? t("yes") : t("no")}</td>
                    <td data-label={t("gradersColumn")}>{i.graders}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {round.status === "grading" && <RoundAction roundId={round.id} action="close" />}
        </section>
      )}
    </>
  );
}
