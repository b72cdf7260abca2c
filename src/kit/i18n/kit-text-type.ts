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
