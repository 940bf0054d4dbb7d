import { getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { SelectField } from "@/components/operator/select-field";
import { TextField } from "@/components/text-field";
import type { LogFilters } from "@/server/moderation/list-log-entries";
import { MODERATION_GROUNDS, type ModerationGround } from "@/server/moderation/statement-of-reasons";
import styles from "./moderation.module.css";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The log's filters as the address gives them. A value no one could have chosen (an edited address) is
 * left out rather than refused: the reader still gets the log.
 */
export function readLogFilters(query: Record<string, string | string[] | undefined>): LogFilters {
  const one = (k: string) => {
    const v = query[k];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
  };
  const body = one("body");
  const ground = one("ground");
  const appeal = one("appeal");
  return {
    body: body && UUID.test(body) ? body : null,
    ground:
      ground && (MODERATION_GROUNDS as readonly string[]).includes(ground)
        ? (ground as ModerationGround)
        : null,
    appeal: appeal && appeal.length <= 40 ? appeal : null,
  };
}

/** A plain GET form: the address holds the filters, so they can be shared and survive a change of language. */
export async function LogFilterForm({
  locale,
  values,
  bodies,
}: {
  locale: string;
  values: LogFilters;
  bodies: { id: string; name: string }[];
}) {
  const t = await getTranslations("moderation.log.filter");
  const tg = await getTranslations("moderation.ground");
  const filtered = Boolean(values.body || values.ground || values.appeal);
  return (
    <form method="get" action={`/${locale}/moderation-log`}>
      <fieldset className={styles.filters}>
        <legend>{t("title")}</legend>
        <SelectField name="body" label={t("body")} defaultValue={values.body ?? ""}>
          <option value="">{t("anyBody")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="ground" label={t("ground")} defaultValue={values.ground ?? ""}>
          <option value="">{t("anyGround")}</option>
          {MODERATION_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {tg(g)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="appeal"
          label={t("appeal")}
          hint={t("appealHint")}
          defaultValue={values.appeal ?? ""}
          maxLength={40}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit">{t("submit")}</button>
          {filtered && <Link href="/moderation-log">{t("clear")}</Link>}
        </div>
      </fieldset>
    </form>
  );
}
