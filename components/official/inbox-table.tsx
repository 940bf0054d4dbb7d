import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { bodyName } from "@/components/localized";
import { Link } from "@/i18n/navigation";
import type { listInbox } from "@/server/appeals/list-inbox";
import { DeadlineBadge } from "./deadline-badge";
import styles from "./official.module.css";

type Inbox = Awaited<ReturnType<typeof listInbox>>;

export async function InboxTable({ inbox }: { inbox: Inbox }) {
  const t = await getTranslations("official.inbox");
  const tl = await getTranslations("language");
  const language = (l: string) => (tl.has(`name.${l}`) ? tl(`name.${l}`) : l);
  const ta = await getTranslations("appeal");
  const format = await getFormatter();
  const locale = await getLocale();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  if (inbox.items.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className={styles.visuallyHidden}>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("number")}</th>
            <th scope="col" className={styles.wide}>
              {t("subject")}
            </th>
            <th scope="col" className={styles.wide}>
              {t("kind")}
            </th>
            {inbox.withSubordinates && (
              <th scope="col" className={styles.wide}>
                {t("body")}
              </th>
            )}
            <th scope="col" className={styles.wide}>
              {tl("label")}
            </th>
            <th scope="col" className={styles.wide}>
              {t("received")}
            </th>
            <th scope="col">{t("dueDate")}</th>
            <th scope="col">{t("left")}</th>
            <th scope="col" className={styles.wide}>
              {t("executor")}
            </th>
          </tr>
        </thead>
        <tbody>
          {inbox.items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`/inbox/${item.id}`} className={styles.number}>
                  {item.number}
                </Link>
                {/* On a phone the subject rides under the number, leaving room for the deadline. */}
                <span className={styles.narrow}>{item.subject}</span>
                <span className={styles.narrow}>{language(item.locale)}</span>
              </td>
              <td className={styles.wide}>{item.subject}</td>
              <td className={styles.wide}>{ta(`kind.${item.kind}`)}</td>
              {inbox.withSubordinates && <td className={styles.wide}>{bodyName(item.body, locale)}</td>}
              <td className={styles.wide}>{language(item.locale)}</td>
              <td className={styles.wide}>{day(item.receivedAt)}</td>
              <td>
                <time dateTime={item.dueAt.toISOString()}>{day(item.dueAt)}</time>
              </td>
              <td>
                <DeadlineBadge state={item} />
              </td>
              <td className={styles.wide}>{item.executorName ?? t("unassigned")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
