import { notFound } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import { outboxEnabled } from "@/server/notifications/list-outbox";
import { formatAlmatyTime } from "@/server/notifications/notify";

export const dynamic = "force-dynamic";

/**
 * The mail the service would have sent. Shown only when no SMTP server is configured (then this is the
 * only place mail goes: development, and the demo of `npm start`, which is a production build) and only
 * to a signed-in admin, because the messages carry applicants' names, addresses and subjects. Anyone
 * else gets a 404 that does not reveal the page exists. End-to-end tests that need to read mail sign in
 * as the demo admin.
 */
export default async function OutboxPage() {
  const user = await getCurrentUser();
  if (!outboxEnabled() || user?.role !== "admin") notFound();
  const mail = await (await getCaller()).admin.outbox();
  return (
    <>
      <h1>Outbox</h1>
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
                <h2 id={`mail-${m.id}`}>{m.subject}</h2>
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
    </>
  );
}
