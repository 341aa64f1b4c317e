import type { ThemeConfig } from 'antd';

/** A calm teal-blue, readable on government office monitors and phones alike. */
export const PRIMARY_COLOR = '#1f6f8b';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_COLOR,
    colorInfo: PRIMARY_COLOR,
    colorSuccess: '#3f8f5f',
    colorWarning: '#d48806',
    colorError: '#c2413b',
    colorBgLayout: '#f4f6f8',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6 },
  },
};

/** Colours for the age groups in population charts. */
export const AGE_COLORS = {
  under3: '#f5a623',
  aged60to79: '#5b8ff9',
  aged80Plus: '#1f6f8b',
  others: '#c9d6df',
  residents: PRIMARY_COLOR,
} as const;
