import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportDrawer } from '../../components/ImportDrawer';

const COLUMNS = 'code, year, residents, children_under_3, aged_60_plus, aged_80_plus';

/** Population import from CSV or XLSX, checked by a dry run before anything is written. */
export function PopulationImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('import.title')}
      intro={
        <>
          {t('import.intro')} <Typography.Text code>{COLUMNS}</Typography.Text>
        </>
      }
      endpoint="/api/regions/population/import"
      invalidate={['regions', 'stats']}
      testId="population-import"
    />
  );
}
