"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";

export function SignOutButton() {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await signOut({ redirect: false });
        router.push("/");
        router.refresh();
      }}
    >
      {t("signOut")}
    </button>
  );
}
