import { getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";

/** Inside the site's layout and in the page's language, with the ways on that everyone may take. */
export default async function NotFound() {
  const t = await getTranslations("errors");
  const tn = await getTranslations("nav");
  const tu = await getTranslations("ui");
  return (
    <div className="narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <p>{tu("notFoundLinks")}</p>
      <ul>
        <li>
          <Link href="/">{tn("home")}</Link>
        </li>
        <li>
          <Link href="/public-appeals">{tn("publicAppeals")}</Link>
        </li>
        <li>
          <Link href="/track">{tn("track")}</Link>
        </li>
      </ul>
    </div>
  );
}
