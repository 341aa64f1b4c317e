import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import { useProviders, useSettlement, useSettlementActions, useSettlements } from '../../api/homecare';
import { formatDateTime } from '../../lib/format';
import { SettlementLines } from './SettlementLines';

/** Monthly settlement of a provider: generate, see paid and held visits, finalise, download XLSX. */
export default function CareSettlementsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const providers = useProviders();
  const [providerId, setProviderId] = useState<string>();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const existing = useSettlements({ providerId, month });
  const [settlementId, setSettlementId] = useState<string>();
  const settlement = useSettlement(settlementId);
  const { generate, finalise } = useSettlementActions();

  // Show the stored settlement of the chosen provider and month, if there is one.
  useEffect(() => {
    setSettlementId(providerId ? existing.data?.items[0]?.id : undefined);
  }, [providerId, existing.data]);

  const s = settlement.data;
  const error = generate.error ?? finalise.error ?? settlement.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('homecare.settlementsTitle')}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 280 }}
            placeholder={t('homecare.provider')}
            value={providerId}
            onChange={setProviderId}
            loading={providers.isFetching}
            options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="settlement-provider"
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="settlement-month"
          />
          <Button
            type="primary"
            disabled={!providerId}
            loading={generate.isPending}
            onClick={() =>
              generate.mutate(
                { providerId: providerId!, month },
                {
                  onSuccess: (data) => {
                    setSettlementId(data.id);
                    message.success(t('homecare.settlementGenerated'));
                  },
                },
              )
            }
            data-testid="generate-settlement"
          >
            {s ? t('homecare.regenerate') : t('homecare.generate')}
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} />}
      {!s ? (
        <Empty description={t('homecare.noSettlement')} />
      ) : (
        <>
          <Card
            size="small"
            title={
              <Space>
                {s.providerName} · {s.month}
                <Tag
                  color={s.status === 'final' ? 'green' : 'gold'}
                  data-testid="settlement-status"
                  data-status={s.status}
                >
                  {t(`homecare.settlementStatus.${s.status}`)}
                </Tag>
              </Space>
            }
            extra={
              <Space>
                <Button
                  icon={<DownloadOutlined />}
                  href={withQuery(`/api/settlements/${s.id}/export.xlsx`, {
                    lang: i18n.language === 'en' ? 'en' : undefined,
                  })}
                  download
                  data-testid="settlement-xlsx"
                >
                  {t('common.exportXlsx')}
                </Button>
                {s.status === 'draft' && (
                  <Button
                    loading={finalise.isPending}
                    onClick={() =>
                      finalise.mutate(s.id, { onSuccess: () => message.success(t('homecare.finalised')) })
                    }
                    data-testid="finalise-settlement"
                  >
                    {t('homecare.finalise')}
                  </Button>
                )}
              </Space>
            }
          >
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('homecare.paidSubsidy')} value={s.paid} precision={2} prefix="¥" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('homecare.ownPart')} value={s.own} precision={2} prefix="¥" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('homecare.heldAmount')} value={s.held} precision={2} prefix="¥" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('homecare.visitsCount')} value={`${s.visitsPaid} / ${s.visitsHeld}`} />
              </Col>
            </Row>
            <Typography.Text type="secondary">
              {t('homecare.generatedBy', { by: s.generatedBy ?? '—', at: formatDateTime(s.generatedAt) })}
            </Typography.Text>
          </Card>
          <SettlementLines
            title={t('homecare.paidLines')}
            lines={s.lines.filter((l) => l.status === 'paid')}
          />
          <SettlementLines
            title={t('homecare.heldLines')}
            lines={s.lines.filter((l) => l.status === 'held')}
          />
        </>
      )}
    </Space>
  );
}
