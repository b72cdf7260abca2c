/** The progress panel's strings, in English and Simplified Chinese. */
import type { ProgressProblem } from '../../kit/progress/problems.ts';
import type { StorageTrouble } from '../../kit/progress/storage.ts';
import type { Locale } from '../../kit/locale.ts';

/** Every string the progress panel shows or announces. */
export interface ProgressText {
  readonly heading: string;
  readonly note: string;
  /** The summary line: chapters read of all, and exercises solved. */
  readonly summary: (read: number, total: number, solved: number) => string;
  readonly exportLabel: string;
  readonly importLabel: string;
  readonly resetLabel: string;
  readonly resetQuestion: string;
  readonly resetYes: string;
  readonly resetCancel: string;
  /** Screen-reader text after a chapter link that was read. */
  readonly readMark: string;
  /** Visible badge after a chapter link: exercises solved there. */
  readonly solvedBadge: (solved: number) => string;
  /** Screen-reader text for the badge. */
  readonly solvedMark: (solved: number) => string;
  readonly markedRead: string;
  readonly exported: (fileName: string) => string;
  readonly imported: (read: number, solved: number) => string;
  readonly resetDone: string;
  readonly unreadableFile: string;
  /** Why progress cannot be kept in this browser. */
  readonly storage: (trouble: StorageTrouble) => string;
  /** What is wrong with an imported file. */
  readonly problem: (problem: ProgressProblem) => string;
  /** Appended to every import problem. */
  readonly unchanged: string;
}

const kB = (bytes: number): string => `${Math.ceil(bytes / 1024)} kB`;

const en: ProgressText = {
  heading: 'Your progress',
  note: 'Kept in this browser only; nothing is sent anywhere.',
  summary: (read, total, solved) => `${read} of ${total} chapters read · ${solved} ${solved === 1 ? 'exercise' : 'exercises'} solved`,
  exportLabel: 'Export',
  importLabel: 'Import',
  resetLabel: 'Reset',
  resetQuestion: 'Erase all progress in this browser?',
  resetYes: 'Yes, erase',
  resetCancel: 'Cancel',
  readMark: ' (read)',
  solvedBadge: (solved) => `${solved} ex.`,
  solvedMark: (solved) => ` (${solved} ${solved === 1 ? 'exercise' : 'exercises'} solved)`,
  markedRead: 'You reached the end: this chapter is marked as read.',
  exported: (fileName) => `Progress saved to ${fileName}.`,
  imported: (read, solved) => `Progress imported and merged with this browser's: ${read} chapters read, ${solved} exercises solved.`,
  resetDone: 'Progress erased.',
  unreadableFile: 'The file could not be read.',
  storage: (trouble) =>
    trouble === 'full'
      ? "Progress can't be saved: this browser's storage is full. It is kept until you leave this page."
      : "Progress can't be saved in this browser (storage is off or blocked, as in some private modes). It is kept until you leave this page.",
  problem: (problem) => {
    switch (problem.kind) {
      case 'too-large':
        return `This file is too large to be a progress file (${kB(problem.bytes)}; the limit is ${kB(problem.limit)}).`;
      case 'not-json':
        return 'This file is not JSON, so it is not a progress file.';
      case 'not-object':
        return 'This file holds JSON, but not the object a progress file holds.';
      case 'wrong-format':
        return 'This JSON file is not an Unrolled progress file.';
      case 'wrong-version':
        return `This progress file has version ${problem.found}; this site reads version 1.`;
      case 'bad-field':
        return `The field “${problem.field}” in this file is missing, unexpected or of the wrong type.`;
      case 'unknown-chapter':
        return `This file lists “${problem.chapter}”, which is not a chapter of this course.`;
      case 'tampered':
        return "This file was changed after it was exported: its content doesn't match its checksum.";
    }
  },
  unchanged: ' Your progress was not changed.',
};

const zhCN: ProgressText = {
  heading: '学习进度',
  note: '只保存在此浏览器中，不会发送到任何地方。',
  summary: (read, total, solved) => `已读 ${read}/${total} 章 · 已完成 ${solved} 道练习`,
  exportLabel: '导出',
  importLabel: '导入',
  resetLabel: '重置',
  resetQuestion: '要清除此浏览器中的全部进度吗？',
  resetYes: '确认清除',
  resetCancel: '取消',
  readMark: '（已读）',
  solvedBadge: (solved) => `${solved} 题`,
  solvedMark: (solved) => `（已完成 ${solved} 道练习）`,
  markedRead: '你已读到本章末尾：本章已标记为已读。',
  exported: (fileName) => `进度已保存为 ${fileName}。`,
  imported: (read, solved) => `进度已导入，并与此浏览器中的进度合并：已读 ${read} 章，已完成 ${solved} 道练习。`,
  resetDone: '进度已清除。',
  unreadableFile: '无法读取该文件。',
  storage: (trouble) =>
    trouble === 'full'
      ? '无法保存进度：此浏览器的存储空间已满。进度只保留到你离开本页。'
      : '此浏览器无法保存进度（存储被关闭或阻止，某些隐私模式就是这样）。进度只保留到你离开本页。',
  problem: (problem) => {
    switch (problem.kind) {
      case 'too-large':
        return `该文件太大，不可能是进度文件（${kB(problem.bytes)}，上限为 ${kB(problem.limit)}）。`;
      case 'not-json':
        return '该文件不是 JSON，因此不是进度文件。';
      case 'not-object':
        return '该文件是 JSON，但不是进度文件应有的对象。';
      case 'wrong-format':
        return '该 JSON 文件不是 Unrolled 的进度文件。';
      case 'wrong-version':
        return `该进度文件的版本是 ${problem.found}；本网站只能读取版本 1。`;
      case 'bad-field':
        return `该文件中的字段“${problem.field}”缺失、多余或类型错误。`;
      case 'unknown-chapter':
        return `该文件列出了“${problem.chapter}”，但本课程没有这一章。`;
      case 'tampered':
        return '该文件在导出后被修改过：内容与校验和不符。';
    }
  },
  unchanged: '你的进度没有改变。',
};

/** The strings per locale. */
export const PROGRESS_TEXT: Readonly<Record<Locale, ProgressText>> = { en, 'zh-CN': zhCN };
