"use client";
import { useParams, useRouter } from "next/navigation";

/**
 * Signs out through next-auth's own endpoint (its signOut event ends the server session), without
 * next-auth's client library: the header is on every page and that library is heavy for one button.
 */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
}

// Next's router rather than next-intl's: the header is on pages without next-intl's client provider.
export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const { locale } = useParams<{ locale: string }>();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await signOut();
        router.push(`/${locale}`);
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
