import { AimOutlined, CloseOutlined, EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Input, InputNumber, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionSelect } from '../../components/RegionSelect';
import { CARE_FORMS, CHILDCARE_KINDS, codeOptions, GRADES, INSTITUTION_KINDS } from '../../lib/care-codes';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { DirectorySearch } from './directory-params';

interface DirectoryFiltersProps {
  search: DirectorySearch;
  onChange: (patch: Partial<DirectorySearch>) => void;
  picking: boolean;
  onPickingChange: (picking: boolean) => void;
}

const RADII = [1, 3, 5, 10, 20, 50];
/** The server's default search radius around a point, in km. */
const DEFAULT_RADIUS = 5;
/** Childcare is for children under 3: the directory filters ages up to 36 months. */
const MAX_AGE_MONTHS = 36;

/** Name search, region, kind, care form, child's age, affordable, grade, free places, location, sort. */
export function DirectoryFilters({ search, onChange, picking, onPickingChange }: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(search.q ?? '');
  const q = useDebouncedValue(text.trim(), 300);
  const [ageMode, setAgeMode] = useState<'months' | 'birth'>('months');
  const [locating, setLocating] = useState(false);
  const hasPoint = search.lat !== undefined && search.lng !== undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the debounced text changes
  useEffect(() => {
    if ((search.q ?? '') !== q) onChange({ q: q || undefined });
  }, [q]);

  const locate = () => {
    if (!navigator.geolocation) {
      message.warning(t('directory.noGeolocation'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        // Nearby matters more than the area picked before: search around the point instead.
        onChange({
          lat: Number(position.coords.latitude.toFixed(6)),
          lng: Number(position.coords.longitude.toFixed(6)),
          region: undefined,
          sort: 'distance',
        });
      },
      () => {
        setLocating(false);
        message.warning(t('directory.locationDenied'));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const kindGroups = [
    {
      label: t('directory.kindGroup.childcare'),
      options: codeOptions(t, 'kind', CHILDCARE_KINDS),
    },
    {
      label: t('directory.kindGroup.elderly'),
      options: codeOptions(
        t,
        'kind',
        INSTITUTION_KINDS.filter((k) => !CHILDCARE_KINDS.includes(k)),
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('directory.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="directory-search"
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
        <div style={{ gridColumn: 'span 2', minWidth: 0 }}>
          <RegionSelect
            value={search.region}
            onChange={(region) => onChange({ region })}
            placeholder={t('directory.region')}
            testId="directory-region"
          />
        </div>
        <Select
          allowClear
          mode="multiple"
          maxTagCount="responsive"
          placeholder={t('directory.kind')}
          value={search.kind ? search.kind.split(',') : []}
          onChange={(kinds: string[]) => onChange({ kind: kinds.length ? kinds.join(',') : undefined })}
          options={kindGroups}
          data-testid="directory-kind"
        />
        <Select
          allowClear
          placeholder={t('directory.careForm')}
          value={search.careForm}
          onChange={(careForm?: string) => onChange({ careForm })}
          options={codeOptions(t, 'careForm', CARE_FORMS)}
          data-testid="directory-care-form"
        />
        <Select
          allowClear
          placeholder={t('directory.minGrade')}
          value={search.grade}
          onChange={(grade?: string) => onChange({ grade })}
          options={GRADES.map((g) => ({ value: g, label: t('directory.gradeAtLeast', { grade: g }) }))}
          data-testid="directory-grade"
        />
        <Space.Compact style={{ gridColumn: 'span 2', width: '100%' }}>
          <Select
            value={ageMode}
            onChange={setAgeMode}
            style={{ width: 120, flex: 'none' }}
            options={[
              { value: 'months', label: t('directory.ageMonths') },
              { value: 'birth', label: t('directory.birthDate') },
            ]}
          />
          {ageMode === 'months' ? (
            <InputNumber
              min={0}
              max={MAX_AGE_MONTHS}
              precision={0}
              style={{ width: '100%' }}
              placeholder={t('directory.agePlaceholder')}
              value={search.age ?? null}
              onChange={(age) => onChange({ age: age ?? undefined })}
              suffix={t('directory.monthsUnit')}
              data-testid="directory-age"
            />
          ) : (
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs()) || dayjs().diff(d, 'month') > MAX_AGE_MONTHS}
              onChange={(d) => onChange({ age: d ? Math.max(0, dayjs().diff(d, 'month')) : undefined })}
              data-testid="directory-birth-date"
            />
          )}
        </Space.Compact>
      </div>
      <Space wrap size={[16, 8]}>
        <Checkbox
          checked={!!search.affordable}
          onChange={(e) => onChange({ affordable: e.target.checked || undefined })}
          data-testid="directory-affordable"
        >
          {t('directory.affordableOnly')}
        </Checkbox>
        <Checkbox
          checked={!!search.places}
          onChange={(e) => onChange({ places: e.target.checked || undefined })}
          data-testid="directory-has-places"
        >
          {t('directory.hasPlaces')}
        </Checkbox>
      </Space>
      <Space wrap size={[8, 8]}>
        <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="directory-locate">
          {t('directory.useMyLocation')}
        </Button>
        <Button
          icon={<EnvironmentOutlined />}
          type={picking ? 'primary' : 'default'}
          onClick={() => onPickingChange(!picking)}
          data-testid="directory-pick-point"
        >
          {picking ? t('directory.pickingPoint') : t('directory.pickPoint')}
        </Button>
        {hasPoint && (
          <Tag
            color="blue"
            closable
            closeIcon={<CloseOutlined />}
            onClose={() => onChange({ lat: undefined, lng: undefined, radius: undefined, sort: undefined })}
            data-testid="directory-point"
          >
            {t('directory.pointSet', { lat: search.lat?.toFixed(4), lng: search.lng?.toFixed(4) })}
          </Tag>
        )}
        {hasPoint && (
          <Select
            placeholder={t('directory.radius')}
            value={search.radius ?? DEFAULT_RADIUS}
            onChange={(radius: number) =>
              onChange({ radius: radius === DEFAULT_RADIUS ? undefined : radius })
            }
            style={{ width: 130 }}
            options={RADII.map((km) => ({ value: km, label: t('directory.withinKm', { km }) }))}
            data-testid="directory-radius"
          />
        )}
        <Select
          value={search.sort ?? (hasPoint ? 'distance' : 'name')}
          onChange={(sort: DirectorySearch['sort']) => onChange({ sort })}
          style={{ width: 150 }}
          options={(['distance', 'name', 'grade'] as const).map((s) => ({
            value: s,
            label: t(`directory.sort.${s}`),
            disabled: s === 'distance' && !hasPoint,
          }))}
          data-testid="directory-sort"
        />
      </Space>
    </Space>
  );
}
