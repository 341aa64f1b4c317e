import { Alert, App, Button, Card, Checkbox, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServiceItem, useMenu, useProviderItems, useSaveProviderItems } from '../../api/homecare';
import { useSession } from '../../api/queries';
import ErrorPage from '../errors/ErrorPage';
import { money } from './labels';

type Choice = Record<string, { chosen: boolean; price: number | null }>;

/** A provider chooses the items it offers from its region's menu, each at the menu price or its own. */
export default function CareMenuPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const institutionId = useSession().account.institutionId ?? undefined;
  const menu = useMenu();
  const offered = useProviderItems(institutionId);
  const save = useSaveProviderItems(institutionId ?? '');
  const [choice, setChoice] = useState<Choice>({});

  useEffect(() => {
    if (!offered.data) return;
    setChoice(
      Object.fromEntries(
        offered.data.items.map((i) => [i.id, { chosen: true, price: i.ownPrice }]),
      ) as Choice,
    );
  }, [offered.data]);

  if (!institutionId) return <ErrorPage status={403} />;
  const set = (id: string, patch: Partial<Choice[string]>) =>
    setChoice((c) => ({ ...c, [id]: { chosen: false, price: null, ...c[id], ...patch } }));

  const columns: ColumnsType<ServiceItem> = [
    {
      title: t('homecare.offer'),
      key: 'chosen',
      width: 70,
      render: (_, i) => (
        <Checkbox
          checked={choice[i.id]?.chosen ?? false}
          onChange={(e) => set(i.id, { chosen: e.target.checked })}
          data-testid={`menu-item-${i.code}`}
        />
      ),
    },
    { title: t('homecare.code'), dataIndex: 'code', width: 110 },
    { title: t('homecare.item'), dataIndex: 'name', width: 200 },
    {
      title: t('homecare.categoryTitle'),
      key: 'category',
      width: 160,
      render: (_, i) => (
        <Tag color={i.category === 'core' ? 'green' : i.category === 'package' ? 'blue' : 'default'}>
          {t(`homecare.category.${i.category}`)}
          {i.packageName ? ` · ${i.packageName}` : ''}
        </Tag>
      ),
    },
    {
      title: t('homecare.duration'),
      dataIndex: 'durationMinutes',
      width: 90,
      render: (m: number) => t('homecare.minutes', { count: m }),
    },
    { title: t('homecare.menuPrice'), dataIndex: 'price', width: 100, render: money },
    {
      title: t('homecare.ownPrice'),
      key: 'own',
      width: 150,
      render: (_, i) => (
        <InputNumber
          min={0}
          max={100000}
          precision={2}
          prefix="¥"
          placeholder={i.price.toFixed(2)}
          disabled={!choice[i.id]?.chosen}
          value={choice[i.id]?.price ?? null}
          onChange={(v) => set(i.id, { price: v ?? null })}
          data-testid={`menu-price-${i.code}`}
        />
      ),
    },
  ];

  const onMenu = new Set((menu.data?.items ?? []).map((i) => i.id));
  const submit = () =>
    save.mutate(
      Object.entries(choice)
        .filter(([id, c]) => c.chosen && onMenu.has(id))
        .map(([itemId, c]) => ({ itemId, price: c.price })),
      { onSuccess: () => message.success(t('homecare.menuSaved')) },
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('homecare.menuTitle')}
        </Typography.Title>
        <Button type="primary" loading={save.isPending} onClick={submit} data-testid="menu-save">
          {t('common.save')}
        </Button>
      </div>
      <Typography.Text type="secondary">{t('homecare.menuHint')}</Typography.Text>
      {(menu.error ?? offered.error ?? save.error) && (
        <Alert type="error" showIcon title={(menu.error ?? offered.error ?? save.error)!.message} />
      )}
      <Card size="small">
        <Table<ServiceItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={menu.data?.items ?? []}
          loading={menu.isFetching || offered.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
    </Space>
  );
}
