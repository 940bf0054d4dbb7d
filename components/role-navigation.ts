import type { UserRole } from "@/db/schema";

export type NavLabel =
  | "home"
  | "account"
  | "myAppeals"
  | "fileAppeal"
  | "notifications"
  | "inbox"
  | "assistedFiling"
  | "accounts"
  | "apiKeys"
  | "calendar"
  | "policies"
  | "track"
  | "publicAppeals"
  | "moderation"
  | "moderationLog"
  | "dashboard"
  | "audit"
  | "grading";
export type NavLink = { href: string; label: NavLabel };

// Each audience sees the places it works in; procedures, not this list, decide what they may do.
const BY_ROLE: Record<UserRole, NavLink[]> = {
  citizen: [
    { href: "/appeals/new", label: "fileAppeal" },
    { href: "/appeals", label: "myAppeals" },
    { href: "/notifications", label: "notifications" },
  ],
  official: [
    { href: "/inbox", label: "inbox" },
    { href: "/notifications", label: "notifications" },
  ],
  operator: [{ href: "/operator/file", label: "assistedFiling" }],
  moderator: [{ href: "/moderation", label: "moderation" }],
  auditor: [
    { href: "/audit", label: "audit" },
    { href: "/audit/grading", label: "grading" },
  ],
  admin: [
    { href: "/admin/accounts", label: "accounts" },
    { href: "/admin/api-keys", label: "apiKeys" },
    { href: "/admin/calendar", label: "calendar" },
    { href: "/admin/policies", label: "policies" },
  ],
};

export function navigationFor(role: UserRole | null): NavLink[] {
  const own = role ? [...BY_ROLE[role], { href: "/account", label: "account" as const }] : [];
  return [
    { href: "/", label: "home" },
    // Public appeals are for everyone, signed in or not.
    { href: "/public-appeals", label: "publicAppeals" as const },
    // Every act of moderation is public, with its reasons.
    { href: "/moderation-log", label: "moderationLog" as const },
    // How the state listens, in figures: for everyone.
    { href: "/dashboard", label: "dashboard" as const },
    ...own,
    ...(role ? [] : [{ href: "/track", label: "track" as const }]),
  ];
}
