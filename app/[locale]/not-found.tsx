import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
    </>
  );
}
