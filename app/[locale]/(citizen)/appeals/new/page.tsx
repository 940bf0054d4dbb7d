import { getTranslations, setRequestLocale } from "next-intl/server";
import { FileAppealForm } from "@/components/citizen/file-appeal-form";
import { APPEAL_KIND_VALUES, appealCategory } from "@/db/schema";
import { asLocale } from "@/i18n/routing";
import { ATTACHMENT_LIMITS } from "@/server/appeals/attachment-rules";
import { TEXT_LIMITS } from "@/server/appeals/text-limits";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { REGION_CODES, REGIONS } from "@/server/directory/regions";

export default async function NewAppealPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations("citizen.file");
  if (user.role !== "citizen") {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p>{t("citizensOnly")}</p>
      </div>
    );
  }
  const lang = asLocale(locale);
  const bodies = await (await getCaller()).directory.list({ locale: lang });
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <FileAppealForm
        kinds={APPEAL_KIND_VALUES}
        categories={appealCategory.enumValues}
        regions={REGION_CODES.map((code) => ({ value: code, label: REGIONS[code].name[lang] }))}
        bodies={bodies.map((b) => ({ id: b.id, name: b.name }))}
        limits={{
          subject: TEXT_LIMITS.subject,
          text: TEXT_LIMITS.text,
          maxFiles: ATTACHMENT_LIMITS.maxFiles,
          maxMegabytes: ATTACHMENT_LIMITS.maxBytes / (1024 * 1024),
        }}
      />
    </div>
  );
}
