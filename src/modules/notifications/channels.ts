import { createHmac } from 'node:crypto';
import { maskPhone } from '../../lib/mask.js';

/** What an outbound channel is given to deliver one notification to one account. */
export interface OutboundMessage {
  /** The outbox row; the same on every retry, so a receiver can drop duplicates. */
  deliveryId: string;
  accountId: string;
  /** The account's mobile number, unmasked (an SMS adapter needs it); null when none is on file. */
  phone: string | null;
  kind: string;
  /** The message rendered in zh-CN. */
  text: string;
  params: Record<string, unknown>;
}

/**
 * An outbound adapter (log, webhook, SMS gateway, WeChat template message…). `send` resolves
 * once the message is handed over and throws when it is not: the dispatcher then retries with
 * back-off. `name` is what DOORSTEP_NOTIFY_CHANNELS lists.
 */
export interface NotificationChannel {
  name: string;
  send(msg: OutboundMessage): Promise<void>;
}

/** The few logger methods the channels and the dispatcher use (pino's and Fastify's logger fit). */
export interface NotifyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The default channel: one structured log line per notification (phone masked), nothing sent. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  constructor(private readonly log: NotifyLogger) {}

  async send(msg: OutboundMessage): Promise<void> {
    this.log.info(
      {
        notification: {
          deliveryId: msg.deliveryId,
          accountId: msg.accountId,
          phone: maskPhone(msg.phone),
          kind: msg.kind,
          text: msg.text,
        },
      },
      'notification',
    );
  }
}

export interface WebhookOptions {
  url: string;
  /** When set, the body is signed: `X-Doorstep-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  secret?: string;
  /** Milliseconds before a request is abandoned (and retried later). */
  timeoutMs?: number;
  /** The channel's name in DOORSTEP_NOTIFY_CHANNELS (default `webhook`). */
  name?: string;
}

/**
 * POSTs each message as JSON to a URL — the pluggable outbound example: an SMS gateway or a
 * WeChat bridge behind the URL turns it into a text or a template message. Any answer but 2xx
 * is a failure (retried). The delivery id is sent as `Idempotency-Key`.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name: string;
  constructor(private readonly options: WebhookOptions) {
    this.name = options.name ?? 'webhook';
  }

  async send(msg: OutboundMessage): Promise<void> {
    const body = JSON.stringify(msg);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': msg.deliveryId,
    };
    if (this.options.secret) {
      const signature = createHmac('sha256', this.options.secret).update(body).digest('hex');
      headers['x-doorstep-signature'] = `sha256=${signature}`;
    }
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`webhook answered ${response.status}${detail ? `: ${detail}` : ''}`);
    }
  }
}

/**
 * The channels this process can deliver through: `log` always, `webhook` when
 * DOORSTEP_NOTIFY_WEBHOOK_URL is set (DOORSTEP_NOTIFY_WEBHOOK_SECRET signs the body). Which of
 * them a notification is queued for is DOORSTEP_NOTIFY_CHANNELS (see `outboundChannels`).
 */
export function channelsFromEnv(
  log: NotifyLogger,
  env: NodeJS.ProcessEnv = process.env,
): NotificationChannel[] {
  const channels: NotificationChannel[] = [new LogChannel(log)];
  const url = env.DOORSTEP_NOTIFY_WEBHOOK_URL?.trim();
  if (url)
    channels.push(new WebhookChannel({ url, secret: env.DOORSTEP_NOTIFY_WEBHOOK_SECRET || undefined }));
  return channels;
}
