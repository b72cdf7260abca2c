/**
 * Every string a reader sees from the notebook kit (src/kit), in English and Simplified Chinese.
 * Both tables have the type `KitText`, so a key missing from either is a type error; a sentence
 * that holds numbers or names is a function of them. Components take a `locale` prop (the MDX
 * wrappers pass `localeOf(Astro.currentLocale)`), so the server already renders the right language.
 */
import type { Locale } from '../locale.ts';

/** The kit's strings for one language. */
export interface KitText {
  // Exercise
  readonly exerciseTitle: string;
  readonly exerciseAnswerLabel: string;
  readonly exerciseCheck: string;
  readonly exerciseFormulaHelp: (names: string) => string;
  readonly exerciseHints: string;
  readonly exerciseShowHint: (shown: number, total: number) => string;
  readonly exerciseShowSolution: string;
  readonly exerciseNoAnswer: string;
  readonly exerciseCorrect: string;
  readonly exerciseNotQuite: string;
  readonly exerciseFormulaMismatch: (at: string, got: string, expected: string) => string;
  readonly exerciseFormulaCorrect: string;
  // ChoiceExercise
  readonly choiceNone: string;
  readonly choiceWrong: string;
  // Number fields (NumberField, Slider)
  readonly numberRange: (min: string, max: string) => string;
  readonly numberEnter: (min: string, max: string) => string;
  readonly numberNotANumber: (text: string, min: string, max: string) => string;
  readonly numberTooLarge: (min: string, max: string) => string;
  readonly numberBelowMin: (value: string, min: string) => string;
  readonly numberAboveMax: (value: string, max: string) => string;
  readonly numberWhole: string;
  readonly numberSteps: (step: string, min: string) => string;
  // Formulas typed by the reader (Exercise, FormulaCell)
  readonly formulaEmpty: string;
  readonly formulaTooLong: (max: number) => string;
  readonly formulaUnreadable: (detail: string) => string;
  readonly formulaAssignment: string;
  readonly formulaPropertyAccess: string;
  readonly formulaOneExpression: string;
  readonly formulaListsRanges: string;
  readonly formulaNodeNotAllowed: (type: string) => string;
  readonly formulaOnlyNumbers: string;
  readonly formulaUnknownFunction: (name: string, known: string) => string;
  readonly formulaUnknownName: (name: string, known: string) => string;
  readonly formulaNamedFunctionsOnly: string;
  readonly formulaNoValue: (name: string) => string;
  readonly formulaNotSingleNumber: string;
  readonly formulaNaN: string;
  readonly formulaInfinite: string;
  readonly formulaHuge: string;
  // FormulaCell
  readonly formulaCellLabel: string;
  readonly formulaCellHelp: (names: string, functions: string) => string;
  readonly formulaCellNoNames: string;
  readonly formulaCellValues: string;
  readonly formulaCellValueRow: string;
  // LiveFormula
  readonly liveFormula: string;
  // CodeBlock / PyTorchCode
  readonly codeCopy: string;
  readonly codeCopied: string;
  readonly codeSelected: string;
  readonly codeCopyFailed: string;
  // Plot
  readonly plotShowTable: string;
  readonly plotShowChart: string;
  readonly plotTable: (label: string) => string;
  readonly plotPause: string;
  readonly plotResume: string;
  // Heatmap
  readonly heatmapHint: string;
  readonly heatmapRow: (n: number) => string;
  readonly heatmapColumn: (n: number) => string;
  readonly heatmapCell: (row: string, column: string, value: string) => string;
  readonly heatmapMarked: (description: string) => string;
  // TextField
  readonly textCount: (length: number, max: number) => string;
  readonly textCut: (max: number) => string;
  // Model loader (onnx)
  readonly modelIdle: (label: string) => string;
  readonly modelDownloading: (label: string) => string;
  readonly modelStarting: (label: string) => string;
  readonly modelReady: (label: string) => string;
  readonly modelError: (label: string) => string;
  readonly modelCancelled: string;
  readonly modelLoad: (label: string) => string;
  readonly modelCancel: string;
  readonly modelRetry: string;
  readonly modelProgress: (loaded: string, total: string, unit: string) => string;
  readonly modelBackendTitle: string;
  readonly modelThreads: (n: number) => string;
  readonly modelIsolated: string;
  readonly modelNotIsolated: string;
  readonly modelWebGpuUnavailable: (reason: string) => string;
  readonly modelSoftwareOnly: (kind: string) => string;
  readonly modelForced: (query: string) => string;
  readonly modelMeasured: (webgpu: string, wasm: string) => string;
  readonly modelMeasuredEarlier: (webgpu: string, wasm: string) => string;
  readonly modelWebGpuLost: (detail: string) => string;
  readonly modelMeasureAgain: string;
  readonly modelCspBlocked: string;
  readonly modelRuntimeDownloadFailed: string;
  readonly modelCouldNotStart: (detail: string) => string;
  // Training worker (trainer)
  readonly trainerStopped: string;
  readonly trainerCrashed: (detail: string) => string;
  readonly trainerCouldNotStart: (detail: string) => string;
  readonly trainerUnreadable: string;
}

/** The kit's English strings. */
export const en: KitText = {
  exerciseTitle: 'Exercise',
  exerciseAnswerLabel: 'Your answer',
  exerciseCheck: 'Check',
  exerciseFormulaHelp: (names) => `Use ${names}, + − * / ^ and parentheses.`,
  exerciseHints: 'Hints',
  exerciseShowHint: (shown, total) => `Show hint ${shown} of ${total}`,
  exerciseShowSolution: 'Show the solution',
  exerciseNoAnswer: 'This exercise has no answer to check against.',
  exerciseCorrect: 'Correct.',
  choiceNone: 'Choose one of the answers first.',
  choiceWrong: 'Not this one.',
  exerciseNotQuite: 'Not quite. Try again, or take a hint.',
  exerciseFormulaMismatch: (at, got, expected) => `Not quite: at ${at} your formula gives ${got}, but the count is ${expected}.`,
  exerciseFormulaCorrect: 'Correct: your formula matches on every size tried.',
  numberRange: (min, max) => `${min} to ${max}`,
  numberEnter: (min, max) => `Enter a number between ${min} and ${max}.`,
  numberNotANumber: (text, min, max) => `“${text}” is not a number. Enter a number between ${min} and ${max}.`,
  numberTooLarge: (min, max) => `That number is too large. Enter a number between ${min} and ${max}.`,
  numberBelowMin: (value, min) => `${value} is below the minimum, ${min}.`,
  numberAboveMax: (value, max) => `${value} is above the maximum, ${max}.`,
  numberWhole: 'Enter a whole number.',
  numberSteps: (step, min) => `Use steps of ${step} from ${min}.`,
  formulaEmpty: 'Type a formula.',
  formulaTooLong: (max) => `The formula is too long (over ${max} characters).`,
  formulaUnreadable: (detail) => `Cannot read the formula: ${detail}`,
  formulaAssignment: 'Assignments (=) are not allowed; write an expression.',
  formulaPropertyAccess: 'Property access and objects are not allowed.',
  formulaOneExpression: 'Write one expression (no ; or line breaks).',
  formulaListsRanges: 'Lists and ranges are not allowed; write one number.',
  formulaNodeNotAllowed: (type) => `${type} is not allowed.`,
  formulaOnlyNumbers: 'Only numbers are allowed as constants.',
  formulaUnknownFunction: (name, known) => `Unknown function “${name}”. Known: ${known}.`,
  formulaUnknownName: (name, known) => `Unknown name “${name}”.${known ? ` Known: ${known}.` : ''}`,
  formulaNamedFunctionsOnly: 'Only named functions can be called.',
  formulaNoValue: (name) => `No value for “${name}”.`,
  formulaNotSingleNumber: 'The formula must give a single number.',
  formulaNaN: 'The result is not a number (NaN), e.g. 0/0 or log of a negative.',
  formulaInfinite: 'The result is infinite, e.g. division by zero or an overflow.',
  formulaHuge: 'The result is too large (over 10^15).',
  formulaCellLabel: 'Your formula',
  formulaCellHelp: (names, functions) => `Names: ${names}. Functions: ${functions}.`,
  formulaCellNoNames: 'none',
  formulaCellValues: 'Values of your formula',
  formulaCellValueRow: 'value',
  liveFormula: 'Live formula',
  codeCopy: 'Copy',
  codeCopied: 'Copied',
  codeSelected: 'Selected: press Ctrl+C (⌘C) to copy',
  codeCopyFailed: 'Could not copy; select the code by hand',
  plotShowTable: 'Show as table',
  plotShowChart: 'Show as chart',
  plotTable: (label) => `${label} (table)`,
  plotPause: 'Pause the chart',
  plotResume: 'Resume the chart',
  heatmapHint: 'Hover over or focus a cell to read its value.',
  heatmapRow: (n) => `row ${n}`,
  heatmapColumn: (n) => `column ${n}`,
  heatmapCell: (row, column, value) => `${row}, ${column}: ${value}`,
  heatmapMarked: (description) => `${description} (marked)`,
  textCount: (length, max) => `${length} of at most ${max} characters`,
  textCut: (max) => `Cut to ${max} characters, the most this field holds.`,
  modelIdle: (label) => `The ${label} loads when you ask for it.`,
  modelDownloading: (label) => `Downloading the ${label}…`,
  modelStarting: (label) => `Starting the ${label} in onnxruntime-web…`,
  modelReady: (label) => `The ${label} is ready.`,
  modelError: (label) => `The ${label} could not load.`,
  modelCancelled: 'Download cancelled.',
  modelLoad: (label) => `Load the ${label}`,
  modelCancel: 'Cancel',
  modelRetry: 'Retry',
  modelProgress: (loaded, total, unit) => `${loaded} of ${total} ${unit}`,
  modelBackendTitle: 'The backend onnxruntime-web runs this model on',
  modelThreads: (n) => `${n} ${n === 1 ? 'thread' : 'threads'}`,
  modelIsolated: 'cross-origin isolated',
  modelNotIsolated: 'not cross-origin isolated',
  modelWebGpuUnavailable: (reason) => `WebGPU unavailable: ${reason}`,
  modelSoftwareOnly: (kind) => `WebGPU available but software-only (${kind}): using WASM`,
  modelForced: (query) => `chosen by ${query}`,
  modelMeasured: (webgpu, wasm) => `measured per step: WebGPU ${webgpu}, WASM ${wasm}; the faster kept`,
  modelMeasuredEarlier: (webgpu, wasm) => `measured earlier on this device, per step: WebGPU ${webgpu}, WASM ${wasm}`,
  modelWebGpuLost: (detail) => `WebGPU failed during the session (${detail}): switched to WASM`,
  modelMeasureAgain: 'Measure again',
  modelCspBlocked:
    "The model cannot run here: this site's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'). The rest of the page works without it.",
  modelRuntimeDownloadFailed: 'The model runtime (onnxruntime-web) could not be downloaded. Check the connection, then Retry.',
  modelCouldNotStart: (detail) => `The model could not start: ${detail}. Reload the page to try again.`,
  trainerStopped: 'The training worker was stopped.',
  trainerCrashed: (detail) => `The training worker crashed${detail ? ` (${detail})` : ''}.`,
  trainerCouldNotStart: (detail) => `The training worker could not start (${detail}).`,
  trainerUnreadable: 'A message from the training worker could not be read.',
};

/** The kit's Simplified Chinese strings. */
export const zhCN: KitText = {
  exerciseTitle: '练习',
  exerciseAnswerLabel: '你的答案',
  exerciseCheck: '检查',
  exerciseFormulaHelp: (names) => `可使用 ${names}、+ − * / ^ 和括号。`,
  exerciseHints: '提示',
  exerciseShowHint: (shown, total) => `显示提示 ${shown}/${total}`,
  exerciseShowSolution: '查看解答',
  exerciseNoAnswer: '这道练习没有可供核对的答案。',
  exerciseCorrect: '正确。',
  choiceNone: '请先选择一个答案。',
  choiceWrong: '不是这个。',
  exerciseNotQuite: '还不对。再试一次，或者看看提示。',
  exerciseFormulaMismatch: (at, got, expected) => `还不对：当 ${at} 时，你的公式得到 ${got}，而正确的数目是 ${expected}。`,
  exerciseFormulaCorrect: '正确：你的公式在所有测试的规模上都与答案一致。',
  numberRange: (min, max) => `${min} 到 ${max}`,
  numberEnter: (min, max) => `请输入 ${min} 到 ${max} 之间的数。`,
  numberNotANumber: (text, min, max) => `“${text}”不是一个数。请输入 ${min} 到 ${max} 之间的数。`,
  numberTooLarge: (min, max) => `这个数太大了。请输入 ${min} 到 ${max} 之间的数。`,
  numberBelowMin: (value, min) => `${value} 小于最小值 ${min}。`,
  numberAboveMax: (value, max) => `${value} 大于最大值 ${max}。`,
  numberWhole: '请输入整数。',
  numberSteps: (step, min) => `请从 ${min} 起以 ${step} 为步长取值。`,
  formulaEmpty: '请输入公式。',
  formulaTooLong: (max) => `公式太长了（超过 ${max} 个字符）。`,
  formulaUnreadable: (detail) => `无法读取公式：${detail}`,
  formulaAssignment: '不允许赋值（=），请写一个表达式。',
  formulaPropertyAccess: '不允许访问属性或使用对象。',
  formulaOneExpression: '只写一个表达式（不要用 ; 或换行）。',
  formulaListsRanges: '不允许使用列表和区间，请写一个数。',
  formulaNodeNotAllowed: (type) => `不允许使用 ${type}。`,
  formulaOnlyNumbers: '常量只能是数字。',
  formulaUnknownFunction: (name, known) => `未知函数“${name}”。可用的函数：${known}。`,
  formulaUnknownName: (name, known) => `未知名称“${name}”。${known ? `可用的名称：${known}。` : ''}`,
  formulaNamedFunctionsOnly: '只能调用有名字的函数。',
  formulaNoValue: (name) => `“${name}”没有取值。`,
  formulaNotSingleNumber: '公式的结果必须是一个数。',
  formulaNaN: '结果不是一个数（NaN），例如 0/0 或对负数取对数。',
  formulaInfinite: '结果为无穷大，例如除以零或数值溢出。',
  formulaHuge: '结果太大了（超过 10^15）。',
  formulaCellLabel: '你的公式',
  formulaCellHelp: (names, functions) => `名称：${names}。函数：${functions}。`,
  formulaCellNoNames: '无',
  formulaCellValues: '你的公式的取值',
  formulaCellValueRow: '值',
  liveFormula: '实时公式',
  codeCopy: '复制',
  codeCopied: '已复制',
  codeSelected: '已选中：按 Ctrl+C（⌘C）复制',
  codeCopyFailed: '无法复制，请手动选中代码',
  plotShowTable: '以表格显示',
  plotShowChart: '以图表显示',
  plotTable: (label) => `${label}（表格）`,
  plotPause: '暂停图表',
  plotResume: '继续更新图表',
  heatmapHint: '将鼠标悬停在单元格上或聚焦单元格，即可读出它的值。',
  heatmapRow: (n) => `第 ${n} 行`,
  heatmapColumn: (n) => `第 ${n} 列`,
  heatmapCell: (row, column, value) => `${row}，${column}：${value}`,
  heatmapMarked: (description) => `${description}（已标出）`,
  textCount: (length, max) => `${length} 个字符，最多 ${max} 个`,
  textCut: (max) => `已截断为 ${max} 个字符，这是此字段的上限。`,
  modelIdle: (label) => `${label}会在你请求时加载。`,
  modelDownloading: (label) => `正在下载${label}…`,
  modelStarting: (label) => `正在 onnxruntime-web 中启动${label}…`,
  modelReady: (label) => `${label}已就绪。`,
  modelError: (label) => `${label}无法加载。`,
  modelCancelled: '下载已取消。',
  modelLoad: (label) => `加载${label}`,
  modelCancel: '取消',
  modelRetry: '重试',
  modelProgress: (loaded, total, unit) => `${loaded} / ${total} ${unit}`,
  modelBackendTitle: 'onnxruntime-web 运行此模型所用的后端',
  modelThreads: (n) => `${n} 个线程`,
  modelIsolated: '已跨源隔离',
  modelNotIsolated: '未跨源隔离',
  modelWebGpuUnavailable: (reason) => `WebGPU 不可用：${reason}`,
  modelSoftwareOnly: (kind) => `WebGPU 可用，但只是软件实现（${kind}）：改用 WASM`,
  modelForced: (query) => `由 ${query} 指定`,
  modelMeasured: (webgpu, wasm) => `每步实测：WebGPU ${webgpu}，WASM ${wasm}；选用较快者`,
  modelMeasuredEarlier: (webgpu, wasm) => `此前在本设备上每步实测：WebGPU ${webgpu}，WASM ${wasm}`,
  modelWebGpuLost: (detail) => `WebGPU 在运行中出错（${detail}）：已改用 WASM`,
  modelMeasureAgain: '重新测量',
  modelCspBlocked:
    "模型无法在这里运行：本站的内容安全策略（Content-Security-Policy）不允许 WebAssembly（script-src 需要 'wasm-unsafe-eval'）。页面的其余部分不受影响。",
  modelRuntimeDownloadFailed: '无法下载模型运行时（onnxruntime-web）。请检查网络连接，然后点击“重试”。',
  modelCouldNotStart: (detail) => `模型无法启动：${detail}。请刷新页面重试。`,
  trainerStopped: '训练进程已停止。',
  trainerCrashed: (detail) => `训练进程崩溃了${detail ? `（${detail}）` : ''}。`,
  trainerCouldNotStart: (detail) => `训练进程无法启动（${detail}）。`,
  trainerUnreadable: '无法读取训练进程发来的消息。',
};

/** The kit's strings per locale. */
export const KIT_TEXT: Readonly<Record<Locale, KitText>> = { en, 'zh-CN': zhCN };

/** The kit's strings for `locale` (English when absent). */
export function kitText(locale: Locale = 'en'): KitText {
  return KIT_TEXT[locale] ?? en;
}
