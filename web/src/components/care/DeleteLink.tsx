import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

/** A danger "delete" link that asks first; the mutation's own error display reports failures. */
export function DeleteLink({
  title,
  onConfirm,
  testId,
}: {
  title: string;
  onConfirm: () => Promise<unknown>;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={title}
      onConfirm={() => onConfirm().catch(() => undefined)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
    >
      <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={testId}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
