import { Checkbox, Col, Form, type FormInstance, InputNumber, Row, Switch } from 'antd';
import type { ReactNode } from 'react';
import type { SchemeForm as SchemeFormValues } from './scheme-draft';

type NumberField = {
  [K in keyof SchemeFormValues]: SchemeFormValues[K] extends number ? K : never;
}[keyof SchemeFormValues];

interface NumberItemProps {
  name: NumberField;
  label: string;
  min: number;
  max: number;
  step?: number;
  precision?: number;
  extra?: ReactNode;
  rules?: Parameters<typeof Form.Item>[0]['rules'];
}

/** Bounds follow the api's scheme schema (libs/scoring): points within ±100, scores 0–1000. */
function NumberItem({
  name,
  label,
  min,
  max,
  step = 0.1,
  precision = 2,
  extra,
  rules = [],
}: NumberItemProps) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        rules={[{ required: true, message: `请填写${label}` }, ...rules]}
      >
        <InputNumber
          min={min}
          max={max}
          step={step}
          precision={precision}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </Col>
  );
}

const COUNT_LABELS: Record<keyof SchemeFormValues['counts'], string> = {
  onTime: '按时办结',
  overdue: '逾期',
  lateReport: '进展迟报',
  missedReport: '进展漏报',
  quality: '办结质量评价',
};

interface SchemeFieldsProps {
  form: FormInstance<SchemeFormValues>;
  method: 'points' | 'weighted-share';
}

/** The scheme's parameters as form fields (the method the year uses; it is not switched here). */
export default function SchemeFields({ form, method }: SchemeFieldsProps) {
  const floorBelowCap = {
    validator: () => {
      const { cap, floor } = form.getFieldsValue(['cap', 'floor']) as SchemeFormValues;
      return cap < floor ? Promise.reject(new Error('最高分不能低于最低分')) : Promise.resolve();
    },
  };
  const baseWithin = {
    validator: () => {
      const values = form.getFieldsValue(['base', 'cap', 'floor']) as SchemeFormValues;
      return values.base < values.floor || values.base > values.cap
        ? Promise.reject(new Error('基础分须在最低分与最高分之间'))
        : Promise.resolve();
    },
  };
  return (
    <>
      <Form.Item label="计入得分的事项">
        <Row gutter={[16, 8]}>
          {(Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[]).map((kind) => (
            <Col key={kind}>
              <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <Form.Item name={['counts', kind]} valuePropName="checked" noStyle>
                  <Switch size="small" aria-label={`计入${COUNT_LABELS[kind]}`} />
                </Form.Item>
                {COUNT_LABELS[kind]}
              </label>
            </Col>
          ))}
        </Row>
      </Form.Item>
      {method === 'points' ? (
        <Row gutter={16}>
          <NumberItem name="base" label="基础分" min={0} max={1000} rules={[baseWithin]} />
          <NumberItem name="cap" label="最高分" min={0} max={1000} rules={[floorBelowCap]} />
          <NumberItem name="floor" label="最低分" min={0} max={1000} />
          <NumberItem name="onTimeLead" label="按时办结加分（牵头）" min={0} max={100} />
          <NumberItem name="onTimeSupport" label="按时办结加分（配合）" min={0} max={100} />
          <Col xs={0} lg={8} />
          <NumberItem name="overdueLeadDeduction" label="逾期扣分（牵头）" min={0} max={100} />
          <NumberItem name="overdueSupportDeduction" label="逾期扣分（配合）" min={0} max={100} />
          <Col xs={0} lg={8} />
          <NumberItem
            name="lateReportDeduction"
            label="每次迟报扣分"
            min={0}
            max={100}
            step={0.05}
          />
          <NumberItem
            name="missedReportDeduction"
            label="每次漏报扣分"
            min={0}
            max={100}
            step={0.05}
          />
          <Col xs={24} lg={8}>
            <Form.Item name="qualityAppliesTo" label="质量评价适用于">
              <Checkbox.Group
                aria-label="质量评价适用于"
                options={[
                  { value: 'lead', label: '牵头单位' },
                  { value: 'support', label: '配合单位' },
                ]}
              />
            </Form.Item>
          </Col>
          <NumberItem name="excellent" label="评价“优”加减分" min={-100} max={100} />
          <NumberItem name="good" label="评价“良”加减分" min={-100} max={100} />
          <NumberItem name="fair" label="评价“中”加减分" min={-100} max={100} />
          <NumberItem name="poor" label="评价“差”加减分" min={-100} max={100} />
        </Row>
      ) : (
        <Row gutter={16}>
          <NumberItem name="weightLead" label="牵头单位权重" min={0} max={100} />
          <NumberItem name="weightSupport" label="配合单位权重" min={0} max={100} />
          <NumberItem
            name="decayPerCalendarDay"
            label="逾期每日折减"
            min={0}
            max={1}
            step={0.001}
            precision={4}
          />
          <NumberItem
            name="creditFloor"
            label="逾期最低得分率"
            min={0}
            max={1}
            step={0.05}
            precision={4}
          />
        </Row>
      )}
    </>
  );
}
