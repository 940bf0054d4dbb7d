import { getLocale, getTranslations } from "next-intl/server";
import type { InboxTab, listInbox } from "@/server/appeals/list-inbox";
import { bodyName } from "@/server/directory/body-name";
import styles from "./official.module.css";

type Inbox = Awaited<ReturnType<typeof listInbox>>;

/** A supervisor's choice of whose inbox to read; a plain GET form, so it works before any script loads. */
export async function BodyPicker({ inbox, tab }: { inbox: Inbox; tab: InboxTab }) {
  const t = await getTranslations("official.inbox");
  const locale = await getLocale();
  return (
    <form method="get" action={`/${locale}/inbox`} className={styles.picker}>
      <input type="hidden" name="tab" value={tab} />
      <div className={`field ${styles.field}`}>
        <label htmlFor="inbox-body">{t("pickBody")}</label>
        <p id="inbox-body-hint" className="hint">
          {t("pickBodyHint")}
        </p>
        <select id="inbox-body" name="body" defaultValue={inbox.bodyId} aria-describedby="inbox-body-hint">
          {inbox.supervisedBodies.map((b) => (
            <option key={b.id} value={b.id}>
              {bodyName(b, locale)}
            </option>
          ))}
        </select>
      </div>
      <label>
        <input type="checkbox" name="all" value="1" defaultChecked={inbox.withSubordinates} />{" "}
        {t("withSubordinates")}
      </label>
      <button type="submit" className="secondary">
        {t("show")}
      </button>
    </form>
  );
}
