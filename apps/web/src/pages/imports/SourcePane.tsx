import { useEffect, useMemo, useRef } from 'react';
import { type TaskSpan, sourceSegments } from './source-segments';

interface Props {
  text: string;
  spans: readonly TaskSpan[];
  /** The task the office is looking at: its span is drawn strongest and scrolled into view. */
  active: string | null;
  onPick: (number: string) => void;
}

/** The plan's text as uploaded, each task's span highlighted; the active one is scrolled to. */
export function SourcePane({ text, spans, active, onPick }: Props) {
  const segments = useMemo(() => sourceSegments(text, spans), [text, spans]);
  const pane = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!active || !pane.current) {
      return;
    }
    const first = [...pane.current.querySelectorAll<HTMLElement>('[data-tasks]')].find((mark) =>
      (mark.dataset.tasks ?? '').split(' ').includes(active),
    );
    first?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [active]);

  return (
    <div
      ref={pane}
      role="region"
      aria-label="原文"
      tabIndex={0}
      style={{
        whiteSpace: 'pre-wrap',
        lineHeight: 1.9,
        fontSize: 15,
        maxHeight: 'calc(100vh - 220px)',
        overflowY: 'auto',
        padding: '12px 16px',
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
      }}
    >
      {segments.map((segment) => {
        if (segment.numbers.length === 0) {
          return <span key={segment.start}>{segment.text}</span>;
        }
        // The innermost task is the last listed; clicking a run opens that task.
        const own = segment.numbers[segment.numbers.length - 1];
        const isActive = active !== null && segment.numbers.includes(active);
        return (
          <mark
            key={segment.start}
            data-tasks={segment.numbers.join(' ')}
            title={`任务 ${own}`}
            onClick={() => onPick(own)}
            style={{
              cursor: 'pointer',
              padding: 0,
              background: isActive ? '#ffd666' : '#fff1cc',
              borderBottom: isActive ? '2px solid #d48806' : '1px dashed #ffc069',
            }}
          >
            {segment.text}
          </mark>
        );
      })}
    </div>
  );
}
