import type { Lang } from '../../server/i18n.js';
import { defineMessages } from '../../server/i18n.js';
import { FILING_MATERIALS } from '../../standards/filing-materials.js';
import type { FilingAction, FilingStatus } from './filing.workflow.js';

/** Messages of filings and uploads: every refusal names the field or the rule. */
export const FM = defineMessages({
  'filing.action_not_allowed': {
    'zh-CN': '备案当前状态为“{status}”，不能执行“{action}”；此状态可执行：{allowed}',
    en: 'The filing is "{status}"; "{action}" is not allowed now. Allowed in this status: {allowed}',
  },
  'filing.not_your_action': {
    'zh-CN': '“{action}”只能由{side}执行',
    en: '"{action}" can only be taken by {side}',
  },
  'filing.materials_missing': {
    'zh-CN': '备案材料不全，尚缺：{materials}',
    en: 'Filing materials are incomplete; still missing: {materials}',
  },
  'filing.return_needs_materials': {
    'zh-CN': '退回备案须列明缺少或不合格的材料（missingMaterials 至少一项）',
    en: 'Returning a filing must name the missing or faulty materials (missingMaterials, at least one)',
  },
  'filing.return_needs_comment': {
    'zh-CN': '退回备案须填写说明（comment）',
    en: 'Returning a filing needs a comment',
  },
  'filing.open_exists': {
    'zh-CN': '机构已有一项进行中的备案（状态“{status}”），同一时间只能有一项',
    en: 'The institution already has a filing in progress (status "{status}"); one at a time',
  },
  'filing.already_filed': {
    'zh-CN': '机构已备案，如需修改请提交变更备案',
    en: 'The institution is already filed; use a change filing',
  },
  'filing.needs_filed': {
    'zh-CN': '只有已备案的机构才能提交{kind}',
    en: 'Only a filed institution can make a {kind} filing',
  },
  'filing.changes_required': {
    'zh-CN': '变更备案须在 changes 中写明至少一项与现登记不同的登记事项',
    en: 'A change filing needs in "changes" at least one registered particular that differs from the register',
  },
  'filing.changes_only_for_change': {
    'zh-CN': '只有变更备案才带 changes',
    en: 'Only a change filing carries "changes"',
  },
  'uploads.type_not_allowed': {
    'zh-CN': '只接受 PDF、JPEG 或 PNG 文件（按文件内容判断，不看文件名）',
    en: 'Only PDF, JPEG or PNG files are accepted (judged from the content, not the name)',
  },
  'uploads.photo_must_be_image': {
    'zh-CN': '照片须为 JPEG 或 PNG 图片',
    en: 'A photo must be a JPEG or PNG image',
  },
  'uploads.too_large': {
    'zh-CN': '文件过大（上限 {limit}）',
    en: 'The file is too large (limit {limit})',
  },
  'uploads.empty': { 'zh-CN': '文件为空', en: 'The file is empty' },
  'uploads.locked_under_review': {
    'zh-CN': '备案审核期间（状态“{status}”）不能删除备案材料',
    en: 'Filing materials cannot be deleted while the filing is under review (status "{status}")',
  },
});

const STATUS_NAMES: Record<FilingStatus | 'deregistered', Record<Lang, string>> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  acknowledged: { 'zh-CN': '已接收', en: 'acknowledged' },
  returned: { 'zh-CN': '已退回', en: 'returned' },
  resubmitted: { 'zh-CN': '已重新提交', en: 'resubmitted' },
  filed: { 'zh-CN': '已备案', en: 'filed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  deregistered: { 'zh-CN': '已注销', en: 'deregistered' },
};

const ACTION_NAMES: Record<FilingAction, Record<Lang, string>> = {
  submit: { 'zh-CN': '提交', en: 'submit' },
  withdraw: { 'zh-CN': '撤回', en: 'withdraw' },
  acknowledge: { 'zh-CN': '接收', en: 'acknowledge' },
  return: { 'zh-CN': '退回补正', en: 'return' },
  approve: { 'zh-CN': '予以备案', en: 'approve' },
  resubmit: { 'zh-CN': '重新提交', en: 'resubmit' },
};

const SIDE_NAMES = {
  institution: { 'zh-CN': '机构管理员', en: "the institution's administrator" },
  authority: { 'zh-CN': '主管部门（县级及以上）', en: 'the supervising authority (county level and up)' },
} as const;

const KIND_NAMES = {
  initial: { 'zh-CN': '首次备案', en: 'initial' },
  change: { 'zh-CN': '变更备案', en: 'change' },
  deregistration: { 'zh-CN': '注销备案', en: 'deregistration' },
} as const;

/** A filing status in the caller's language. */
export const statusName = (status: string, lang: Lang) =>
  STATUS_NAMES[status as FilingStatus]?.[lang] ?? status;
/** A filing action in the caller's language. */
export const actionName = (action: string, lang: Lang) =>
  ACTION_NAMES[action as FilingAction]?.[lang] ?? action;
/** A list of actions in the caller's language, or a dash when none. */
export const actionNames = (actions: readonly string[], lang: Lang) =>
  actions.length ? actions.map((a) => actionName(a, lang)).join(lang === 'en' ? ', ' : '、') : '—';
export const sideName = (side: keyof typeof SIDE_NAMES, lang: Lang) => SIDE_NAMES[side][lang];
export const filingKindName = (kind: keyof typeof KIND_NAMES, lang: Lang) => KIND_NAMES[kind][lang];
/** A filing material's name in the caller's language. */
export const materialName = (kind: string, lang: Lang) =>
  (FILING_MATERIALS as Record<string, Record<Lang, string>>)[kind]?.[lang] ?? kind;
