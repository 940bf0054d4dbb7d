import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import type { listInbox } from "@/server/appeals/list-inbox";
import { bodyName } from "@/server/directory/body-name";
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
            <th scope="col">{t("subject")}</th>
            <th scope="col">{t("kind")}</th>
            {inbox.withSubordinates && <th scope="col">{t("body")}</th>}
            <th scope="col">{tl("label")}</th>
            <th scope="col">{t("received")}</th>
            <th scope="col">{t("dueDate")}</th>
            <th scope="col">{t("left")}</th>
            <th scope="col">{t("executor")}</th>
          </tr>
        </thead>
        <tbody>
          {inbox.items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`/inbox/${item.id}`} className={styles.number}>
                  {item.number}
                </Link>
              </td>
              <td data-label={t("subject")}>{item.subject}</td>
              <td data-label={t("kind")}>{ta(`kind.${item.kind}`)}</td>
              {inbox.withSubordinates && <td data-label={t("body")}>{bodyName(item.body, locale)}</td>}
              <td data-label={tl("label")}>{language(item.locale)}</td>
              <td data-label={t("received")}>{day(item.receivedAt)}</td>
              <td data-label={t("dueDate")}>
                <time dateTime={item.dueAt.toISOString()}>{day(item.dueAt)}</time>
              </td>
              <td data-label={t("left")}>
                <DeadlineBadge state={item} />
              </td>
              <td data-label={t("executor")}>{item.executorName ?? t("unassigned")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
