import { getTranslations, setRequestLocale } from "next-intl/server";
import { TrackForm } from "@/components/track/track-form";
import { findTrackedAppeal } from "./actions";

export default async function TrackPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("track");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <TrackForm action={findTrackedAppeal} />
    </div>
  );
}
