import type { components } from '../../api/schema';

export type AssessmentScheme = components['schemas']['AssessmentSchemeDto'];
type Counts = AssessmentScheme['counts'];
type Role = 'lead' | 'support';

/**
 * The what-if form's values: one field per parameter a clerk may change. Penalties are typed as
 * the points deducted (逾期扣 5 分 → 5), the way the office speaks of them; the scheme writes them
 * as negative numbers, and this module turns one into the other.
 */
export interface SchemeForm {
  counts: Counts;
  base: number;
  cap: number;
  floor: number;
  onTimeLead: number;
  onTimeSupport: number;
  overdueLeadDeduction: number;
  overdueSupportDeduction: number;
  lateReportDeduction: number;
  missedReportDeduction: number;
  qualityAppliesTo: Role[];
  excellent: number;
  good: number;
  fair: number;
  poor: number;
  weightLead: number;
  weightSupport: number;
  decayPerCalendarDay: number;
  creditFloor: number;
}

/** The scheme's own defaults for a section the scheme does not use (weighted share or points). */
const POINTS_DEFAULTS = {
  base: 80,
  cap: 100,
  floor: 0,
  onTime: { lead: 2, support: 1 },
  overdue: { lead: -5, support: -2.5 },
  lateReport: -0.1,
  missedReport: -0.5,
  quality: {
    appliesTo: ['lead' as Role],
    ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 },
  },
};
const SHARE_DEFAULTS = {
  weights: { lead: 1, support: 0.5 },
  lateness: { decayPerCalendarDay: 0.01, creditFloor: 0.5 },
};

/** Points exact to the hundredth (share factors to the ten-thousandth), as the api requires. */
function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // `+ 0` turns −0 (a deduction of 0) into 0, which the api and a reader both expect.
  return Math.round(value * scale) / scale + 0;
}

const points = (value: number) => round(value, 2);
const deduction = (value: number) => points(-Math.abs(value));

/** The form's starting values: the scheme in force. */
export function schemeToForm(scheme: AssessmentScheme): SchemeForm {
  const p = scheme.points ?? POINTS_DEFAULTS;
  const w = scheme.weightedShare ?? SHARE_DEFAULTS;
  return {
    counts: { ...scheme.counts },
    base: p.base,
    cap: p.cap,
    floor: p.floor,
    onTimeLead: p.onTime.lead,
    onTimeSupport: p.onTime.support,
    overdueLeadDeduction: points(-p.overdue.lead),
    overdueSupportDeduction: points(-p.overdue.support),
    lateReportDeduction: points(-p.lateReport),
    missedReportDeduction: points(-p.missedReport),
    qualityAppliesTo: [...p.quality.appliesTo],
    excellent: p.quality.ratings.excellent,
    good: p.quality.ratings.good,
    fair: p.quality.ratings.fair,
    poor: p.quality.ratings.poor,
    weightLead: w.weights.lead,
    weightSupport: w.weights.support,
    decayPerCalendarDay: w.lateness.decayPerCalendarDay,
    creditFloor: w.lateness.creditFloor,
  };
}

/**
 * The what-if request's body: the scheme in force with the form's values, in the method the
 * year uses (the api refuses a section the method does not have).
 */
export function formToScheme(inForce: AssessmentScheme, form: SchemeForm): AssessmentScheme {
  const common = { year: inForce.year, method: inForce.method, counts: { ...form.counts } };
  if (inForce.method === 'weighted-share') {
    return {
      ...common,
      weightedShare: {
        weights: { lead: points(form.weightLead), support: points(form.weightSupport) },
        lateness: {
          decayPerCalendarDay: round(form.decayPerCalendarDay, 4),
          creditFloor: round(form.creditFloor, 4),
        },
      },
    };
  }
  return {
    ...common,
    points: {
      base: points(form.base),
      cap: points(form.cap),
      floor: points(form.floor),
      onTime: { lead: points(form.onTimeLead), support: points(form.onTimeSupport) },
      overdue: {
        lead: deduction(form.overdueLeadDeduction),
        support: deduction(form.overdueSupportDeduction),
      },
      lateReport: deduction(form.lateReportDeduction),
      missedReport: deduction(form.missedReportDeduction),
      quality: {
        // In the scheme's order, once each, whatever order the boxes were ticked in.
        appliesTo: (['lead', 'support'] as const).filter((role) =>
          form.qualityAppliesTo.includes(role),
        ),
        ratings: {
          excellent: points(form.excellent),
          good: points(form.good),
          fair: points(form.fair),
          poor: points(form.poor),
        },
      },
    },
  };
}
