import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { TrpcProviders } from "@/components/trpc-provider";

export default function OperatorLayout({ children }: { children: ReactNode }) {
  return (
    // Forms of these pages call procedures from the browser; the public pages do not load the client.
    <ClientMessages area="operator">
      <TrpcProviders>{children}</TrpcProviders>
    </ClientMessages>
  );
}
