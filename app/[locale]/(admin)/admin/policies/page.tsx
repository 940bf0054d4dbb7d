import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PolicyTable } from "@/components/admin/policy-table";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { POLICY_BOUNDS } from "@/server/deadlines/update-policy";

export default async function PoliciesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "admin") notFound();
  const policies = await (await getCaller()).admin.policies();
  const t = await getTranslations("admin");
  return (
    <>
      <h1>{t("policies.title")}</h1>
      <p className="lead">{t("policies.lead")}</p>
      <p className="alert alert-ok">{t("changeNote")}</p>
      <PolicyTable
        policies={policies.map((p) => ({
          kind: p.kind,
          considerationWorkingDays: p.considerationWorkingDays,
          extensionMaxCalendarMonths: p.extensionMaxCalendarMonths,
          extensionNoticeWorkingDays: p.extensionNoticeWorkingDays,
          forwardingWorkingDays: p.forwardingWorkingDays,
          clarificationPausesClock: p.clarificationPausesClock,
        }))}
        bounds={POLICY_BOUNDS}
      />
    </>
  );
}
