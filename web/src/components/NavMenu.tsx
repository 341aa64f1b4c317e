import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  HomeOutlined,
  KeyOutlined,
  SearchOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types';
import { type CareAccess, careAccess } from '../lib/access';

interface NavEntry {
  key: string;
  path: string;
  icon: React.ReactNode;
  /** Shown only to accounts holding this permission. */
  permission?: string;
  /** Shown only to accounts the institutions pages are for (see careAccess). */
  care?: keyof CareAccess;
}

const ENTRIES: NavEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'institution', path: '/institution', icon: <ShopOutlined />, care: 'ownInstitution' },
  { key: 'institutions', path: '/institutions', icon: <BankOutlined />, care: 'register' },
  { key: 'filing-queue', path: '/filings', icon: <FileDoneOutlined />, care: 'reviewFilings' },
  { key: 'regions', path: '/regions', icon: <ClusterOutlined />, permission: 'regions.read' },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, permission: 'accounts.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'notifications', path: '/notifications', icon: <BellOutlined />, permission: 'notifications.read' },
  { key: 'find', path: '/find', icon: <SearchOutlined /> },
  { key: 'password', path: '/password', icon: <KeyOutlined /> },
];

/** The side menu, built from the permissions the API granted this account. */
export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const segment = location.pathname.split('/')[1] ?? '';
  const selected = ENTRIES.find((entry) => entry.path.split('/')[1] === segment)?.key ?? 'home';
  const access = careAccess(me);
  const visible = ENTRIES.filter(
    (entry) =>
      (!entry.permission || me.permissions.includes(entry.permission)) && (!entry.care || access[entry.care]),
  );
  const items: MenuProps['items'] = visible.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: <span data-testid={`menu-${entry.key}`}>{t(`nav.${entry.key}`)}</span>,
  }));
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        const entry = ENTRIES.find((e) => e.key === key);
        if (entry) navigate(entry.path);
        onNavigate?.();
      }}
    />
  );
}
