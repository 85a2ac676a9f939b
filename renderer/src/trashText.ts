// The UI strings of safe deletes (issue 15): the question naming what depends on an item, 回收站, and the
// editor's undo / redo; merged into the one dictionary (i18n.ts).
import type { Localized } from '../../shared/api/contract.js';

export const TRASH_TEXT = {
  // A delete's question and message
  del_confirmTitle: { zh: '删除“{name}”？', en: 'Delete "{name}"?' },
  del_confirmIntro: { zh: '以下内容依赖此记录：', en: 'These depend on this record:' },
  del_confirmScanIntro: { zh: '此附件证明以下记录或材料项：', en: 'This scan proves these records or material items:' },
  del_confirmOutro: {
    zh: '删除后它们不再有此证明；可随时在“回收站”恢复，关联不会丢失。',
    en: 'Once deleted they lose this proof; restore it from the Trash at any time, with its links.',
  },
  del_depScan: { zh: '附件“{name}”', en: 'Scan "{name}"' },
  del_depPaper: { zh: '纸质件说明：{item}', en: 'Paper copy note: {item}' },
  del_step: { zh: '删除“{name}”', en: 'delete "{name}"' },
  del_canUndo: { zh: '（{keys} 撤销，或在回收站恢复）', en: ' ({keys} to undo, or restore from the Trash)' },

  // Undo / redo
  redo: { zh: '重做', en: 'Redo' },
  hist_tip: { zh: '{action}（{keys}）', en: '{action} ({keys})' },
  hist_tipWhat: { zh: '：{what}', en: ': {what}' },
  hist_undoLabel: { zh: '撤销本页上一步（{keys}）', en: 'Undo the last step on this screen ({keys})' },
  hist_redoLabel: { zh: '重做本页下一步（{keys}）', en: 'Redo the next step on this screen ({keys})' },
  hist_undone: { zh: '已撤销：{what}', en: 'Undone: {what}' },
  hist_redone: { zh: '已重做：{what}', en: 'Redone: {what}' },
  hist_edit: { zh: '修改', en: 'edit' },
  hist_move: { zh: '调整顺序', en: 'reorder' },

  // 回收站
  nav_trash: { zh: '回收站', en: 'Trash' },
  intro_trash: {
    zh: '删除的记录和附件都在这里，可随时恢复：记录回到原来的位置，关联的附件和材料项不会丢失。',
    en: 'Deleted records and scans stay here for restore at any time: a record goes back to its place, with its links.',
  },
  trash_note: {
    zh: '在任一页面按 {keys} 可撤销该页的上一次删除或修改。',
    en: 'On any screen, {keys} undoes its last delete or edit.',
  },
  trash_empty: { zh: '回收站是空的', en: 'The trash is empty' },
  trash_emptyHint: {
    zh: '删除的记录和附件会出现在这里。',
    en: 'Deleted records and scans appear here.',
  },
  trash_what: { zh: '内容', en: 'What' },
  trash_screen: { zh: '所在页面', en: 'Screen' },
  trash_when: { zh: '删除时间', en: 'Deleted' },
  trash_scan: { zh: '附件', en: 'Scan' },
  trash_links: { zh: '关联 {n} 处', en: '{n} {n:link|links}' },
  trash_restore: { zh: '恢复', en: 'Restore' },
  trash_restoreOf: { zh: '恢复“{name}”', en: 'Restore "{name}"' },
  trash_restored: { zh: '已恢复“{name}”到“{where}”', en: 'Restored "{name}" to {where}' },
  trash_restoredStep: { zh: '恢复“{name}”', en: 'restore "{name}"' },
  trash_listFailed: { zh: '无法读取回收站：{detail}', en: 'Cannot read the trash: {detail}' },

  // 已过期 in the package list
  stale_tag: { zh: '已过期', en: 'Out of date' },
  stale_since: { zh: '制作后已修改：{what}', en: 'Changed since it was made: {what}' },
  stale_part: { zh: '{where}（{changes}）', en: '{where} ({changes})' },
  stale_added: { zh: '新增 {n}', en: '{n} added' },
  stale_removed: { zh: '删除 {n}', en: '{n} deleted' },
  stale_changed: { zh: '修改 {n}', en: '{n} changed' },
  stale_replaced: { zh: '替换 {n}', en: '{n} replaced' },
  stale_scans: { zh: '附件', en: 'Scans' },
  stale_unreadable: { zh: '无法与当前档案比较：{detail}', en: 'Cannot be compared with the archive: {detail}' },
  stale_hint: {
    zh: '请重新导出，使申报包与当前档案一致。',
    en: 'Export again for a package that matches the archive.',
  },
} as const satisfies Record<string, Localized>;
