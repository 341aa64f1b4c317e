import { Alert, type ButtonProps, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpectedChild } from '../../api/attendance';

/**
 * Choose who drops the child off or picks them up, from the household's authorised list only
 * (the server refuses anyone else with `attendance.not_authorised`).
 */
export function PickerModal({
  child,
  mode,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  child: ExpectedChild;
  mode: 'in' | 'out';
  loading: boolean;
  error: string | null;
  onConfirm: (personId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<string | undefined>(child.pickers[0]?.id);
  return (
    <Modal
      open
      title={t(mode === 'in' ? 'attendance.checkInTitle' : 'attendance.checkOutTitle', { name: child.name })}
      okText={t(mode === 'in' ? 'attendance.checkIn' : 'attendance.checkOut')}
      okButtonProps={{ disabled: !person, 'data-testid': 'attendance-picker-ok' } as ButtonProps}
      confirmLoading={loading}
      onOk={() => person && onConfirm(person)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(mode === 'in' ? 'attendance.whoDropsOff' : 'attendance.whoPicksUp')}
        </Typography.Text>
        {child.pickers.length === 0 ? (
          <Alert type="warning" showIcon title={t('attendance.noPickers')} />
        ) : (
          <Radio.Group
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            data-testid="attendance-pickers"
            options={child.pickers.map((p) => ({
              value: p.id,
              label: `${p.name}（${t(`attendance.relation.${p.relation}`, { defaultValue: p.relation })}${p.phone ? ` · ${p.phone}` : ''}）`,
            }))}
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}
