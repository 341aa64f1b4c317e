import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLang, currentLang } from '../i18n';

/** 中文 / English toggle: remembered in localStorage and sent to the API as Accept-Language. */
export function LangSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = currentLang() === 'en' ? 'zh-CN' : 'en';
  const onClick = async () => {
    await changeLang(next);
    // Server messages and names come back in the new language.
    await queryClient.invalidateQueries();
  };
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      onClick={onClick}
      data-testid="lang-switch"
      aria-label={t('lang.switchAria')}
      title={t('lang.switchAria')}
    >
      {t('lang.other')}
    </Button>
  );
}
