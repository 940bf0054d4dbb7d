import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function OperatorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="operator">{children}</ClientMessages>;
}
