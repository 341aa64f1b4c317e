import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FormOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SendOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
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
  {
    key: 'attendance',
    path: '/institution/attendance',
    icon: <CheckSquareOutlined />,
    care: 'ownInstitution',
    permission: 'attendance.manage',
  },
  {
    key: 'room-board',
    path: '/institution/room-board',
    icon: <DashboardOutlined />,
    care: 'ownInstitution',
    permission: 'attendance.manage',
  },
  {
    key: 'rosters',
    path: '/institution/rosters',
    icon: <ScheduleOutlined />,
    care: 'ownInstitution',
    permission: 'attendance.manage',
  },
  {
    key: 'places',
    path: '/institution/places',
    icon: <CalendarOutlined />,
    care: 'ownInstitution',
    permission: 'bookings.manage',
  },
  { key: 'institutions', path: '/institutions', icon: <BankOutlined />, care: 'register' },
  { key: 'filing-queue', path: '/filings', icon: <FileDoneOutlined />, care: 'reviewFilings' },
  { key: 'regions', path: '/regions', icon: <ClusterOutlined />, permission: 'regions.read' },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, permission: 'accounts.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'notifications', path: '/notifications', icon: <BellOutlined />, permission: 'notifications.read' },
  { key: 'duty', path: '/care/duty', icon: <HeartOutlined />, permission: 'care.contacts' },
  {
    key: 'care-visits',
    path: '/care/visits',
    icon: <EnvironmentOutlined />,
    care: 'ownInstitution',
    permission: 'homecare.provide',
  },
  {
    key: 'care-assign',
    path: '/care/orders',
    icon: <SendOutlined />,
    care: 'ownInstitution',
    permission: 'homecare.provide',
  },
  {
    key: 'care-menu',
    path: '/care/menu',
    icon: <UnorderedListOutlined />,
    care: 'ownInstitution',
    permission: 'homecare.provide',
  },
  { key: 'care-orders', path: '/care/orders', icon: <SendOutlined />, permission: 'homecare.order' },
  {
    key: 'care-exceptions',
    path: '/care/exceptions',
    icon: <ExceptionOutlined />,
    permission: 'homecare.review',
  },
  {
    key: 'care-settlements',
    path: '/care/settlements',
    icon: <AccountBookOutlined />,
    permission: 'homecare.review',
  },
  { key: 'assessments', path: '/assessments', icon: <FormOutlined />, permission: 'assessments.manage' },
  { key: 'programs', path: '/programs', icon: <GiftOutlined />, permission: 'people.read' },
  {
    key: 'programs-coverage',
    path: '/programs/coverage',
    icon: <SafetyCertificateOutlined />,
    permission: 'people.read',
  },
  { key: 'family', path: '/family', icon: <TeamOutlined />, permission: 'bookings.book' },
  { key: 'myBookings', path: '/my-bookings', icon: <CarryOutOutlined />, permission: 'bookings.book' },
  { key: 'find', path: '/find', icon: <SearchOutlined /> },
  { key: 'password', path: '/password', icon: <KeyOutlined /> },
];

/** The side menu, built from the permissions the API granted this account. */
export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // The entry whose path is the longest prefix of the location (so /institution/places selects 名额与预约,
  // not 本机构), comparing whole segments.
  const path = location.pathname;
  const selected =
    ENTRIES.filter(
      (entry) => entry.path !== '/' && (path === entry.path || path.startsWith(`${entry.path}/`)),
    ).sort((a, b) => b.path.length - a.path.length)[0]?.key ?? 'home';
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
