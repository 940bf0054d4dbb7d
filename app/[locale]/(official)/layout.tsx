import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function OfficialLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="official">{children}</ClientMessages>;
}
