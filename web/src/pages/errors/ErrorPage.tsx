import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

type Status = 403 | 404 | 500;

/** 403 (no permission), 404 (no such page) or 500 with a way back home. */
export default function ErrorPage({ status, message }: { status: Status; message?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid={`error-${status}`}>
      <Result
        status={status === 500 ? 'error' : status}
        title={t(`errorPage.${status}.title`)}
        subTitle={message ?? t(`errorPage.${status}.description`)}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('errorPage.backHome')}
          </Button>
        }
      />
    </div>
  );
}
