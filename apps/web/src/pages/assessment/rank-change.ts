/** How a department's place moves under the what-if: ↑2 (up two places), ↓1, = or —. */
export interface RankChangeMark {
  text: string;
  /** For screen readers and the table's title: 上升 2 名. */
  label: string;
  direction: 'up' | 'down' | 'same' | 'none';
}

/** `change` is the api's rankChange: places gained (+) or lost (−), null when unranked either side. */
export function rankChangeMark(change: number | null): RankChangeMark {
  if (change === null) {
    return { text: '—', label: '无排名可比', direction: 'none' };
  }
  if (change > 0) {
    return { text: `↑${change}`, label: `上升 ${change} 名`, direction: 'up' };
  }
  if (change < 0) {
    return { text: `↓${-change}`, label: `下降 ${-change} 名`, direction: 'down' };
  }
  return { text: '=', label: '名次不变', direction: 'same' };
}
