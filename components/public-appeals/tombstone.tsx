import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { logEntryHref } from "@/components/moderation/log-links";
import type { Tombstone as TombstoneView } from "@/server/public-appeals/get-public-appeal";
import styles from "./public-appeals.module.css";

/** What stays of an appeal that was public and is hidden: when, why, and where the log says so. */
export async function Tombstone({ tombstone }: { tombstone: TombstoneView }) {
  const t = await getTranslations("publicAppeals.tombstone");
  const tg = await getTranslations("publicAppeals.ground");
  const format = await getFormatter();
  return (
    <>
      <p>
        <Link href="/public-appeals">{(await getTranslations("publicAppeals.appeal"))("allAppeals")}</Link>
      </p>
      <h1>{t("title", { number: tombstone.number })}</h1>
      <div className={styles.tombstone}>
        <p>
          {t("hiddenOn", {
            date: format.dateTime(tombstone.hiddenOn, { dateStyle: "long", timeStyle: "short" }),
          })}{" "}
          {tombstone.ground ? t("reason", { ground: tg(tombstone.ground) }) : t("noReason")}
        </p>
        <p>
          {t("entryLead")}{" "}
          <Link href={logEntryHref(tombstone.logSeq)}>{t("entry", { seq: tombstone.logSeq })}</Link>
        </p>
        <p className="hint">{t("explained")}</p>
      </div>
    </>
  );
}
