import { CalendarOutlined, LoginOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/queries';

/**
 * On an institution's public page: "预约" for a signed-in resident, "登录后预约" (back here after
 * signing in) for a visitor; nothing for staff and officials, who do not book.
 */
export function BookButton({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const target = `/book/${institutionId}`;
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <Button
        size="large"
        icon={<LoginOutlined />}
        onClick={() => navigate('/login', { state: { from: target } })}
        data-testid="book-login"
        style={{ marginTop: 16, width: '100%', maxWidth: 320 }}
      >
        {t('book.loginToBook')}
      </Button>
    );
  }
  if (!me.data.permissions.includes('bookings.book')) return null;
  return (
    <Button
      type="primary"
      size="large"
      icon={<CalendarOutlined />}
      onClick={() => navigate(target)}
      data-testid="book-button"
      style={{ marginTop: 16, width: '100%', maxWidth: 320 }}
    >
      {t('book.bookHere')}
    </Button>
  );
}
