// The scorer of tests/tools/score-ledger.mjs as a function, for jest: same normalization, same
// figures. A test runs both on a seed to prove they agree.

export interface ScoredTask {
  number: string;
  lead?: string[];
  support?: string[];
  deadline?: string | { phrase?: string } | null;
}

export interface LedgerScore {
  tasksFound: number;
  tasksTotal: number;
  precision: number;
  recall: number;
  f1: number;
  deadlineHits: number;
  deadlineTotal: number;
  taskRecall: number;
  deadlineRate: number;
  missed: string[];
  extra: string[];
  /** The line score-ledger.mjs prints. */
  line: string;
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')')
    .replace(/[、,，.。:：;；]+$/g, '');

const normNumber = (s: string): string =>
  norm(s)
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => part.replace(/[、.．]$/, ''))
    .join('.');

const phraseOf = (d: ScoredTask['deadline']): string | null | undefined =>
  typeof d === 'object' && d !== null ? d.phrase : d;

const triples = (tasks: ScoredTask[]): Set<string> =>
  new Set(
    tasks.flatMap((t) => {
      const n = normNumber(t.number);
      return [
        ...(t.lead ?? []).map((d) => `${n}|lead|${norm(d)}`),
        ...(t.support ?? []).map((d) => `${n}|support|${norm(d)}`),
      ];
    }),
  );

export function scoreLedger(
  truth: { tasks?: ScoredTask[] },
  parsed: { tasks?: ScoredTask[] },
): LedgerScore {
  const truthTasks = truth.tasks ?? [];
  const parsedTasks = parsed.tasks ?? [];
  const byNumber = new Map(parsedTasks.map((t) => [normNumber(t.number), t]));
  const truthTriples = triples(truthTasks);
  const parsedTriples = triples(parsedTasks);
  const hit = [...parsedTriples].filter((x) => truthTriples.has(x)).length;
  const precision = parsedTriples.size ? hit / parsedTriples.size : truthTriples.size ? 0 : 1;
  const recall = truthTriples.size ? hit / truthTriples.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const found = truthTasks.filter((t) => byNumber.has(normNumber(t.number))).length;
  const withDeadline = truthTasks.filter((t) => t.deadline);
  const deadlineHits = withDeadline.filter((t) => {
    const p = byNumber.get(normNumber(t.number));
    const got = norm(phraseOf(p?.deadline));
    const want = norm(phraseOf(t.deadline));
    return Boolean(got) && (got.includes(want) || want.includes(got));
  }).length;
  const r = (x: number): string => x.toFixed(3);
  return {
    tasksFound: found,
    tasksTotal: truthTasks.length,
    precision,
    recall,
    f1,
    deadlineHits,
    deadlineTotal: withDeadline.length,
    taskRecall: truthTasks.length ? found / truthTasks.length : 1,
    deadlineRate: withDeadline.length ? deadlineHits / withDeadline.length : 1,
    missed: [...truthTriples].filter((x) => !parsedTriples.has(x)),
    extra: [...parsedTriples].filter((x) => !truthTriples.has(x)),
    line:
      `tasks ${found}/${truthTasks.length} assignments P=${r(precision)} R=${r(recall)} F1=${r(f1)} ` +
      `deadlines ${deadlineHits}/${withDeadline.length}`,
  };
}
