import { getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { INBOX_TABS, type InboxTab } from "@/server/appeals/list-inbox";
import styles from "./official.module.css";

type Props = { current: InboxTab; counts: Record<InboxTab, number>; query: Record<string, string> };

export async function InboxTabs({ current, counts, query }: Props) {
  const t = await getTranslations("official.inbox");
  return (
    <nav aria-label={t("tabs")}>
      <ul className={styles.tabs}>
        {INBOX_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={{ pathname: "/inbox", query: { ...query, tab } }}
              aria-current={tab === current ? "page" : undefined}
            >
              {t("tabWithCount", { label: t(`tab.${tab}`), count: counts[tab] })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
