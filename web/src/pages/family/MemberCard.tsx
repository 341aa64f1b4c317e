import { DeleteOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/households';
import { ageParts, healthStatus } from './family-rules';

const KIND_COLORS = { child: 'magenta', older: 'gold', adult: 'default' } as const;
const VACCINATION_COLORS = { up_to_date: 'green', incomplete: 'orange', unknown: 'default' } as const;
const HEALTH_COLORS = { valid: 'green', expired: 'red', failed: 'red', none: 'default' } as const;

/** "1 岁 8 个月", "72 岁", "8 个月". */
export function ageText(t: TFunction, ageMonths: number): string {
  const { years, months } = ageParts(ageMonths);
  if (years === 0) return t('family.age.months', { count: months });
  if (years >= 6 || months === 0) return t('family.age.years', { count: years });
  return t('family.age.yearsMonths', { years, months });
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, lineHeight: '26px' }}>
      <Typography.Text type="secondary" style={{ flex: 'none', width: 84 }}>
        {label}
      </Typography.Text>
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
    </div>
  );
}

/** One member: who, age, masked ID and phone, a child's vaccinations and health check, pick-up. */
export function MemberCard({
  member,
  today,
  onEdit,
  onRemove,
  removing,
}: {
  member: Member;
  today: string;
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
  removing: boolean;
}) {
  const { t } = useTranslation();
  const health = healthStatus(member, today);
  const isSelf = member.relation === 'self';
  return (
    <Card
      size="small"
      data-testid={`member-${member.id}`}
      title={
        <Space size={6} wrap>
          <span>{member.name}</span>
          <Tag>{t(`family.relation.${member.relation}`, { defaultValue: member.relation })}</Tag>
          <Tag color={KIND_COLORS[member.kind]}>{t(`family.kind.${member.kind}`)}</Tag>
        </Space>
      }
      extra={
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={onEdit}
            aria-label={t('common.edit')}
            data-testid="member-edit"
          />
          {!isSelf && (
            <Popconfirm
              title={t('family.removeConfirm', { name: member.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => onRemove().catch(() => undefined)}
            >
              <Button
                type="link"
                size="small"
                danger
                loading={removing}
                icon={<DeleteOutlined />}
                aria-label={t('family.remove')}
                data-testid="member-remove"
              />
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Row label={t('family.field.age')}>
        {ageText(t, member.ageMonths)}
        <Typography.Text type="secondary">
          {' · '}
          {member.birthDate}
          {member.sex ? ` · ${t(`family.sex.${member.sex}`)}` : ''}
        </Typography.Text>
      </Row>
      <Row label={t('family.field.idNumber')}>
        {member.idNumber ? (
          <Typography.Text code>{member.idNumber}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('family.notGiven')}</Typography.Text>
        )}
      </Row>
      {member.phone && <Row label={t('family.field.phone')}>{member.phone}</Row>}
      {member.kind === 'child' && (
        <>
          <Row label={t('family.field.vaccination')}>
            <Tag color={VACCINATION_COLORS[member.vaccinationStatus ?? 'unknown']}>
              {t(`family.vaccination.${member.vaccinationStatus ?? 'unknown'}`)}
            </Tag>
            {member.vaccinationCheckedOn && (
              <Typography.Text type="secondary">
                {t('family.checkedOn', { day: member.vaccinationCheckedOn })}
              </Typography.Text>
            )}
          </Row>
          <Row label={t('family.field.healthCheck')}>
            <Tag color={HEALTH_COLORS[health]} data-testid="member-health">
              {t(`family.health.${health}`, {
                until: member.healthCheckValidUntil,
                day: member.healthCheckOn,
              })}
            </Tag>
            {member.healthCheckOn && health !== 'none' && (
              <Typography.Text type="secondary">
                {t('family.checkedOn', { day: member.healthCheckOn })}
              </Typography.Text>
            )}
          </Row>
        </>
      )}
      {(member.canPickUp || isSelf) && (
        <Tag
          icon={<SafetyCertificateOutlined />}
          color="blue"
          style={{ marginTop: 6 }}
          data-testid="member-pickup"
        >
          {t('family.pickUpTag')}
        </Tag>
      )}
    </Card>
  );
}
