import { Button, Checkbox, Select, Space } from 'antd';
import { useState } from 'react';
import type { DraftDepartment } from './import-draft.types';

export interface DepartmentOption {
  id: string;
  name: string;
}

interface Props {
  mapping: DraftDepartment;
  departments: readonly DepartmentOption[];
  busy: boolean;
  onConfirm: (departmentId: string, remember: boolean) => void;
}

/**
 * Maps one name written in the plan to a department: the resolver's suggestions come first,
 * then the whole directory (searchable). 记住为别名 makes the spelling an alias on commit, so the
 * next plan that writes it resolves by itself.
 */
export function DepartmentPicker({ mapping, departments, busy, onConfirm }: Props) {
  const suggested = mapping.suggestions.map((s) => s.id);
  const [choice, setChoice] = useState<string | undefined>(suggested[0]);
  const [remember, setRemember] = useState(true);
  const label = `为“${mapping.written}”选择部门`;
  const options = [
    {
      label: '建议',
      title: '建议',
      options: mapping.suggestions.map((s) => ({ value: s.id, label: s.name })),
    },
    {
      label: '全部部门',
      title: '全部部门',
      options: departments
        .filter((d) => !suggested.includes(d.id))
        .map((d) => ({ value: d.id, label: d.name })),
    },
  ].filter((group) => group.options.length > 0);
  return (
    <Space wrap>
      <Select
        aria-label={label}
        placeholder={label}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 240 }}
        value={choice}
        onChange={setChoice}
        options={options}
      />
      <Checkbox checked={remember} onChange={(event) => setRemember(event.target.checked)}>
        记住为别名
      </Checkbox>
      <Button
        type="primary"
        disabled={!choice}
        loading={busy}
        onClick={() => choice && onConfirm(choice, remember)}
        aria-label={`确认“${mapping.written}”对应的部门`}
      >
        确定
      </Button>
    </Space>
  );
}
