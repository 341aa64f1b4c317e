import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsFromEnv, LogChannel, type OutboundMessage, WebhookChannel } from './channels.js';

const MSG: OutboundMessage = {
  deliveryId: '9b2f4a52-8d4e-4a55-9d35-2d1f0c3a7e10',
  accountId: '2a0c1d9e-6f0b-4b8e-8f55-5b3c6a1d2e3f',
  phone: '13800138000',
  kind: 'notify.checked_in',
  text: '小明已于08:05入园（妈妈送达）',
  params: { member: '小明', when: '08:05', by: '妈妈' },
};

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('LogChannel', () => {
  it('writes one structured line with the phone masked', async () => {
    const lines: [object, string | undefined][] = [];
    const channel = new LogChannel({ ...quiet, info: (obj, msg) => lines.push([obj, msg]) });
    await channel.send(MSG);
    expect(lines).toEqual([
      [
        {
          notification: {
            deliveryId: MSG.deliveryId,
            accountId: MSG.accountId,
            phone: '138****8000',
            kind: 'notify.checked_in',
            text: MSG.text,
          },
        },
        'notification',
      ],
    ]);
  });
});

describe('WebhookChannel', () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let status = 204;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = status;
        res.end(status >= 400 ? 'gateway busy' : undefined);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the message as JSON, keyed by the delivery id and signed with the secret', async () => {
    status = 204;
    await new WebhookChannel({ url, secret: 's3cret' }).send(MSG);
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toEqual(MSG);
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['idempotency-key']).toBe(MSG.deliveryId);
    const expected = createHmac('sha256', 's3cret').update(last.body).digest('hex');
    expect(last.headers['x-doorstep-signature']).toBe(`sha256=${expected}`);
  });

  it('throws on an answer other than 2xx, so the dispatcher retries', async () => {
    status = 503;
    await expect(new WebhookChannel({ url }).send(MSG)).rejects.toThrow('webhook answered 503: gateway busy');
    expect(received.at(-1)!.headers['x-doorstep-signature']).toBeUndefined();
  });
});

describe('channelsFromEnv', () => {
  it('always has log, and webhook only when a URL is configured', () => {
    expect(channelsFromEnv(quiet, {}).map((c) => c.name)).toEqual(['log']);
    const names = channelsFromEnv(quiet, { DOORSTEP_NOTIFY_WEBHOOK_URL: 'https://gw.example/notify' }).map(
      (c) => c.name,
    );
    expect(names).toEqual(['log', 'webhook']);
  });
});
