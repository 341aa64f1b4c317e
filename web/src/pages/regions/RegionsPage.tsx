import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useRegion, useSession } from '../../api/queries';
import { RegionSearch } from '../../components/RegionSearch';
import { PopulationImportDrawer } from './PopulationImportDrawer';
import { RegionDetailPanel } from './RegionDetailPanel';
import { RegionTree } from './RegionTree';

/**
 * Browse administrative divisions: search, a tree (from the provinces, or from an official's
 * own region) and the selected region's detail with population statistics.
 */
export default function RegionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const { account, can, isOfficial } = useSession();
  const [importOpen, setImportOpen] = useState(false);

  const ownCode = isOfficial && account.regionCode ? account.regionCode : null;
  const ownRegion = useRegion(ownCode);
  const selectedCode = params.code ?? ownCode;
  const selected = useRegion(selectedCode);
  const open = (code: string) => navigate(`/regions/${code}`);

  const treeReady = !ownCode || ownRegion.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('regions.title')}
        </Typography.Title>
        {can('regions.population.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="import-open">
            {t('import.open')}
          </Button>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card size="small" title={t('regions.browse')}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <RegionSearch onOpen={open} />
              {treeReady ? (
                <RegionTree
                  root={ownRegion.data ?? null}
                  selectedCode={selectedCode}
                  selectedPath={selected.data ? [...selected.data.path, selected.data] : []}
                  onSelect={open}
                />
              ) : ownRegion.isError ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('regions.treeFailed')}
                  description={ownRegion.error.message}
                />
              ) : (
                <Skeleton active paragraph={{ rows: 6 }} />
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <RegionDetailPanel code={selectedCode} onOpen={open} />
        </Col>
      </Row>
      {importOpen && <PopulationImportDrawer open={importOpen} onClose={() => setImportOpen(false)} />}
    </Space>
  );
}
