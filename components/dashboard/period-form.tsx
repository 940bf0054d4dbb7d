import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TextField } from "@/components/text-field";
import type { Period } from "@/server/metrics/period";
import styles from "./dashboard.module.css";

/**
 * A plain GET form: the address holds the period (and whatever else the page adds), so a view can be
 * shared and works without scripts. Browsers without a month picker take "2026-03" typed in.
 */
export async function PeriodForm({
  action,
  period,
  keep = {},
  children,
}: {
  action: string;
  period: Period;
  /** Choices of the page to keep when the period changes. */
  keep?: Record<string, string>;
  children?: ReactNode;
}) {
  const t = await getTranslations("dashboard.period");
  return (
    <form method="get" action={action} className={styles.periodForm} aria-label={t("legend")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        name="from"
        id="period-from"
        type="month"
        label={t("from")}
        defaultValue={period.from}
        pattern="\d{4}-\d{2}"
        required
      />
      <TextField
        name="to"
        id="period-to"
        type="month"
        label={t("to")}
        defaultValue={period.to}
        pattern="\d{4}-\d{2}"
        required
      />
      {children}
      <button type="submit">{t("apply")}</button>
    </form>
  );
}
