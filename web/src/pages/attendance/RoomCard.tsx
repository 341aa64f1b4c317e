import { WarningFilled } from '@ant-design/icons';
import { Card, Popconfirm, Progress, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../api/attendance';
import { codeLabel } from '../../lib/care-codes';
import { chinaClock } from './time';

const RED = '#cf1322';

/**
 * One room now: children present against its places, carers present against those the ratio
 * requires, and a big red flag the moment either rule is broken.
 */
export function RoomCard({
  room,
  staff,
  busy,
  onSignIn,
  onSignOut,
}: {
  room: Room;
  staff: { id: string; name: string }[];
  busy: boolean;
  onSignIn: (staffId: string) => void;
  onSignOut: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  const present = new Set(room.carers.map((c) => c.staffId));
  return (
    <Card
      size="small"
      data-testid="room-card"
      data-ok={room.ok ? 'true' : 'false'}
      title={
        <Space wrap>
          {room.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {codeLabel(t, 'classType', room.type)}
            {room.room ? ` · ${room.room}` : ''}
          </Typography.Text>
        </Space>
      }
      style={room.ok ? undefined : { borderColor: RED, borderWidth: 2 }}
    >
      {!room.ok && (
        <div
          role="alert"
          data-testid="room-flag"
          style={{
            background: RED,
            color: '#fff',
            padding: '10px 12px',
            borderRadius: 6,
            fontSize: 18,
            fontWeight: 600,
            marginBottom: 12,
          }}
        >
          <WarningFilled />{' '}
          {room.problems
            .map((p) =>
              t(`roomBoard.problem.${p.replace('class.', '')}`, {
                requiredCarers: room.requiredCarers,
                carersPresent: room.carersPresent,
                childrenPresent: room.childrenPresent,
                sizeLimit: room.sizeLimit,
              }),
            )
            .join(' · ')}
        </div>
      )}
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <Progress
          type="dashboard"
          size={110}
          percent={Math.min(100, Math.round((room.childrenPresent / Math.max(room.sizeLimit, 1)) * 100))}
          status={room.childrenPresent > room.sizeLimit ? 'exception' : 'normal'}
          format={() => `${room.childrenPresent}/${room.sizeLimit}`}
        />
        <Space orientation="vertical" size={2}>
          <Typography.Text>
            {t('roomBoard.children', { count: room.childrenPresent, expected: room.expected })}
          </Typography.Text>
          <Typography.Text
            strong
            style={{ fontSize: 20, color: room.carersPresent < room.requiredCarers ? RED : undefined }}
          >
            {t('roomBoard.carers', { present: room.carersPresent, required: room.requiredCarers })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('roomBoard.ratioRule', { n: room.childrenPerCarer })}
          </Typography.Text>
        </Space>
      </div>
      <Space size={4} wrap style={{ marginTop: 8 }}>
        {room.carers.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('roomBoard.tapToSignOut')}
          </Typography.Text>
        )}
        {room.carers.map((c) => (
          <Popconfirm
            key={c.staffId}
            title={t('roomBoard.confirmOut', { name: c.name })}
            onConfirm={() => onSignOut(c.staffId)}
          >
            <Tag color="blue" style={{ cursor: 'pointer' }} data-testid="room-carer">
              {c.name} {chinaClock(c.inAt)}
            </Tag>
          </Popconfirm>
        ))}
      </Space>
      <Select
        placeholder={t('roomBoard.signIn')}
        size="small"
        value={null}
        disabled={busy}
        style={{ width: '100%', marginTop: 8 }}
        options={staff.filter((s) => !present.has(s.id)).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(id: string | null) => id && onSignIn(id)}
        data-testid="room-sign-in"
      />
      {room.children.length > 0 && (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, margin: '8px 0 0' }}
          ellipsis={{ rows: 2, expandable: true }}
        >
          {room.children.map((c) => c.name).join('、')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
