import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { AppealTimeline } from "@/components/appeals/appeal-timeline";
import { ClockFlags } from "@/components/dashboard/clock-flags";
import type { Locale } from "@/i18n/routing";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("appeal.title") };
}

/** One appeal as an auditor reads it: content, answer and history, without the applicant's personal data. */
export default async function AuditAppealPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "auditor") notFound();
  const appeal = await orNotFound((await getCaller()).audit.appeal({ id }));
  const t = await getTranslations("audit");
  const tk = await getTranslations("appeal.kind");
  const tc = await getTranslations("appeal.category");
  const ts = await getTranslations("appeal.status");
  const tch = await getTranslations("appeal.channel");
  const tdec = await getTranslations("appeal.decision");
  const format = await getFormatter();
  const lang = (await getLocale()) as Locale;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long", timeStyle: "short" }) : "—");
  const region = appeal.region as RegionCode | null;
  // What a moderator redacted and what names or reaches the applicant read alike: taken out.
  const words = (segments: readonly ({ text: string } | { redacted: true } | { name: true })[]) =>
    segments.map((s, i) =>
      "text" in s ? (
        s.text
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the segments are fixed for the page's lifetime
        <span key={i} className="badge">
          {t("redacted")}
        </span>
      ),
    );

  return (
    <>
      <h1>{t("appeal.heading", { number: appeal.number })}</h1>
      <p className="hint">{t("privacy")}</p>
      <dl className="facts">
        <dt>{t("appeal.kind")}</dt>
        <dd>{tk(appeal.kind)}</dd>
        <dt>{t("appeal.category")}</dt>
        <dd>{tc(appeal.category)}</dd>
        <dt>{t("body")}</dt>
        <dd>{bodyName(appeal.body, lang)}</dd>
        <dt>{t("appeal.region")}</dt>
        <dd>{region && REGIONS[region] ? REGIONS[region].name[lang] : "—"}</dd>
        <dt>{t("appeal.channel")}</dt>
        <dd>{tch(appeal.channel)}</dd>
        <dt>{t("status")}</dt>
        <dd>{ts(appeal.status)}</dd>
        <dt>{t("filed")}</dt>
        <dd>{when(appeal.filedAt)}</dd>
        <dt>{t("appeal.due")}</dt>
        <dd>{when(appeal.dueAt)}</dd>
        <dt>{t("appeal.answered")}</dt>
        <dd>{when(appeal.answeredAt)}</dd>
        <dt>{t("appeal.forwards")}</dt>
        <dd>{appeal.forwardCount}</dd>
      </dl>

      <section aria-labelledby="content-heading">
        <h2 id="content-heading">{t("appeal.content")}</h2>
        {appeal.hidden || !appeal.segments ? (
          <p>
            <em>{t("hiddenText")}</em>
          </p>
        ) : (
          <>
            <h3>{appeal.subject ? words(appeal.subject) : null}</h3>
            <p>{words(appeal.segments)}</p>
          </>
        )}
      </section>

      <ClockFlags flags={appeal.clock} />
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("appeal.answer")}</h2>
        {appeal.answer ? (
          <>
            <p>
              <strong>{tdec(appeal.answer.decision)}</strong> · {when(appeal.answer.answeredAt)} ·{" "}
              {appeal.answer.onTime ? t("appeal.onTime") : t("appeal.late")}
            </p>
            <p>{words(appeal.answer.text)}</p>
            <p className="hint">{words(appeal.answer.legalGrounds)}</p>
          </>
        ) : (
          <p>{t("appeal.noAnswer")}</p>
        )}
        {appeal.rating ? (
          <p>
            {t("appeal.rating", {
              outcome: t(`outcome.${appeal.rating.outcome}`),
              quality: appeal.rating.quality,
              heard: appeal.rating.heard ? "yes" : "no",
            })}
          </p>
        ) : null}
      </section>

      <AppealTimeline entries={appeal.timeline} appealHref={(other) => `/audit/appeals/${other}`} />
    </>
  );
}
