import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionSearch } from '../api/queries';
import { levelLabel } from '../lib/labels';
import { useDebouncedValue } from '../lib/use-debounced-value';

interface RegionSearchProps {
  /** Called with the chosen region's code. */
  onOpen: (code: string) => void;
  /** Limit results to this region prefix. */
  within?: string;
}

/** Search regions by Chinese name, pinyin, initials or code; results show the full name. */
export function RegionSearch({ onOpen, within }: RegionSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useRegionSearch(q, within);
  const hits = text.trim() ? (search.data?.items ?? []) : [];

  const options = hits.map((hit) => ({
    value: hit.code,
    label: (
      <div data-testid="region-search-option" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {hit.fullName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hit.code}
          </Typography.Text>
        </div>
        <Tag style={{ marginInlineEnd: 0 }}>{levelLabel(t, hit.level)}</Tag>
      </div>
    ),
  }));

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={(value) => setText(value)}
      onSelect={(code: string) => {
        const hit = hits.find((h) => h.code === code);
        setText(hit?.fullName ?? code);
        onOpen(code);
      }}
      notFoundContent={
        text.trim() && !search.isFetching && q === text ? t('regions.searchNoResult') : undefined
      }
      popupMatchSelectWidth
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        suffix={search.isFetching ? <LoadingOutlined /> : <span />}
        placeholder={t('regions.searchPlaceholder')}
        aria-label={t('regions.searchPlaceholder')}
        data-testid="region-search"
      />
    </AutoComplete>
  );
}
