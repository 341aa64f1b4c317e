import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner while a page chunk or its data loads. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: fullScreen ? '100vh' : 240,
      }}
    >
      <Spin description={t('common.loading')} />
    </div>
  );
}
