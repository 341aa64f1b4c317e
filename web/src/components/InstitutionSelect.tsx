import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { useDebouncedValue } from '../lib/use-debounced-value';

interface InstitutionHit {
  id: string;
  name: string;
  regionCode: string;
}

/** A searchable picker of institutions in the caller's scope; the value is the institution id. */
export function InstitutionSelect({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useQuery({
    queryKey: ['institutions', 'lookup', q],
    queryFn: ({ signal }) =>
      get<{ items: InstitutionHit[] }>('/api/institutions/lookup', { q: q || undefined, limit: 20 }, signal),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={onChange}
      loading={search.isFetching}
      placeholder={t('accounts.institutionIdHint')}
      options={(search.data?.items ?? []).map((hit) => ({
        value: hit.id,
        label: `${hit.name} · ${hit.regionCode}`,
      }))}
      data-testid="account-institution"
      style={{ width: '100%' }}
    />
  );
}
