import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AuditorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="auditor">{children}</ClientMessages>;
}
