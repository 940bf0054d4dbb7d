import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="account">{children}</ClientMessages>;
}
