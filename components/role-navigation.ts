import type { UserRole } from "@/db/schema";

export type NavLink = { href: string; label: "home" | "account" };

// Each audience sees the places it works in; procedures, not this list, decide what they may do.
const BY_ROLE: Record<UserRole, NavLink[]> = {
  citizen: [{ href: "/account", label: "account" }],
  official: [{ href: "/account", label: "account" }],
  operator: [{ href: "/account", label: "account" }],
  moderator: [{ href: "/account", label: "account" }],
  auditor: [{ href: "/account", label: "account" }],
  admin: [{ href: "/account", label: "account" }],
};

export function navigationFor(role: UserRole | null): NavLink[] {
  return [{ href: "/", label: "home" }, ...(role ? BY_ROLE[role] : [])];
}
