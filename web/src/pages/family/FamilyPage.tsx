import { EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Grid, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Member, useHousehold, useRemoveMember } from '../../api/households';
import { PageLoading } from '../../components/PageLoading';
import { chinaToday } from './family-rules';
import { HouseholdModal } from './HouseholdModal';
import { MemberCard } from './MemberCard';
import { MemberDrawer } from './MemberDrawer';

/**
 * 我的家庭 / My family: the resident's household — where it lives, each member as a card (masked
 * ID number, age, a child's vaccinations and health check with its validity, the pick-up tag),
 * add, edit and remove. Laid out for a phone first: one column of cards, full-width drawer.
 */
export default function FamilyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const household = useHousehold();
  const remove = useRemoveMember();
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [addressOpen, setAddressOpen] = useState(false);
  const today = chinaToday();

  if (household.isPending) return <PageLoading />;
  if (household.isError) return <Alert type="error" showIcon title={household.error.message} />;
  const data = household.data;
  const children = data.members.filter((m) => m.kind === 'child');
  const others = data.members.filter((m) => m.kind !== 'child');

  const removeMember = (member: Member) =>
    remove.mutateAsync(member.id, {
      onSuccess: () => message.success(t('family.removed', { name: member.name })),
      onError: (error) => message.error(error.message),
    });

  const cards = (members: Member[]) => (
    <Row gutter={[12, 12]}>
      {members.map((member) => (
        <Col key={member.id} xs={24} md={12} xl={8}>
          <MemberCard
            member={member}
            today={today}
            onEdit={() => setEditing(member)}
            onRemove={() => removeMember(member)}
            removing={remove.isPending && remove.variables === member.id}
          />
        </Col>
      ))}
    </Row>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('family.title')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          block={screens.sm === false}
          onClick={() => setEditing('new')}
          data-testid="member-add"
        >
          {t('family.add')}
        </Button>
      </div>
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
          <EnvironmentOutlined style={{ marginTop: 4, color: '#5b8c85' }} />
          <div style={{ flex: 1, minWidth: 0 }} data-testid="household-address">
            {data.regionName || data.address ? (
              <>
                <Typography.Text strong>{data.regionName ?? data.regionCode}</Typography.Text>
                {data.address && <div>{data.address}</div>}
              </>
            ) : (
              <Typography.Text type="secondary">{t('family.noAddress')}</Typography.Text>
            )}
          </div>
          <Button size="small" icon={<EditOutlined />} onClick={() => setAddressOpen(true)}>
            {t('common.edit')}
          </Button>
        </div>
      </Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('family.pickUpExplain')}
      </Typography.Paragraph>
      {data.members.length === 0 ? (
        <Card>
          <Empty description={t('family.empty')} />
        </Card>
      ) : (
        <>
          {children.length > 0 && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('family.children', { count: children.length })}
              </Typography.Title>
              {cards(children)}
            </>
          )}
          {others.length > 0 && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('family.adults', { count: others.length })}
              </Typography.Title>
              {cards(others)}
            </>
          )}
        </>
      )}
      {editing && (
        <MemberDrawer
          member={editing === 'new' ? null : editing}
          today={today}
          onClose={() => setEditing(null)}
        />
      )}
      {addressOpen && <HouseholdModal household={data} onClose={() => setAddressOpen(false)} />}
    </Space>
  );
}
