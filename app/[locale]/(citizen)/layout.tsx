import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function CitizenLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="citizen">{children}</ClientMessages>;
}
