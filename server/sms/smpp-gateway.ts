import { connect, type PDU, type Session } from "smpp";
import { logger } from "../observability/logger";
import { ESM_UDHI, segmentSms } from "./segments";

/** What SMPP_URL and SMPP_SOURCE_ADDR say: where the SMSC is, how to bind, and the service's number. */
export type SmppConfig = {
  url: string;
  systemId: string;
  password: string;
  systemType: string;
  source: { addr: string; ton: number; npi: number };
};

/**
 * smpp://system_id:password@host:port (ssmpp:// over TLS), or null without SMPP_URL: then no SMS leaves
 * and each is only kept, shown at /dev/outbox. The source address is the service's number as the
 * operator registered it: digits with + are international, a few digits a short code, letters a name.
 */
export function smppConfigFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): SmppConfig | null {
  if (!env.SMPP_URL) return null;
  const url = new URL(env.SMPP_URL);
  if (url.protocol !== "smpp:" && url.protocol !== "ssmpp:")
    throw new Error("SMPP_URL must be smpp:// or ssmpp://");
  const addr = env.SMPP_SOURCE_ADDR ?? "Tyndau";
  return {
    url: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "ssmpp:" ? 3550 : 2775)}`,
    systemId: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    systemType: url.searchParams.get("system_type") ?? "",
    source: sourceAddress(addr),
  };
}

// SMPP 3.4 5.2.5-5.2.6: TON 1/NPI 1 international, TON 3 network-specific (a short code), TON 5 alphanumeric.
function sourceAddress(addr: string) {
  if (/^\+\d+$/.test(addr)) return { addr: addr.slice(1), ton: 1, npi: 1 };
  if (/^\d{1,8}$/.test(addr)) return { addr, ton: 3, npi: 0 };
  return { addr, ton: 5, npi: 0 };
}

/** An SMS that did not reach the SMSC, or that the SMSC refused: worth trying again later. */
export class SmsNotSubmittedError extends Error {
  constructor(
    readonly reason: "no_connection" | "refused" | "timeout",
    readonly commandStatus: number | null = null,
  ) {
    super(
      commandStatus === null
        ? `sms not submitted: ${reason}`
        : `sms not submitted: ${reason} 0x${commandStatus.toString(16)}`,
    );
    this.name = "SmsNotSubmittedError";
  }
}

/** A delivery receipt for one submitted part (SMPP 3.4 Appendix B). */
export type DeliveryReceipt = { smscId: string; state: string; errorCode: string | null };
/** A text someone sent to the service's number. */
export type InboundSms = { from: string; text: string };

export type SmsSender = {
  /** Submits one text, split as needed; resolves with the SMSC's id of each part, in order. */
  submit(to: string, text: string, reference: number): Promise<string[]>;
};

const RESPONSE_TIMEOUT_MS = 15_000;
const BIND_WAIT_MS = 10_000;
const ENQUIRE_LINK_MS = 30_000;
const RECONNECT_MS = { first: 1_000, max: 30_000 };
// SMPP 3.4 5.2.12: bits 2-5 of esm_class give the message type; 0x04 is an SMSC delivery receipt.
const ESM_TYPE_MASK = 0x3c;
const ESM_RECEIPT = 0x04;

/**
 * One transceiver session with the SMSC, kept open: submissions go out on it, and receipts and citizens'
 * texts come in on it. Dropped, it binds again after a growing pause; a submission while it is down fails
 * at once, and the SMS job tries that message again later.
 */
export class SmppGateway implements SmsSender {
  private session: Session | null = null;
  private bound = false;
  private stopped = false;
  private retryMs = RECONNECT_MS.first;
  private timer: NodeJS.Timeout | null = null;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly config: SmppConfig,
    private readonly handlers: {
      onReceipt: (receipt: DeliveryReceipt) => Promise<void>;
      onInbound: (sms: InboundSms) => Promise<void>;
      onBound?: () => void;
    },
  ) {}

  start() {
    this.stopped = false;
    this.open();
  }

  get isBound() {
    return this.bound;
  }

  private open() {
    if (this.stopped) return;
    const session = connect({ url: this.config.url, auto_enquire_link_period: ENQUIRE_LINK_MS }, () => {
      session.bind_transceiver(
        {
          system_id: this.config.systemId,
          password: this.config.password,
          system_type: this.config.systemType,
        },
        (pdu) => {
          if (pdu.command_status !== 0) {
            logger.error({ commandStatus: pdu.command_status }, "smsc refused the bind");
            session.destroy();
            return;
          }
          this.bound = true;
          this.retryMs = RECONNECT_MS.first;
          logger.info("smsc bound");
          for (const wake of this.waiters.splice(0)) wake();
          this.handlers.onBound?.();
        },
      );
    });
    this.session = session;
    session.on("deliver_sm", (pdu: PDU) => this.onDeliver(session, pdu));
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    // An error event without a listener would end the process. An SMSC not reachable yet is logged
    // quietly; a session that was bound and dropped is worth a warning.
    let wasBound = false;
    session.once("bind_transceiver_resp", (pdu: PDU) => {
      wasBound = pdu.command_status === 0;
    });
    session.on("error", (error: Error) =>
      logger[wasBound ? "warn" : "debug"]({ err: error }, "smsc connection error"),
    );
    session.on("close", () => {
      if (this.session === session) {
        this.session = null;
        this.bound = false;
      }
      if (this.stopped) return;
      logger[wasBound ? "warn" : "debug"]({ retryInMs: this.retryMs }, "smsc connection closed");
      this.timer = setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
    });
  }

  private onDeliver(session: Session, pdu: PDU) {
    session.send(pdu.response());
    const esmClass = Number(pdu.esm_class ?? 0);
    const message = pdu.message_payload ?? pdu.short_message;
    const text =
      typeof message === "object" && message && "message" in message ? String(message.message) : "";
    const work =
      (esmClass & ESM_TYPE_MASK) === ESM_RECEIPT
        ? this.handlers.onReceipt(parseReceipt(pdu, text))
        : this.handlers.onInbound({ from: String(pdu.source_addr ?? ""), text });
    // Acknowledged already: a failure here is logged and the SMSC is not asked to send it again.
    work.catch((error) => logger.error({ err: error }, "incoming sms not handled"));
  }

  private async boundSession(): Promise<Session> {
    if (!this.bound) {
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          reject(new SmsNotSubmittedError("no_connection"));
        }, BIND_WAIT_MS);
        const wake = () => {
          clearTimeout(timeout);
          resolve();
        };
        this.waiters.push(wake);
      });
    }
    if (!this.session) throw new SmsNotSubmittedError("no_connection");
    return this.session;
  }

  async submit(to: string, text: string, reference: number): Promise<string[]> {
    const { dataCoding, parts } = segmentSms(text, reference);
    const ids: string[] = [];
    for (const part of parts) {
      const session = await this.boundSession();
      ids.push(
        await submitPart(session, {
          source_addr: this.config.source.addr,
          source_addr_ton: this.config.source.ton,
          source_addr_npi: this.config.source.npi,
          destination_addr: to.replace(/^\+/, ""),
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          esm_class: parts.length > 1 ? ESM_UDHI : 0,
          data_coding: dataCoding,
          // A final receipt, delivered or not (SMPP 3.4 5.2.17).
          registered_delivery: 0x01,
          short_message: part,
        }),
      );
    }
    return ids;
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const done = setTimeout(() => session.destroy(), 2_000);
      session.once("close", () => {
        clearTimeout(done);
        resolve();
      });
      if (!this.bound || !session.unbind({}, () => session.close())) session.destroy();
    });
  }
}

function submitPart(session: Session, fields: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const onClose = () => finish(new SmsNotSubmittedError("no_connection"));
    const timeout = setTimeout(() => finish(new SmsNotSubmittedError("timeout")), RESPONSE_TIMEOUT_MS);
    function finish(error: Error | null, id?: string) {
      clearTimeout(timeout);
      session.off("close", onClose);
      if (error) reject(error);
      else resolve(id ?? "");
    }
    session.once("close", onClose);
    const sent = session.submit_sm(fields, (pdu) =>
      pdu.command_status === 0
        ? finish(null, String(pdu.message_id ?? ""))
        : finish(new SmsNotSubmittedError("refused", pdu.command_status)),
    );
    if (!sent) finish(new SmsNotSubmittedError("no_connection"));
  });
}

// SMPP 3.4 Appendix B: "id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm
// stat:DDDDDDD err:E text: . . ." Where the SMSC also sends the receipted_message_id TLV, that wins.
const RECEIPT_STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};

export function parseReceipt(pdu: Record<string, unknown>, text: string): DeliveryReceipt {
  const field = (name: string) => text.match(new RegExp(`(?:^|\\s)${name}:(\\S+)`, "i"))?.[1] ?? null;
  const tlvState = typeof pdu.message_state === "number" ? RECEIPT_STATES[pdu.message_state] : undefined;
  return {
    smscId: String(pdu.receipted_message_id ?? field("id") ?? ""),
    state: (tlvState ?? field("stat") ?? "UNKNOWN").toUpperCase(),
    errorCode: field("err"),
  };
}
