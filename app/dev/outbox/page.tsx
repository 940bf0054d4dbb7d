import { notFound } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import { outboxEnabled } from "@/server/notifications/list-outbox";
import { formatAlmatyTime } from "@/server/notifications/notify";
import { smsOutboxEnabled } from "@/server/sms/list-sms-outbox";

export const dynamic = "force-dynamic";

/**
 * The mail and the SMS the service would have sent. Shown only when no SMTP server is configured (then this is the
 * only place mail goes: development, and the demo of `npm start`, which is a production build) and only
 * to a signed-in admin, because the messages carry applicants' names, addresses and subjects. Anyone
 * else gets a 404 that does not reveal the page exists. Each half shows while its transport is missing:
 * mail without SMTP_URL, SMS without SMPP_URL. End-to-end tests that need to read mail sign in
 * as the demo admin.
 */
export default async function OutboxPage() {
  const user = await getCurrentUser();
  const showMail = outboxEnabled();
  const showSms = smsOutboxEnabled();
  if (!(showMail || showSms) || user?.role !== "admin") notFound();
  const caller = await getCaller();
  const [mail, sms] = await Promise.all([
    showMail ? caller.admin.outbox() : [],
    showSms ? caller.admin.smsOutbox() : [],
  ]);
  return (
    <>
      <h1>Outbox</h1>
      {showMail && <MailOutbox mail={mail} />}
      {showSms && <SmsOutbox sms={sms} />}
    </>
  );
}

type Mail = Awaited<ReturnType<Awaited<ReturnType<typeof getCaller>>["admin"]["outbox"]>>;
type Sms = Awaited<ReturnType<Awaited<ReturnType<typeof getCaller>>["admin"]["smsOutbox"]>>;

function MailOutbox({ mail }: { mail: Mail }) {
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">E-mail</h2>
      <p className="lead">
        SMTP_URL is not set, so no e-mail leaves this server: every message is kept here instead, newest first
        (the latest {mail.length}). Times are Kazakhstan time.
      </p>
      {mail.length === 0 ? (
        <p>No e-mail yet.</p>
      ) : (
        <ol className="timeline">
          {mail.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`mail-${m.id}`}>
                <h3 id={`mail-${m.id}`}>{m.subject}</h3>
                <dl className="facts">
                  <dt>To</dt>
                  <dd>{m.to}</dd>
                  <dt>Status</dt>
                  <dd>
                    {m.status}
                    {m.attempts > 0 ? ` (attempts: ${m.attempts})` : ""}
                  </dd>
                  <dt>Written</dt>
                  <dd>
                    <time dateTime={m.createdAt.toISOString()}>{formatAlmatyTime(m.createdAt, "en")}</time>
                  </dd>
                </dl>
                <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SmsOutbox({ sms }: { sms: Sms }) {
  return (
    <section aria-labelledby="sms-heading">
      <h2 id="sms-heading">SMS</h2>
      <p className="lead">
        SMPP_URL is not set, so no SMS leaves this server: every one is kept here instead, newest first (the
        latest {sms.length}). Times are Kazakhstan time.
      </p>
      {sms.length === 0 ? (
        <p>No SMS yet.</p>
      ) : (
        <ol className="timeline">
          {sms.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`sms-${m.id}`}>
                <h3 id={`sms-${m.id}`}>
                  SMS to {m.to} ({m.kind})
                </h3>
                <dl className="facts">
                  <dt>Status</dt>
                  <dd>
                    {m.status}
                    {m.attempts > 0 ? ` (attempts: ${m.attempts})` : ""}
                  </dd>
                  <dt>Written</dt>
                  <dd>
                    <time dateTime={m.createdAt.toISOString()}>{formatAlmatyTime(m.createdAt, "en")}</time>
                  </dd>
                </dl>
                <p style={{ whiteSpace: "pre-wrap" }}>{m.text}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
