import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="public">{children}</ClientMessages>;
}
