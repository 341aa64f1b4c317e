import { HistoryOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Grid, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type DueItem, useAssessmentForm, useDueAssessments } from '../../api/assessments';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { GradeTag } from './assessment-labels';

const HORIZONS = { today: 0, d30: 30, d90: 90 } as const;
type Horizon = keyof typeof HORIZONS;
const STATE_COLORS = { never: 'purple', overdue: 'red', due: 'blue' } as const;

/**
 * The assessor's work list on the tablet: people due or overdue for re-assessment, and disabled
 * people never assessed, searchable by name; a tap starts the assessment at the person's home.
 */
export default function AssessmentsWorkListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [horizon, setHorizon] = useState<Horizon>('d30');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 300);
  const before = dayjs().add(HORIZONS[horizon], 'day').format('YYYY-MM-DD');
  const list = useDueAssessments({ q: q || undefined, before, page, pageSize: 20 });
  const form = useAssessmentForm(i18n.language);
  const wide = Grid.useBreakpoint().md ?? true;

  return (
    <Card title={t('assessmentRecords.workListTitle')} styles={{ body: { paddingTop: 12 } }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Input.Search
          size="large"
          allowClear
          value={search}
          placeholder={t('assessmentRecords.searchPlaceholder')}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          data-testid="assessments-search"
        />
        <Segmented<Horizon>
          size="large"
          block={!wide}
          value={horizon}
          options={(Object.keys(HORIZONS) as Horizon[]).map((key) => ({
            value: key,
            label: t(`assessmentRecords.horizon.${key}`),
          }))}
          onChange={(value) => {
            setHorizon(value);
            setPage(1);
          }}
          data-testid="assessments-horizon"
        />
        {list.isError && <Alert type="error" showIcon title={list.error.message} />}
        <List<DueItem>
          itemLayout={wide ? 'horizontal' : 'vertical'}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessmentRecords.empty')} />
            ),
          }}
          pagination={
            (list.data?.total ?? 0) > 20
              ? {
                  current: page,
                  pageSize: 20,
                  total: list.data?.total,
                  onChange: setPage,
                  showSizeChanger: false,
                }
              : false
          }
          renderItem={(item) => (
            <List.Item
              key={item.personId}
              data-testid="due-row"
              data-person-id={item.personId}
              style={{ padding: '14px 4px', cursor: 'pointer', alignItems: 'center' }}
              onClick={() => navigate(`/assessments/new/${item.personId}`)}
              actions={[
                <Button
                  key="history"
                  size="large"
                  icon={<HistoryOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    navigate(`/assessments/person/${item.personId}`);
                  }}
                  data-testid="due-row-history"
                >
                  {t('assessmentRecords.history')}
                </Button>,
                <Button key="start" type="primary" size="large" data-testid="due-row-start">
                  {t('assessmentRecords.start')} <RightOutlined />
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={8}>
                    <Typography.Text strong style={{ fontSize: 17 }}>
                      {item.name}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t(`assessmentRecords.sex.${item.sex}`, { defaultValue: item.sex })} ·{' '}
                      {t('assessmentRecords.age', { count: item.age })}
                    </Typography.Text>
                    <Tag color={STATE_COLORS[item.state]} data-testid="due-row-state">
                      {t(`assessmentRecords.state.${item.state}`)}
                    </Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>
                      {item.regionName ?? item.regionCode}
                      {item.address ? ` · ${item.address}` : ''}
                    </span>
                    <Space wrap size={6}>
                      {item.nextDueOn ? (
                        <span>{t('assessmentRecords.dueOn', { date: item.nextDueOn })}</span>
                      ) : (
                        <span>{t('assessmentRecords.neverAssessed')}</span>
                      )}
                      {item.lastGrade && (
                        <>
                          <span>{t('assessmentRecords.lastAssessed', { date: item.lastAssessedOn })}</span>
                          <GradeTag grade={item.lastGrade} form={form.data} />
                        </>
                      )}
                      {item.flags.map((flag) => (
                        <Tag key={flag}>{t(`assessmentRecords.flags.${flag}`, { defaultValue: flag })}</Tag>
                      ))}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
