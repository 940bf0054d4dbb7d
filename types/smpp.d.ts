// The part of the `smpp` package (farhadi/node-smpp, plain JavaScript) that server/sms uses.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  export type PduFields = Record<string, unknown>;

  export class PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    constructor(command: string, options?: PduFields);
    isResponse(): boolean;
    response(options?: PduFields): PDU;
  }

  type Respond = (pdu: PDU) => void;
  type Shortcut = (options?: PduFields, onResponse?: Respond, onSent?: Respond) => boolean;

  export class Session extends EventEmitter {
    socket: import("node:net").Socket;
    send(pdu: PDU, onResponse?: Respond, onSent?: Respond): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    bind_transceiver: Shortcut;
    submit_sm: Shortcut;
    deliver_sm: Shortcut;
    enquire_link: Shortcut;
    unbind: Shortcut;
  }

  export type ConnectOptions = {
    url?: string;
    host?: string;
    port?: number;
    tls?: boolean;
    auto_enquire_link_period?: number;
    connectTimeout?: number;
  };

  export function connect(options: ConnectOptions, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): NetServer & { sessions: Session[] };

  export const encodings: {
    ASCII: { match(value: string): boolean; encode(value: string): Buffer };
  };

  export const ESME_ROK: number;
  export const ESME_RSYSERR: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RTHROTTLED: number;
}
