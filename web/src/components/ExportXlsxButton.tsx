import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';

type QueryValue = string | number | boolean | null | undefined;

/**
 * "导出 Excel / Export to Excel": a plain download link to a list's `…/export.xlsx` with the
 * list's current filters (paging left out) and the page's language; the session cookie goes
 * along, and the server applies the list's own scope and permission.
 */
export function ExportXlsxButton({
  path,
  filters,
  testId = 'export-xlsx',
}: {
  path: string;
  filters: object;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key !== 'page' && key !== 'pageSize') query[key] = value as QueryValue;
  }
  if (i18n.language === 'en') query.lang = 'en';
  return (
    <Button icon={<DownloadOutlined />} href={withQuery(path, query)} download data-testid={testId}>
      {t('common.exportXlsx')}
    </Button>
  );
}
