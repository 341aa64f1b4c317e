import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/places';

/** An offer's capacity with a save button that appears once it is changed. */
export function OfferCapacityEditor({
  offer,
  saving,
  onSave,
}: {
  offer: Offer;
  saving: boolean;
  onSave: (capacity: number) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(offer.capacity);
  const changed = value !== null && value !== offer.capacity;
  return (
    <Space.Compact size="small">
      <InputNumber
        min={0}
        max={500}
        precision={0}
        value={value}
        onChange={setValue}
        style={{ width: 72 }}
        aria-label={t('places.offers.capacity')}
        data-testid="offer-capacity"
      />
      <Button
        size="small"
        type={changed ? 'primary' : 'default'}
        disabled={!changed}
        loading={saving}
        onClick={() => value !== null && onSave(value)}
        data-testid="offer-capacity-save"
      >
        {t('common.save')}
      </Button>
    </Space.Compact>
  );
}
