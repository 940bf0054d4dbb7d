import { getTranslations } from "next-intl/server";
import type { AppealClockFlags } from "@/server/metrics/get-appeal-clock-flags";

/** The clock flags of one appeal, for the auditor and the official: ping-pong, accused body, parked, late forwards. */
export async function ClockFlags({ flags }: { flags: AppealClockFlags }) {
  const t = await getTranslations("clock.flags");
  const items = [
    flags.returned ? t("returned") : null,
    flags.toAccused ? t("toAccused") : null,
    flags.pausedPastDue ? t("pausedPastDue") : null,
    flags.lateForwards > 0 ? t("lateForward", { n: flags.lateForwards }) : null,
    flags.afterDueForwards > 0 ? t("afterDueForward", { n: flags.afterDueForwards }) : null,
  ].filter((x): x is string => x !== null);
  return (
    <section aria-labelledby="clock-flags-heading">
      <h2 id="clock-flags-heading">{t("title")}</h2>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item}>
              <span className="badge badge-warn">{item}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
