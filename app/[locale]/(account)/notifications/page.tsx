import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> };

export default async function NotificationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const caller = await getCaller();
  const [list, unread] = await Promise.all([
    caller.notification.list({ page }),
    caller.notification.unreadCount(),
  ]);
  const t = await getTranslations("notification");
  const format = await getFormatter();
  // Officials work on an appeal in their inbox; everyone else follows it on its own page.
  const appealHref = (id: string) => (user.role === "official" ? `/inbox/${id}` : `/appeals/${id}`);

  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {unread > 0 && (
        <div className="actions">
          <p>{t("unreadCount", { count: unread })}</p>
          <MarkAllReadButton />
        </div>
      )}
      {list.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="timeline">
          {list.items.map((n) => (
            <li key={n.id}>
              <time dateTime={n.createdAt.toISOString()}>
                {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {!n.readAt && <span className="badge badge-warn">{t("unread")}</span>}{" "}
              {t(`types.${n.type}`, { number: n.appealNumber, subject: n.appealSubject })}{" "}
              <Link href={appealHref(n.appealId)}>{t("open", { number: n.appealNumber })}</Link>
              {n.question && (
                <blockquote>
                  <p>{n.question}</p>
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
      {(page > 1 || list.hasMore) && (
        <nav aria-label={t("pages")} className="actions">
          {page > 1 && <Link href={`/notifications?page=${page - 1}`}>{t("newer")}</Link>}
          {list.hasMore && <Link href={`/notifications?page=${page + 1}`}>{t("older")}</Link>}
        </nav>
      )}
    </div>
  );
}
