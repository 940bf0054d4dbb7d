import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { TrpcProviders } from "@/components/trpc-provider";

export default function AuditorLayout({ children }: { children: ReactNode }) {
  return (
    // The grading forms call procedures from the browser.
    <ClientMessages area="auditor">
      <TrpcProviders>{children}</TrpcProviders>
    </ClientMessages>
  );
}
