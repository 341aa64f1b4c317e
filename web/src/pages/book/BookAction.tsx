import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Booking,
  type BookingBody,
  isCapacityRefusal,
  newIdempotencyKey,
  useBook,
  type WaitlistEntry,
} from '../../api/bookings';
import type { ApiError } from '../../api/client';
import { type Money, yuanText } from './book-logic';

export type Outcome = { kind: 'booked'; booking: Booking } | { kind: 'waitlisted'; entry: WaitlistEntry };

/** What is about to be booked and what it costs: price, subsidy (补贴) and the amount due. */
export function PriceSummary({
  lines,
  money,
  note,
}: {
  lines: { key: string; label: ReactNode; value: ReactNode }[];
  money: Money | null;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="book-summary" style={{ background: '#f7fafc' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          ...lines.map((line) => ({ key: line.key, label: line.label, children: line.value })),
          {
            key: 'price',
            label: t('book.price'),
            children: <span data-testid="book-price">{money ? yuanText(money.price) : '—'}</span>,
          },
          {
            key: 'subsidy',
            label: t('book.subsidy'),
            children: (
              <Typography.Text type="success" data-testid="book-subsidy">
                {money ? `−${yuanText(money.subsidy)}` : '—'}
              </Typography.Text>
            ),
          },
          {
            key: 'due',
            label: t('book.due'),
            children: (
              <Typography.Text strong style={{ fontSize: 18, color: '#d4380d' }} data-testid="book-due">
                {money ? yuanText(money.due) : '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      {note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
          {note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * The book button and what the server answers. Each attempt (one request body) gets one
 * Idempotency-Key, reused when the same attempt is sent again (a double tap, a retry after a lost
 * answer), so it cannot book twice. A refusal shows the server's message as it is; a capacity
 * refusal offers to join the waitlist (a new attempt with `waitlist: true`).
 */
export function BookAction({
  body,
  waitlistMode = false,
  onDone,
}: {
  /** null while the choice is incomplete. */
  body: BookingBody | null;
  waitlistMode?: boolean;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const book = useBook();
  const attempt = useRef<{ sig: string; key: string } | null>(null);
  const [failure, setFailure] = useState<{ sig: string; error: ApiError } | null>(null);
  const sig = body ? JSON.stringify(body) : '';
  const error = failure?.sig === sig ? failure.error : null;

  const send = (request: BookingBody) => {
    if (book.isPending) return;
    const requestSig = JSON.stringify(request);
    if (attempt.current?.sig !== requestSig) attempt.current = { sig: requestSig, key: newIdempotencyKey() };
    setFailure(null);
    book.mutate(
      { body: request, key: attempt.current.key },
      {
        onSuccess: (answer) => {
          if (answer.booking) onDone({ kind: 'booked', booking: answer.booking });
          else if (answer.waitlist) onDone({ kind: 'waitlisted', entry: answer.waitlist });
        },
        onError: (e) => setFailure({ sig, error: e }),
      },
    );
  };

  const joinWaitlist = () => body && send({ ...body, waitlist: true });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {error && (
        <Alert
          type={error.status === 409 ? 'warning' : 'error'}
          showIcon
          data-testid="book-error"
          data-rule={typeof error.details.rule === 'string' ? error.details.rule : error.code}
          title={error.message}
          description={
            isCapacityRefusal(error) && !waitlistMode ? (
              <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                <span>{t('book.waitlistHint')}</span>
                <Button
                  type="primary"
                  block
                  onClick={joinWaitlist}
                  loading={book.isPending}
                  data-testid="book-join-waitlist"
                >
                  {t('book.joinWaitlist')}
                </Button>
              </div>
            ) : undefined
          }
        />
      )}
      {waitlistMode ? (
        <Button
          type="primary"
          size="large"
          block
          disabled={!body}
          loading={book.isPending}
          onClick={joinWaitlist}
          data-testid="book-join-waitlist"
        >
          {t('book.joinWaitlist')}
        </Button>
      ) : (
        <Button
          type="primary"
          size="large"
          block
          disabled={!body}
          loading={book.isPending}
          onClick={() => body && send(body)}
          data-testid="book-submit"
        >
          {t('book.submit')}
        </Button>
      )}
      {!body && (
        <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
          {t('book.completeChoice')}
        </Typography.Text>
      )}
    </div>
  );
}
