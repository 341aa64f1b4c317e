import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filing } from '../../api/types';
import { codeLabel } from '../../lib/care-codes';
import { showValue } from '../../lib/diff';
import { FilingActions } from './FilingActions';
import { FilingDeadlines, FilingEvents, FilingSteps } from './FilingSteps';
import { MaterialsChecklist } from './MaterialsChecklist';

/** While the institution still prepares or completes the filing, it may add materials. */
const OPEN_FOR_UPLOADS = new Set(['draft', 'returned']);

interface FilingPanelProps {
  filing: Filing;
  side: 'institution' | 'authority';
  /** The institution id to upload materials to, when the viewer may upload. */
  uploadTo?: string;
}

/**
 * One filing as both sides see it: progress, deadlines, what the authority named missing, the
 * allowed actions, the materials checklist and every event so far.
 */
export function FilingPanel({ filing, side, uploadTo }: FilingPanelProps) {
  const { t } = useTranslation();
  const changes = Object.entries(filing.changes ?? {});
  const returned = filing.status === 'returned';
  const named = returned ? filing.missingMaterials : [];
  // Materials the authority named that the checklist does not list yet (e.g. on a change filing).
  const materials = [
    ...filing.materials,
    ...named
      .filter((kind) => !filing.materials.some((m) => m.kind === kind))
      .map((kind) => ({ kind, required: true, present: false, uploads: [] })),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="filing-panel">
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <FilingSteps filing={filing} />
          <FilingDeadlines filing={filing} />
          {filing.status === 'returned' && (
            <Alert
              type="warning"
              showIcon
              title={t('filing.returnedTitle')}
              data-testid="filing-missing"
              description={
                <div>
                  {filing.missingMaterials.length > 0 && (
                    <div>
                      {t('filing.missingMaterials')}：
                      {filing.missingMaterials.map((kind) => codeLabel(t, 'material', kind)).join('、')}
                    </div>
                  )}
                  {filing.comment && <div>{filing.comment}</div>}
                </div>
              }
            />
          )}
          {changes.length > 0 && (
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('filing.changes')}
              items={changes.map(([key, value]) => ({
                key,
                label: t(`institution.${key === 'regionCode' ? 'region' : key}`, { defaultValue: key }),
                children: showValue(value),
              }))}
            />
          )}
          <FilingActions filing={filing} side={side} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('filing.materials')}</Typography.Title>
          {materials.length === 0 ? (
            <Typography.Text type="secondary">{t('materials.noneRequired')}</Typography.Text>
          ) : (
            <MaterialsChecklist
              materials={materials}
              named={named}
              uploadTo={OPEN_FOR_UPLOADS.has(filing.status) ? uploadTo : undefined}
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('filing.events')}</Typography.Title>
          <FilingEvents filing={filing} />
        </Col>
      </Row>
    </Space>
  );
}
