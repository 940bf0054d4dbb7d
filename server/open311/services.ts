import { asc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { APPEAL_KIND_VALUES, stateBodies } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { bodyName } from "@/server/directory/body-name";
import { REGION_CODES, REGIONS } from "../directory/regions";
import { CATEGORIES, type Category } from "../directory/state-bodies-directory";
import type { Translate } from "./open311-locale";

/**
 * Open311 services are the categories of appeals: a 311 client picks "housing_utilities" as it would
 * pick "potholes". The kind of appeal under the APPC (application, complaint, …) is an attribute of the
 * request, so every kind of every category can be filed.
 */
export type ServiceCode = Category;

export const isServiceCode = (code: string): code is ServiceCode =>
  (CATEGORIES as readonly string[]).includes(code);

/** GET services: every service, named in the reader's language. */
export function listServices(t: Translate) {
  return CATEGORIES.map((code) => ({
    service_code: code,
    service_name: t(`appeal.category.${code}`),
    description: t(`open311.services.${code}.description`),
    // The attributes (kind, subject, region, body, publication) are optional but worth knowing.
    metadata: true,
    // The registration number is returned at once: filing commits before the answer is sent.
    type: "realtime",
    keywords: t(`open311.services.${code}.keywords`),
    group: code,
  }));
}

/** The attributes a POST may carry (`attribute[code]=value`); none is required. */
export const ATTRIBUTE_CODES = ["kind", "subject", "region", "body", "publish", "locale"] as const;

type Attribute = {
  variable: boolean;
  code: (typeof ATTRIBUTE_CODES)[number];
  datatype: "string" | "singlevaluelist";
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
};

/** GET services/{code}: the attributes, with the bodies competent for this category as the choice of body. */
export async function serviceDefinition(db: Db, o: { code: ServiceCode; locale: string; t: Translate }) {
  const { t } = o;
  const bodies = await db
    .select({
      code: stateBodies.code,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
    })
    .from(stateBodies)
    .where(sql`${o.code} = any(${stateBodies.categories})`)
    .orderBy(asc(stateBodies.code));
  const explain = (code: Attribute["code"]) => t(`open311.attributes.${code}`);
  const attributes: Attribute[] = [
    {
      variable: true,
      code: "kind",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 1,
      description: explain("kind"),
      values: APPEAL_KIND_VALUES.map((k) => ({ key: k, name: t(`appeal.kind.${k}`) })),
    },
    {
      variable: true,
      code: "subject",
      datatype: "string",
      required: false,
      datatype_description: t("open311.attributes.subjectFormat"),
      order: 2,
      description: explain("subject"),
    },
    {
      variable: true,
      code: "region",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 3,
      description: explain("region"),
      values: REGION_CODES.map((r) => ({ key: r, name: regionName(r, o.locale) })),
    },
    {
      variable: true,
      code: "body",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 4,
      description: explain("body"),
      values: bodies.map((b) => ({ key: b.code, name: bodyName(b, o.locale) })),
    },
    {
      variable: true,
      code: "publish",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 5,
      description: explain("publish"),
      values: [
        { key: "false", name: t("open311.attributes.publishNo") },
        { key: "true", name: t("open311.attributes.publishYes") },
      ],
    },
    {
      variable: true,
      code: "locale",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 6,
      description: explain("locale"),
      values: routing.locales.map((l) => ({ key: l, name: t(`open311.languages.${l}`) })),
    },
  ];
  return { service_code: o.code, attributes };
}

const regionName = (code: (typeof REGION_CODES)[number], locale: string) => {
  const name = REGIONS[code].name;
  return locale === "ru" ? name.ru : locale === "en" ? name.en : name.kk;
};
