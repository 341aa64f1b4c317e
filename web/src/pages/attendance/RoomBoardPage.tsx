import { Alert, App, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_BOARD_POLL_MS, usePresenceActions, useRoomBoard, useRosters } from '../../api/attendance';
import { useSession } from '../../api/queries';
import { EChart } from '../../components/charts/EChart';
import { PageLoading } from '../../components/PageLoading';
import { RoomCard } from './RoomCard';
import { chinaClock, chinaToday } from './time';

/** The live room board: every room's children and carers now, refreshed every 10 seconds. */
export default function RoomBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const institutionId = useSession().account.institutionId ?? '';
  const board = useRoomBoard(institutionId);
  const staff = useRosters(institutionId, chinaToday()).data?.staff ?? [];
  const presence = usePresenceActions(institutionId);
  const rooms = board.data?.rooms ?? [];
  const short = rooms.filter((r) => !r.ok).length;

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 32, right: 8, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: rooms.map((r) => r.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('roomBoard.carersPresent'),
          type: 'bar',
          data: rooms.map((r) => ({
            value: r.carersPresent,
            itemStyle: { color: r.ok ? '#1677ff' : '#cf1322' },
          })),
        },
        {
          name: t('roomBoard.carersRequired'),
          type: 'bar',
          data: rooms.map((r) => r.requiredCarers),
          itemStyle: { color: '#bfbfbf' },
        },
      ],
    }),
    [rooms, t],
  );

  if (board.isPending) return <PageLoading />;
  const fail = (e: { message: string }) => message.error(e.message);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('roomBoard.title')}
        </Typography.Title>
        {short > 0 ? (
          <Tag color="red" data-testid="room-board-short">
            {t('roomBoard.roomsShort', { count: short })}
          </Tag>
        ) : (
          rooms.length > 0 && <Tag color="green">{t('roomBoard.allOk')}</Tag>
        )}
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('roomBoard.updated', { at: chinaClock(board.data?.at), seconds: ROOM_BOARD_POLL_MS / 1000 })}
        </Typography.Text>
      </div>
      {board.isError && <Alert type="error" showIcon title={board.error.message} />}
      {rooms.length === 0 ? (
        <Empty description={t('roomBoard.empty')} />
      ) : (
        <>
          <Card size="small">
            <EChart option={option} height={180} testId="room-board-chart" />
          </Card>
          <Row gutter={[12, 12]}>
            {rooms.map((room) => (
              <Col key={room.classId} xs={24} md={12} xl={8}>
                <RoomCard
                  room={room}
                  staff={staff}
                  busy={presence.signIn.isPending || presence.signOut.isPending}
                  onSignIn={(staffId) =>
                    presence.signIn.mutate({ staffId, classId: room.classId }, { onError: fail })
                  }
                  onSignOut={(staffId) => presence.signOut.mutate({ staffId }, { onError: fail })}
                />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Space>
  );
}
