import type { AddressInfo } from "node:net";
import { createServer, type PDU, type Session } from "smpp";

/** One submit_sm as the SMSC received it, decoded by the package's own server side. */
export type SubmittedPart = {
  messageId: string;
  to: string;
  from: string;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  concat: { reference: number; total: number; sequence: number } | null;
  octets: number;
  text: string;
};

/**
 * A local SMSC for tests: the `smpp` package's server mode on a port of its own. It accepts one system_id
 * and password, keeps every submitted part, can drop the connection or refuse the next submission, sends
 * delivery receipts (at once with `autoReceipts`) and texts "from a phone" to whoever is bound.
 */
export async function startTestSmsc(o: { port?: number; autoReceipts?: boolean } = {}) {
  const credentials = { systemId: "tyndau", password: "secret12" };
  const submitted: SubmittedPart[] = [];
  const bound = new Set<Session>();
  let nextId = 1000;
  let dropNext = 0;
  let refuseNext: number | null = null;

  const server = createServer((session) => {
    session.on("error", () => {});
    session.on("close", () => bound.delete(session));
    session.on("bind_transceiver", (pdu: PDU) => {
      const ok = pdu.system_id === credentials.systemId && pdu.password === credentials.password;
      session.send(pdu.response({ command_status: ok ? 0 : 0x0d, system_id: "test-smsc" }));
      if (ok) bound.add(session);
    });
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("deliver_sm_resp", () => {});
    session.on("submit_sm", (pdu: PDU) => {
      if (dropNext > 0) {
        dropNext--;
        session.destroy();
        return;
      }
      if (refuseNext !== null) {
        session.send(pdu.response({ command_status: refuseNext }));
        refuseNext = null;
        return;
      }
      const messageId = String(nextId++);
      const sm = pdu.short_message as { udh?: Buffer[]; message: string };
      const header = sm.udh?.find((h) => h[0] === 0x00);
      submitted.push({
        messageId,
        to: String(pdu.destination_addr),
        from: String(pdu.source_addr),
        dataCoding: Number(pdu.data_coding),
        esmClass: Number(pdu.esm_class),
        registeredDelivery: Number(pdu.registered_delivery),
        concat: header
          ? { reference: header[2] ?? 0, total: header[3] ?? 0, sequence: header[4] ?? 0 }
          : null,
        octets: Number(pdu.sm_length),
        text: sm.message,
      });
      session.send(pdu.response({ message_id: messageId }));
      if (o.autoReceipts) setTimeout(() => sendReceipt(messageId), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  function anyBound(): Session {
    const [session] = bound;
    if (!session) throw new Error("nobody is bound to the test SMSC");
    return session;
  }

  function sendReceipt(messageId: string, stat = "DELIVRD") {
    const part = submitted.find((p) => p.messageId === messageId);
    anyBound().deliver_sm({
      source_addr: part?.to ?? "",
      destination_addr: part?.from ?? "",
      esm_class: 0x04,
      short_message: `id:${messageId} sub:001 dlvrd:${stat === "DELIVRD" ? "001" : "000"} submit date:2612021200 done date:2612021201 stat:${stat} err:000 text:`,
    });
  }

  /** The texts received for `to` (digits only), parts joined by their headers' reference, in order. */
  function textsTo(to: string): string[] {
    const texts: string[] = [];
    const groups = new Map<number, SubmittedPart[]>();
    for (const part of submitted.filter((p) => p.to === to)) {
      if (!part.concat) texts.push(part.text);
      else {
        const group = groups.get(part.concat.reference) ?? [];
        group.push(part);
        groups.set(part.concat.reference, group);
        if (group.length === part.concat.total) {
          texts.push(
            group
              .sort((a, b) => (a.concat?.sequence ?? 0) - (b.concat?.sequence ?? 0))
              .map((p) => p.text)
              .join(""),
          );
          groups.delete(part.concat.reference);
        }
      }
    }
    return texts;
  }

  return {
    port,
    url: `smpp://${credentials.systemId}:${credentials.password}@127.0.0.1:${port}`,
    submitted,
    textsTo,
    sendReceipt,
    get boundCount() {
      return bound.size;
    },
    /** The next `n` submissions close the connection instead of being answered. */
    dropNextSubmit(n = 1) {
      dropNext = n;
    },
    /** The next submission is answered with this error status. */
    refuseNextSubmit(status: number) {
      refuseNext = status;
    },
    /** A text from a phone to the service's number (`to`), as the SMSC passes it on. */
    sendInbound(from: string, to: string, text: string) {
      anyBound().deliver_sm({
        source_addr: from,
        source_addr_ton: 1,
        destination_addr: to,
        short_message: text,
        data_coding: 8,
      });
    },
    async close() {
      for (const session of server.sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestSmsc = Awaited<ReturnType<typeof startTestSmsc>>;
