import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../api/types';
import { codeLabel, FILING_STATUS_COLORS, KIND_COLORS, priceText } from '../../lib/care-codes';
import { formatDateTime } from '../../lib/format';
import { OpeningHours } from './OpeningHours';

/** Status of an institution (its filing state) as a coloured tag. */
export function InstitutionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={FILING_STATUS_COLORS[status] ?? 'default'}>{codeLabel(t, 'filingStatus', status)}</Tag>;
}

/** Pairs in a two-column grid; full-width rows where a row starts. */
const ORDER = [
  'name',
  'kind',
  'operator',
  'status',
  'filedAt',
  'creditCode',
  'legalRepresentative',
  'affordable',
  'grade',
  'region',
  'address',
  'location',
  'floor',
  'phone',
  'ages',
  'careForms',
  'prices',
  'hours',
  'counts',
  'chainOperator',
  'entrustedBy',
  'functions',
  'description',
];

function orderItems<T extends { key: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
}

/** Every particular of one institution, read-only (the register and "my institution" both show it). */
export function InstitutionProfile({ institution: inst }: { institution: Institution }) {
  const { t } = useTranslation();
  const dash = (value: unknown) =>
    value === null || value === undefined || value === '' ? '—' : String(value);
  const prices = Object.entries(inst.prices ?? {});
  return (
    <div data-testid="institution-profile">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        items={orderItems([
          { key: 'name', label: t('institution.name'), children: inst.name, span: 2 },
          {
            key: 'kind',
            label: t('institution.kind'),
            children: <Tag color={KIND_COLORS[inst.kind]}>{codeLabel(t, 'kind', inst.kind)}</Tag>,
          },
          {
            key: 'operator',
            label: t('institution.operator'),
            children: codeLabel(t, 'operator', inst.operator),
          },
          {
            key: 'status',
            label: t('institution.status'),
            children: <InstitutionStatusTag status={inst.status} />,
          },
          { key: 'filedAt', label: t('institution.filedAt'), children: formatDateTime(inst.filedAt) },
          { key: 'creditCode', label: t('institution.creditCode'), children: dash(inst.creditCode) },
          {
            key: 'legalRepresentative',
            label: t('institution.legalRepresentative'),
            children: dash(inst.legalRepresentative),
          },
          {
            key: 'affordable',
            label: t('institution.affordable'),
            children: inst.affordable ? (
              <Tag color="red">
                {inst.priceCap
                  ? t('directory.affordableCap', { price: inst.priceCap })
                  : t('directory.affordable')}
              </Tag>
            ) : (
              t('institution.notAffordable')
            ),
          },
          {
            key: 'grade',
            label: t('institution.grade'),
            children: inst.grade ? `${inst.grade}${inst.stars ? ` · ${'★'.repeat(inst.stars)}` : ''}` : '—',
          },
          {
            key: 'region',
            label: t('institution.region'),
            children: `${inst.regionName ?? ''} (${inst.regionCode})`,
            span: 2,
          },
          { key: 'address', label: t('institution.address'), children: dash(inst.address), span: 2 },
          {
            key: 'location',
            label: t('institution.location'),
            children: inst.lat !== null && inst.lat !== undefined ? `${inst.lat}, ${inst.lng}` : '—',
          },
          { key: 'floor', label: t('institution.floor'), children: dash(inst.floor) },
          { key: 'phone', label: t('institution.phone'), children: dash(inst.phone) },
          {
            key: 'ages',
            label: t('institution.ages'),
            children:
              inst.minAgeMonths !== null && inst.minAgeMonths !== undefined
                ? t('directory.ageRange', { min: inst.minAgeMonths, max: inst.maxAgeMonths ?? '—' })
                : '—',
          },
          {
            key: 'careForms',
            label: t('institution.careForms'),
            children: (inst.careForms ?? []).length
              ? (inst.careForms ?? []).map((f) => <Tag key={f}>{codeLabel(t, 'careForm', f)}</Tag>)
              : '—',
          },
          {
            key: 'prices',
            label: t('institution.prices'),
            children: prices.length
              ? prices.map(([form, price]) => (
                  <div key={form}>
                    {codeLabel(t, 'priceItem', form)}: {priceText(t, form, price)}
                  </div>
                ))
              : '—',
          },
          {
            key: 'hours',
            label: t('institution.openingHours'),
            children: <OpeningHours hours={inst.openingHours} />,
          },
          {
            key: 'functions',
            label: t('institution.functions'),
            span: 2,
            children: inst.functions.length ? (
              <Space wrap size={[4, 4]}>
                {inst.functions.map((f) => (
                  <Tag key={f.function}>
                    {codeLabel(t, 'function', f.function)} · {f.capacity} {codeLabel(t, 'unit', f.unit)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'counts',
            label: t('institution.counts'),
            children: t('institution.countsValue', { classes: inst.classesCount, staff: inst.staffCount }),
          },
          { key: 'chainOperator', label: t('institution.chainOperator'), children: dash(inst.chainOperator) },
          { key: 'entrustedBy', label: t('institution.entrustedBy'), children: dash(inst.entrustedBy) },
          {
            key: 'description',
            label: t('institution.description'),
            span: 2,
            children: inst.description ? (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {inst.description}
              </Typography.Paragraph>
            ) : (
              '—'
            ),
          },
        ])}
      />
    </div>
  );
}
