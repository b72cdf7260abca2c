/** The offline panel's strings, in English and Chinese. */
import type { Locale } from '../../kit/locale.ts';

/** Every string the offline panel shows. */
export interface OfflineText {
  readonly title: string;
  readonly checking: string;
  readonly pageAvailable: string;
  readonly pageNotYet: string;
  readonly pageStoring: string;
  readonly insecure: string;
  readonly unsupported: string;
  /** The browser refused to start the service worker (a policy, a blocked registration). */
  readonly refused: string;
  readonly development: string;
  readonly button: string;
  readonly progressLabel: string;
  readonly starting: string;
  readonly progress: (files: number, totalFiles: number, megabytes: string, totalMegabytes: string) => string;
  readonly done: (files: number, megabytes: string) => string;
  readonly failed: (failures: number, firstUrl: string) => string;
  readonly noController: string;
}

/** The strings by locale. */
export const OFFLINE_TEXT: Readonly<Record<Locale, OfflineText>> = {
  en: {
    title: 'Offline',
    checking: 'Checking whether this page is available offline…',
    pageAvailable: 'This page is available offline.',
    pageNotYet: 'This page is not stored for offline reading yet.',
    pageStoring: 'Storing this page for offline reading…',
    insecure:
      'Offline reading is unavailable here: it needs a secure connection (HTTPS, or localhost). The course works online as usual.',
    unsupported: 'Offline reading is unavailable: this browser has no service workers. The course works online as usual.',
    refused: 'Offline reading is unavailable: the browser did not start the offline worker (a browser setting or policy may block it). The course works online as usual.',
    development: 'Offline reading works in the built site only, not in the development server.',
    button: 'Make the whole course available offline',
    progressLabel: 'Storing the course for offline reading',
    starting: 'Reading the list of course files…',
    progress: (files, totalFiles, megabytes, totalMegabytes) =>
      `Stored ${files} of ${totalFiles} files (${megabytes} of ${totalMegabytes} MB)…`,
    done: (files, megabytes) => `The whole course is available offline: ${files} files, ${megabytes} MB.`,
    failed: (failures, firstUrl) =>
      `${failures} file(s) could not be stored, for example ${firstUrl}. Check the connection and try again.`,
    noController: 'The offline worker is not active on this page yet. Reload the page and try again.',
  },
  'zh-CN': {
    title: '离线阅读',
    checking: '正在检查本页能否离线阅读……',
    pageAvailable: '本页已可离线阅读。',
    pageNotYet: '本页尚未保存，暂时不能离线阅读。',
    pageStoring: '正在保存本页，以便离线阅读……',
    insecure: '此处无法离线阅读：离线功能需要安全连接（HTTPS 或 localhost）。在线阅读不受影响。',
    unsupported: '无法离线阅读：此浏览器不支持 Service Worker。在线阅读不受影响。',
    refused: '无法离线阅读：浏览器没有启动离线所需的 Service Worker（可能被浏览器设置或策略阻止）。在线阅读不受影响。',
    development: '离线阅读只在构建后的网站中可用，开发服务器中不可用。',
    button: '让整个课程可以离线阅读',
    progressLabel: '正在保存课程，以便离线阅读',
    starting: '正在读取课程文件列表……',
    progress: (files, totalFiles, megabytes, totalMegabytes) =>
      `已保存 ${files} / ${totalFiles} 个文件（${megabytes} / ${totalMegabytes} MB）……`,
    done: (files, megabytes) => `整个课程已可离线阅读：共 ${files} 个文件，${megabytes} MB。`,
    failed: (failures, firstUrl) => `有 ${failures} 个文件未能保存（例如 ${firstUrl}）。请检查网络连接后重试。`,
    noController: '离线服务尚未在本页生效。请刷新页面后重试。',
  },
};
