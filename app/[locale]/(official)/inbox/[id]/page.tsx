import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClockFlags } from "@/components/dashboard/clock-flags";
import { Link } from "@/components/locale-link";
import { ActionNotices, ActionPanel } from "@/components/official/action-panel";
import { AnswerForm } from "@/components/official/answer-form";
import { AnswerPreview } from "@/components/official/answer-preview";
import { AssignForm } from "@/components/official/assign-form";
import { ClarificationForm } from "@/components/official/clarification-form";
import { CloseForm } from "@/components/official/close-form";
import { ComplaintFileView } from "@/components/official/complaint-file";
import { DeadlineBadge } from "@/components/official/deadline-badge";
import { ExtendForm } from "@/components/official/extend-form";
import { type BodyGroup, ForwardForm } from "@/components/official/forward-form";
import styles from "@/components/official/official.module.css";
import { OfficialTimeline } from "@/components/official/official-timeline";
import { PassUpForm } from "@/components/official/pass-up-form";
import { asLocale } from "@/i18n/routing";
import { ANSWER_LIMITS } from "@/server/appeals/answer-appeal";
import { attachmentLink } from "@/server/appeals/attachment-link";
import { ATTACHMENT_LIMITS } from "@/server/appeals/attachment-rules";
import { COMPLAINT_TERMS } from "@/server/appeals/complaint-terms";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { addCalendarDays, almatyDate } from "@/server/deadlines/working-calendar";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";

type Props = { params: Promise<{ locale: string; id: string }> };

export default async function OfficialAppealPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "official") notFound();
  const caller = await getCaller();
  const detail = await caller.inbox.appeal({ appealId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  });
  const { appeal, actions, deadline } = detail;
  const t = await getTranslations("official.appeal");
  const tf = await getTranslations("official.forms");
  const ta = await getTranslations("appeal");
  const tanswer = await getTranslations("official.answer");
  const tc = await getTranslations("complaints");
  const tl = await getTranslations("language");
  // Templates the applicant reads (the right to complain) are prefilled in the appeal's own language,
  // whatever the official's screen is in (Law of the RK on Languages, Art. 11).
  const appealLocale = asLocale(appeal.locale);
  const tApplicant = await getTranslations({ locale: appealLocale, namespace: "official.forms" });
  const complaint = detail.complaint;
  const superiorName = detail.superiorBody ? bodyName(detail.superiorBody, locale) : null;
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const status = deadline.overdue ? ta("status.overdue") : ta(`status.${appeal.status}`);
  const anyAction = Object.values(actions).some(Boolean);

  const executors = actions.assign ? await caller.inbox.executors() : [];
  const groups: BodyGroup[] = [];
  if (actions.forward) {
    const byLabel = new Map<string, BodyGroup>();
    for (const b of await caller.inbox.bodies()) {
      if (b.id === appeal.bodyId) continue;
      const region = b.region ? REGIONS[b.region as RegionCode] : undefined;
      const label = region ? region.name[locale as keyof typeof region.name] : tf("forward.central");
      const group = byLabel.get(label) ?? { label, bodies: [] };
      if (!byLabel.has(label)) {
        byLabel.set(label, group);
        groups.push(group);
      }
      group.bodies.push({ id: b.id, name: bodyName(b, locale) });
    }
  }
  const forwardTerm =
    Date.now() <= deadline.forwardBy.getTime()
      ? tf("forward.term", { date: day(deadline.forwardBy) })
      : tf("forward.termPassed", { date: day(deadline.forwardBy) });

  return (
    <>
      <p>
        <Link href="/inbox">{t("back")}</Link>
      </p>
      <h1>{appeal.subject}</h1>
      {!detail.canAct && <p className="alert">{t("readOnly")}</p>}
      {complaint?.stage === "at_challenged_body" && (
        <p role="note" className="alert">
          {superiorName && complaint.passBy
            ? tc("stage.at_challenged_body", { superior: superiorName, date: day(complaint.passBy) })
            : tc("stage.at_challenged_body_no_superior")}
          {complaint.passBy && Date.now() > complaint.passBy.getTime() && (
            <>
              {" "}
              {tc("stage.passLate", { term: COMPLAINT_TERMS.ownReview.value, date: day(complaint.passBy) })}
            </>
          )}
        </p>
      )}
      {complaint?.stage === "at_superior_body" && complaint.file[0]?.body && (
        <p role="note" className="alert">
          {tc("stage.at_superior_body", { body: bodyName(complaint.file[0].body, locale) })}
        </p>
      )}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className={styles.visuallyHidden}>
          {t("facts")}
        </h2>
        <dl className={`facts ${styles.facts}`}>
          <dt>{t("number")}</dt>
          <dd>{appeal.number}</dd>
          <dt>{t("status")}</dt>
          <dd>{status}</dd>
          <dt>{t("kind")}</dt>
          <dd>{ta(`kind.${appeal.kind}`)}</dd>
          <dt>{t("category")}</dt>
          <dd>{ta(`category.${appeal.category}`)}</dd>
          <dt>{t("body")}</dt>
          <dd>{detail.body ? bodyName(detail.body, locale) : "—"}</dd>
          <dt>{t("channel")}</dt>
          <dd>{ta(`channel.${appeal.channel}`)}</dd>
          <dt>{tl("label")}</dt>
          <dd>{tl(`name.${appealLocale}`)}</dd>
          <dt>{t("received")}</dt>
          <dd>{when(appeal.receivedAt)}</dd>
          <dt>{t("registeredOn")}</dt>
          <dd>{day(new Date(`${appeal.registeredOn}T12:00:00+05:00`))}</dd>
          <dt>{t("dueDate")}</dt>
          <dd>
            <time dateTime={appeal.dueAt.toISOString()}>{day(appeal.dueAt)}</time>
            {deadline.extended && <div className="hint">{t("extended")}</div>}
          </dd>
          {deadline.daysLeft !== null && (
            <>
              <dt>{t("left")}</dt>
              <dd>
                <DeadlineBadge state={deadline} />
              </dd>
            </>
          )}
          <dt>{t("executor")}</dt>
          <dd>{detail.executor?.fullName ?? t("unassigned")}</dd>
          {appeal.forwardCount > 0 && (
            <>
              <dt>{ta("event.forwarded")}</dt>
              <dd>{t("forwards", { count: appeal.forwardCount })}</dd>
            </>
          )}
        </dl>
      </section>

      <ClockFlags flags={detail.clock} />

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t("text")}</h2>
        <p className={styles.text}>{appeal.text}</p>
      </section>

      <section aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">{t("applicant")}</h2>
        {detail.applicant ? (
          <>
            <p className="hint">{t("applicantNote")}</p>
            <dl className={`facts ${styles.facts}`}>
              <dt>{t("name")}</dt>
              <dd>{detail.applicant.name ?? t("notGiven")}</dd>
              <dt>{t("email")}</dt>
              <dd>{detail.applicant.email ?? t("notGiven")}</dd>
              <dt>{t("phone")}</dt>
              <dd>{detail.applicant.phone ?? t("notGiven")}</dd>
              <dt>{t("address")}</dt>
              <dd>{detail.applicant.address ?? t("notGiven")}</dd>
            </dl>
          </>
        ) : (
          <p>{t("anonymous")}</p>
        )}
      </section>

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t("files")}</h2>
        {detail.attachments.length === 0 ? (
          <p>{t("noFiles")}</p>
        ) : (
          <ul className={styles.files}>
            {detail.attachments.map((f) => (
              <li key={f.id}>
                <a href={attachmentLink(f.id, user)} download={f.fileName}>
                  {f.fileName}
                </a>{" "}
                ({t("fileSize", { size: Math.max(1, Math.round(f.size / 1024)) })})
                {f.eventId !== null && <> — {t("answerFile")}</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {detail.answer && (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{tanswer("title")}</h2>
          <dl className={`facts ${styles.facts}`}>
            <dt>{tanswer("decision")}</dt>
            <dd>{ta(`decision.${detail.answer.decision}`)}</dd>
            <dt>{tanswer("text")}</dt>
            <dd className={styles.text}>{detail.answer.text}</dd>
            <dt>{tanswer("legalGrounds")}</dt>
            <dd className={styles.text}>{detail.answer.legalGrounds}</dd>
            <dt>{tanswer("appealRights")}</dt>
            <dd className={styles.text}>{detail.answer.appealRights}</dd>
          </dl>
          <p>
            {tanswer("by", { name: detail.answer.answeredByName, date: when(detail.answer.answeredAt) })}{" "}
            {detail.answer.onTime ? tanswer("onTime") : tanswer("late")}
          </p>
        </section>
      )}

      {complaint && complaint.file.length > 0 && <ComplaintFileView file={complaint.file} viewer={user} />}

      <ActionNotices>
        {detail.canAct && (
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t("actions")}</h2>
            {!anyAction && <p>{t("noActions")}</p>}
            {actions.assign && (
              <ActionPanel title={tf("assign.title")}>
                <AssignForm appealId={appeal.id} executors={executors} executorId={appeal.executorId} />
              </ActionPanel>
            )}
            {actions.request_clarification && (
              <ActionPanel title={tf("clarify.title")}>
                <ClarificationForm appealId={appeal.id} pausesClock={deadline.clarificationPausesClock} />
              </ActionPanel>
            )}
            {actions.forward && (
              <ActionPanel title={tf("forward.title")}>
                <ForwardForm appealId={appeal.id} number={appeal.number} groups={groups} term={forwardTerm} />
              </ActionPanel>
            )}
            {actions.extend &&
              (deadline.extended ? (
                <p>{tf("extend.already")}</p>
              ) : (
                <ActionPanel title={tf("extend.title")}>
                  <ExtendForm
                    appealId={appeal.id}
                    earliest={addCalendarDays(almatyDate(appeal.dueAt), 1)}
                    latest={deadline.latestExtensionOn}
                    latestText={day(new Date(`${deadline.latestExtensionOn}T12:00:00+05:00`))}
                  />
                </ActionPanel>
              ))}
            {actions.pass_complaint_up && superiorName && (
              <ActionPanel title={tc("passUp.title")}>
                <PassUpForm appealId={appeal.id} number={appeal.number} superior={superiorName} />
              </ActionPanel>
            )}
            {actions.answer && (
              <ActionPanel title={tf("answer.title")}>
                {complaint?.stage === "at_challenged_body" && <p className="alert">{tc("onlySatisfy")}</p>}
                <p className="hint">{tl("answerHint")}</p>
                <AnswerPreview>
                  <AnswerForm
                    appealId={appeal.id}
                    appealRights={
                      detail.superiorBody
                        ? tApplicant("answer.appealRightsText", {
                            superior: bodyName(detail.superiorBody, appealLocale),
                          })
                        : tApplicant("answer.appealRightsTextNoSuperior")
                    }
                    limits={{
                      textMin: ANSWER_LIMITS.text.min,
                      maxFiles: ATTACHMENT_LIMITS.maxFiles,
                      maxMegabytes: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
                    }}
                  />
                </AnswerPreview>
              </ActionPanel>
            )}
            {actions.close && (
              <ActionPanel title={tf("close.title")}>
                <CloseForm appealId={appeal.id} />
              </ActionPanel>
            )}
          </section>
        )}
      </ActionNotices>

      <OfficialTimeline detail={detail} />
    </>
  );
}
