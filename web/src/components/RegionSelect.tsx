import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegion, useRegionSearch } from '../api/queries';
import { levelLabel } from '../lib/labels';
import { useDebouncedValue } from '../lib/use-debounced-value';

interface RegionSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only regions inside this prefix (the caller's own region). */
  within?: string;
  /** Only regions of this level (1–5), e.g. the level a role is scoped at. */
  level?: number;
  placeholder?: string;
  testId?: string;
}

/** A searchable region picker for forms; the value is the region code. */
export function RegionSelect({ value, onChange, within, level, placeholder, testId }: RegionSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useRegionSearch(q, within, 50);
  const hits = (search.data?.items ?? []).filter((hit) => !level || hit.level === level);
  const [chosenLabel, setChosenLabel] = useState<Record<string, string>>({});
  // A value set from outside (a map click, the address bar): name it from the region tree.
  const outside = useRegion(value && !chosenLabel[value] ? value : null);
  const outsideLabel =
    outside.data && outside.data.code === value
      ? `${[...outside.data.path.map((r) => r.name), outside.data.name].join('')} · ${value}`
      : undefined;

  const options = hits.map((hit) => ({
    value: hit.code,
    label: `${hit.fullName} · ${hit.code}`,
    title: hit.fullName,
    level: hit.level,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: chosenLabel[value] ?? outsideLabel ?? value, title: value, level: 0 });
  }

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(code: string | undefined) => {
        const hit = hits.find((h) => h.code === code);
        if (code && hit)
          setChosenLabel((current) => ({ ...current, [code]: `${hit.fullName} · ${hit.code}` }));
        onChange?.(code);
      }}
      options={options}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Text ellipsis>{option.data.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {option.data.level ? levelLabel(t, option.data.level) : ''} {option.value}
          </Typography.Text>
        </div>
      )}
      loading={search.isFetching}
      placeholder={placeholder ?? t('regionSelect.placeholder')}
      notFoundContent={text.trim() ? t('regions.searchNoResult') : t('regionSelect.typeToSearch')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
