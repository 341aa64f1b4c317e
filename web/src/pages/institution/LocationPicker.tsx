import { Modal, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';

const DirectoryMap = lazy(() => import('../../components/charts/DirectoryMap'));

interface LocationPickerProps {
  open: boolean;
  /** Where to start: the institution's region (the map shows its city). */
  regionCode?: string;
  value: { lat: number; lng: number } | null;
  onPick: (point: { lat: number; lng: number }) => void;
  onClose: () => void;
}

/** Pick the institution's coordinates with a click on the region map. */
export function LocationPicker({ open, regionCode, value, onPick, onClose }: LocationPickerProps) {
  const { t } = useTranslation();
  const [region, setRegion] = useState(regionCode);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('institution.pickLocation')}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('institution.pickLocationHint')}</Typography.Paragraph>
      <Suspense fallback={<PageLoading />}>
        <DirectoryMap
          items={[]}
          regionCode={region}
          point={value}
          picking
          onPickPoint={(point) => {
            onPick(point);
            onClose();
          }}
          onRegion={setRegion}
          onOpen={() => undefined}
          height={420}
        />
      </Suspense>
    </Modal>
  );
}
