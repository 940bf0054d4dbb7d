import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Fragment } from "react";
import { GradeForm } from "@/components/grading/grade-form";
import styles from "@/components/grading/grading.module.css";
import { Link } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; id: string; itemId: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "grading" });
  return { title: t("title") };
}

/** One sampled answer, read blind, and the grader's form for it. */
export default async function GradingItemPage({ params }: Props) {
  const { locale, id, itemId } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "auditor") notFound();
  const item = await orNotFound((await getCaller()).grading.item({ itemId }));
  if (item.round.id !== id) notFound();
  const t = await getTranslations("grading");
  const tdec = await getTranslations("appeal.decision");
  const lang = locale as Locale;
  const rubric = item.rubric.map((r) => ({
    key: r.key,
    label: r.label[lang],
    scale: r.scale.map((s) => ({ value: s.value, label: s.label[lang] })),
  }));
  const nextHref = item.next ? `/audit/grading/${id}/items/${item.next}` : `/audit/grading/${id}`;

  return (
    <>
      <h1>{t("itemLabel", { label: item.label })}</h1>
      <p>
        <Link href={`/audit/grading/${id}`}>{t("back")}</Link>
      </p>
      <p className="hint">{t("blind")}</p>
      <section aria-labelledby="appeal-heading">
        <h2 id="appeal-heading">{t("appealTitle")}</h2>
        {item.hidden ? (
          <p>{t("hiddenText")}</p>
        ) : (
          <>
            <h3>{t("subject")}</h3>
            <p className={styles.quote}>{item.subject}</p>
            <h3>{t("text")}</h3>
            <p className={styles.quote}>{item.text}</p>
          </>
        )}
      </section>
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("answerTitle")}</h2>
        <dl className="facts">
          <dt>{t("decision")}</dt>
          <dd>{tdec(item.answer.decision)}</dd>
        </dl>
        <h3>{t("answerText")}</h3>
        <p className={styles.quote}>{item.answer.text}</p>
        <h3>{t("legalGrounds")}</h3>
        <p className={styles.quote}>{item.answer.legalGrounds}</p>
        <h3>{t("appealRights")}</h3>
        <p className={styles.quote}>{item.answer.appealRights}</p>
      </section>
      <section aria-labelledby="grade-heading" className={styles.section}>
        <h2 id="grade-heading">{t("yourGrades")}</h2>
        {item.myScores ? (
          <dl className="facts">
            {rubric.map((r) => (
              <Fragment key={r.key}>
                <dt>{r.label}</dt>
                <dd>{r.scale.find((s) => s.value === item.myScores?.[r.key])?.label ?? "—"}</dd>
              </Fragment>
            ))}
          </dl>
        ) : item.round.status === "grading" ? (
          <GradeForm itemId={item.id} rubric={rubric} nextHref={nextHref} />
        ) : null}
      </section>
    </>
  );
}
