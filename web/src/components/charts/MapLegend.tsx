import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegion } from '../../api/queries';
import { KIND_COLORS } from '../../lib/care-codes';

/** A region's name (from the public region tree), its code until it arrives. */
export function RegionName({ code }: { code: string }) {
  const region = useRegion(code);
  return <>{region.data?.name ?? code}</>;
}

/** Which colour is which kind group, and what the red ring means. */
export function MapLegend() {
  const { t } = useTranslation();
  const dot = (color: string, ring = false) => (
    <span
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: color,
        border: ring ? '2px solid #c2413b' : '1px solid #fff',
        marginInlineEnd: 4,
        verticalAlign: 'middle',
      }}
    />
  );
  return (
    <Space wrap size={[12, 4]} style={{ fontSize: 12, color: '#5b6b7a', marginTop: 4 }}>
      <span>
        {dot(KIND_COLORS.childcare_centre!)}
        {t('directory.kindGroup.childcare')}
      </span>
      <span>
        {dot(KIND_COLORS.community_elderly_centre!)}
        {t('directory.kindGroup.elderly')}
      </span>
      <span>
        {dot('#ffffff', true)}
        {t('directory.affordable')}
      </span>
    </Space>
  );
}
