import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIMARY_COLOR } from '../theme';

/** Logo mark and product name; the long name is dropped on phones. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}
      aria-label={t('app.name')}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} style={{ flex: 'none' }} />
      <Typography.Text
        strong
        ellipsis
        style={{ color: PRIMARY_COLOR, fontSize: compact ? 15 : 17, maxWidth: compact ? 140 : 360 }}
      >
        {compact ? t('app.shortName') : t('app.name')}
      </Typography.Text>
    </Link>
  );
}
