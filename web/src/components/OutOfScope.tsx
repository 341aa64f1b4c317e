import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when the API refuses (403) data outside the official's own region. */
export function OutOfScope({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="out-of-scope">
      <Result
        status="403"
        title={t('regions.outOfScope')}
        subTitle={message ?? t('regions.outOfScopeHint')}
      />
    </div>
  );
}
