import { getTranslations } from "next-intl/server";
import { CheckboxField } from "@/components/operator/checkbox-field";
import { SelectField } from "@/components/operator/select-field";
import { TextField } from "@/components/text-field";
import { APPEAL_KIND_VALUES, APPEAL_STATUSES, appealCategory } from "@/db/schema";
import { asLocale } from "@/i18n/routing";
import { REGION_CODES, REGIONS } from "@/server/directory/regions";
import { PUBLIC_SORTS } from "@/server/public-appeals/list-public-appeals";
import styles from "./public-appeals.module.css";

export type FilterValues = Partial<
  Record<
    "q" | "body" | "region" | "category" | "kind" | "status" | "overdue" | "from" | "to" | "sort",
    string
  >
>;

type Props = {
  locale: string;
  values: FilterValues;
  /** Translated problems, by query parameter. */
  errors: Record<string, string>;
  bodies: { id: string; name: string }[];
};

/** A plain GET form: the address holds the search, so it can be shared and works before any script. */
export async function FilterForm({ locale, values, errors, bodies }: Props) {
  const t = await getTranslations("publicAppeals.list");
  const ts = await getTranslations("appeal.status");
  const tk = await getTranslations("appeal.kind");
  const tc = await getTranslations("appeal.category");
  const lang = asLocale(locale);
  return (
    <form method="get" action={`/${locale}/public-appeals`}>
      <fieldset className={styles.filters}>
        <legend>{t("filters")}</legend>
        <div className={styles.wide}>
          <TextField
            name="q"
            type="search"
            label={t("search")}
            hint={t("searchHint")}
            defaultValue={values.q}
            error={errors.q}
            maxLength={200}
          />
        </div>
        <SelectField name="body" label={t("body")} defaultValue={values.body ?? ""} error={errors.body}>
          <option value="">{t("anyBody")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="region"
          label={t("region")}
          defaultValue={values.region ?? ""}
          error={errors.region}
        >
          <option value="">{t("anyRegion")}</option>
          {REGION_CODES.map((code) => (
            <option key={code} value={code}>
              {REGIONS[code].name[lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="category"
          label={t("category")}
          defaultValue={values.category ?? ""}
          error={errors.category}
        >
          <option value="">{t("anyCategory")}</option>
          {appealCategory.enumValues.map((c) => (
            <option key={c} value={c}>
              {tc(c)}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t("kind")} defaultValue={values.kind ?? ""} error={errors.kind}>
          <option value="">{t("anyKind")}</option>
          {APPEAL_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={values.status ?? ""}
          error={errors.status}
        >
          <option value="">{t("anyStatus")}</option>
          {APPEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </SelectField>
        <fieldset className={styles.period}>
          <legend>{t("period")}</legend>
          <TextField
            name="from"
            type="date"
            label={t("from")}
            defaultValue={values.from}
            error={errors.from}
          />
          <TextField name="to" type="date" label={t("to")} defaultValue={values.to} error={errors.to} />
        </fieldset>
        <SelectField
          name="sort"
          label={t("sort")}
          defaultValue={values.sort ?? (values.q ? "relevance" : "newest")}
          error={errors.sort}
        >
          {PUBLIC_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className={styles.wide}>
          <CheckboxField
            name="overdue"
            value="1"
            label={t("overdue")}
            defaultChecked={values.overdue === "1"}
          />
        </div>
        <div className={`actions ${styles.wide}`}>
          <button type="submit">{t("submit")}</button>
          <a href={`/${locale}/public-appeals`}>{t("reset")}</a>
        </div>
      </fieldset>
    </form>
  );
}
