import { App, Button, type ButtonProps, Card, Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useWithdrawWaitlist, type WaitlistEntry } from '../../api/bookings';
import { daysText, STATUS_COLORS } from './my-bookings-logic';

/** A waitlist place: position in line, and a way out; an offered place points to its held booking. */
export function WaitlistCard({ entry: e, onShowHeld }: { entry: WaitlistEntry; onShowHeld?: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const withdraw = useWithdrawWaitlist();

  const onWithdraw = () =>
    modal.confirm({
      title: t('myBookings.withdrawTitle'),
      content: t('myBookings.withdrawBody', {
        what: `${e.institutionName} · ${e.memberName} · ${e.formName}`,
      }),
      okText: t('myBookings.withdrawOk'),
      cancelText: t('myBookings.keep'),
      okButtonProps: { danger: true, 'data-testid': 'waitlist-withdraw-ok' } as ButtonProps,
      onOk: () =>
        withdraw
          .mutateAsync(e.id)
          .then(() => message.success(t('myBookings.withdrawn')))
          .catch((err: Error) => message.error(err.message)),
    });

  return (
    <Card
      size="small"
      data-testid="waitlist-card"
      data-status={e.status}
      data-entry-id={e.id}
      title={<span style={{ whiteSpace: 'normal' }}>{e.institutionName}</span>}
      extra={<Tag color={STATUS_COLORS[e.status]}>{t(`myBookings.waitStatus.${e.status}`)}</Tag>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'member', label: t('myBookings.member'), children: e.memberName },
          {
            key: 'form',
            label: t('myBookings.form'),
            children: [e.formName, e.className].filter(Boolean).join(' · '),
          },
          {
            key: 'when',
            label: t('myBookings.when'),
            children: `${daysText(e.firstDay, e.lastDay)} ${e.startsAt ? `${e.startsAt}–${e.endsAt}` : ''}`,
          },
          ...(e.status === 'waiting'
            ? [
                {
                  key: 'position',
                  label: t('myBookings.position'),
                  children: (
                    <Typography.Text strong data-testid="waitlist-position" data-position={e.position}>
                      {t('myBookings.positionN', { position: e.position })}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
      {e.status === 'waiting' && (
        <Button danger onClick={onWithdraw} style={{ marginTop: 12 }} data-testid="waitlist-withdraw">
          {t('myBookings.withdraw')}
        </Button>
      )}
      {e.status === 'offered' && (
        <div style={{ marginTop: 12, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Typography.Text type="warning">
            {e.expiresAt
              ? t('myBookings.offeredUntil', { until: dayjs(e.expiresAt).format('MM-DD HH:mm') })
              : t('myBookings.offered')}
          </Typography.Text>
          {onShowHeld && (
            <Button type="primary" onClick={onShowHeld} data-testid="waitlist-show-held">
              {t('myBookings.goConfirm')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
