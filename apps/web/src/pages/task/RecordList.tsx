import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';

interface RecordListProps<T> {
  items: readonly T[] | undefined;
  /** Shown when there is nothing (and nothing loading). */
  empty: string;
  itemKey: (item: T) => string;
  render: (item: T) => ReactNode;
  /** A line between items (records); none for cards that carry their own border. */
  divided?: boolean;
}

/**
 * A plain list of records (antd's List is deprecated in antd 6 and warns in the console): one
 * <li> per item, a spinner while `items` is undefined, a sentence when it is empty.
 */
export function RecordList<T>({
  items,
  empty,
  itemKey,
  render,
  divided = true,
}: RecordListProps<T>) {
  if (!items) {
    return <Spin aria-label="加载中" />;
  }
  if (items.length === 0) {
    return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, index) => (
        <li
          key={itemKey(item)}
          style={{
            padding: divided ? '10px 0' : '6px 0',
            borderTop: divided && index > 0 ? '1px solid #f0f0f0' : undefined,
          }}
        >
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
