import { DownloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InstitutionFilters, institutionsExportUrl, useInstitutions } from '../../api/institutions';
import { useSession } from '../../api/queries';
import type { InstitutionSummary } from '../../api/types';
import { InstitutionStatusTag } from '../../components/care/InstitutionProfile';
import { ImportDrawer } from '../../components/ImportDrawer';
import { RegionSelect } from '../../components/RegionSelect';
import { careAccess } from '../../lib/access';
import {
  codeLabel,
  codeOptions,
  INSTITUTION_KINDS,
  INSTITUTION_STATES,
  KIND_COLORS,
} from '../../lib/care-codes';
import { formatDateTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';

const IMPORT_COLUMNS =
  '名称/name, 类型/kind, 地址/address, 区划代码/region_code 或 区划名称/region_name, 托位/capacity, 举办性质/operator, 普惠/affordable, 电话/phone, 经度/lng, 纬度/lat, 状态/status';

/** The register of institutions in the official's region: filter, page, export, import. */
export default function InstitutionsPage() {
  const { t, i18n } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const session = useSession();
  const access = careAccess(session);
  const [filters, setFilters] = useState<InstitutionFilters>({ page: 1, pageSize: 20 });
  const [importOpen, setImportOpen] = useState(false);
  const [searchText, setSearchText] = useState('');
  const q = useDebouncedValue(searchText.trim(), 300);
  const list = useInstitutions(filters);

  const setFilter = (patch: Partial<InstitutionFilters>) =>
    setFilters((current) => ({ ...current, ...patch, page: 1 }));
  useEffect(() => {
    setFilters((current) =>
      current.q === (q || undefined) ? current : { ...current, q: q || undefined, page: 1 },
    );
  }, [q]);
  const { page: _page, pageSize: _size, ...exportFilters } = filters;

  const columns: ColumnsType<InstitutionSummary> = [
    {
      title: t('institution.name'),
      dataIndex: 'name',
      fixed: wide ? 'left' : undefined,
      width: 220,
      render: (name: string, row) => (
        <Link to={`/institutions/${row.id}`} data-testid="institution-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('institution.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: string) => <Tag color={KIND_COLORS[kind]}>{codeLabel(t, 'kind', kind)}</Tag>,
    },
    {
      title: t('institution.operator'),
      dataIndex: 'operator',
      width: 110,
      render: (v: string) => codeLabel(t, 'operator', v),
    },
    {
      title: t('institution.region'),
      key: 'region',
      width: 200,
      render: (_, row) => (
        <div>
          <div>{row.regionName ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.address || row.regionCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('institution.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <InstitutionStatusTag status={v} />,
    },
    {
      title: t('institution.affordable'),
      dataIndex: 'affordable',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="red">{t('directory.affordable')}</Tag> : '—'),
    },
    {
      title: t('institution.capacity'),
      dataIndex: 'capacity',
      width: 90,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('institution.grade'),
      key: 'grade',
      width: 90,
      render: (_, row) => (row.grade ? `${row.grade}${row.stars ? ` ${'★'.repeat(row.stars)}` : ''}` : '—'),
    },
    {
      title: t('institution.filedAt'),
      dataIndex: 'filedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('institutions.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={institutionsExportUrl(exportFilters, i18n.language)}
          download
          data-testid="institutions-export"
        >
          {t('institutions.export')}
        </Button>
        {access.importRegister && (
          <Button
            icon={<UploadOutlined />}
            onClick={() => setImportOpen(true)}
            data-testid="institutions-import"
          >
            {t('institutions.import')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('institutions.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            style={{ width: 220 }}
            data-testid="institutions-search"
          />
          <Select
            allowClear
            placeholder={t('institution.kind')}
            style={{ width: 180 }}
            value={filters.kind}
            onChange={(kind?: string) => setFilter({ kind })}
            options={codeOptions(t, 'kind', INSTITUTION_KINDS)}
            data-testid="institutions-kind-filter"
          />
          <Select
            allowClear
            placeholder={t('institution.status')}
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status?: string) => setFilter({ status })}
            options={codeOptions(t, 'filingStatus', INSTITUTION_STATES)}
            data-testid="institutions-status-filter"
          />
          <div style={{ width: 260 }}>
            <RegionSelect
              value={filters.regionCode}
              within={session.account.regionCode || undefined}
              onChange={(regionCode) => setFilter({ regionCode })}
              testId="institutions-region-filter"
            />
          </div>
          <Checkbox
            checked={!!filters.affordable}
            onChange={(e) => setFilter({ affordable: e.target.checked || undefined })}
            data-testid="institutions-affordable-filter"
          >
            {t('directory.affordableOnly')}
          </Checkbox>
        </Space>
        {list.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />
        )}
        <div data-testid="institutions-table">
          <Table<InstitutionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1250 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (page, pageSize) => setFilters((current) => ({ ...current, page, pageSize })),
            }}
          />
        </div>
      </Card>
      {importOpen && (
        <ImportDrawer
          open={importOpen}
          onClose={() => setImportOpen(false)}
          title={t('institutions.importTitle')}
          intro={
            <>
              {t('institutions.importIntro')} <Typography.Text code>{IMPORT_COLUMNS}</Typography.Text>
            </>
          }
          endpoint="/api/institutions/import"
          invalidate={['institutions']}
          testId="institutions-import-drawer"
        />
      )}
    </Space>
  );
}
