import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ModeratorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="moderator">{children}</ClientMessages>;
}
