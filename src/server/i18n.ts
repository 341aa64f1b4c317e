/** Languages doorstep speaks; Chinese first. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Message = Readonly<Record<Lang, string>>;
const catalog = new Map<string, Message>();

/**
 * Register a module's messages. Placeholders are `{name}`. Each module calls this once
 * at import time; a code registered twice with other text is a programming error.
 */
export function defineMessages<const T extends Record<string, Message>>(messages: T): { [K in keyof T]: K } {
  const keys = {} as { [K in keyof T]: K };
  for (const [code, text] of Object.entries(messages)) {
    const existing = catalog.get(code);
    if (existing && existing['zh-CN'] !== text['zh-CN']) throw new Error(`message ${code} defined twice`);
    catalog.set(code, text);
    (keys as Record<string, string>)[code] = code;
  }
  return keys;
}

/** Pick the caller's language from `Accept-Language` (or an explicit `lang`); Chinese by default. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Render a message code in a language, filling `{placeholders}`. Unknown codes render as the code. */
export function translate(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const text = catalog.get(code)?.[lang] ?? code;
  return text.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}
