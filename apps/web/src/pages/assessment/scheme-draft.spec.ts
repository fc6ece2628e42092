import { type AssessmentScheme, formToScheme, schemeToForm } from './scheme-draft';

/** config/assessment/2025.yaml */
const SCHEME_2025: AssessmentScheme = {
  year: 2025,
  method: 'points',
  counts: { onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true },
  points: {
    base: 80,
    cap: 100,
    floor: 0,
    onTime: { lead: 2, support: 1 },
    overdue: { lead: -5, support: -2.5 },
    lateReport: -0.1,
    missedReport: -0.5,
    quality: { appliesTo: ['lead'], ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 } },
  },
};

describe('scheme-draft', () => {
  it('shows penalties as the points deducted', () => {
    expect(schemeToForm(SCHEME_2025)).toMatchObject({
      base: 80,
      onTimeLead: 2,
      overdueLeadDeduction: 5,
      overdueSupportDeduction: 2.5,
      lateReportDeduction: 0.1,
      missedReportDeduction: 0.5,
      qualityAppliesTo: ['lead'],
      poor: -1,
    });
  });

  it('gives back the scheme in force when nothing was changed', () => {
    expect(formToScheme(SCHEME_2025, schemeToForm(SCHEME_2025))).toEqual(SCHEME_2025);
  });

  it('turns edited values into the body: deductions negative, points to the hundredth, roles in order', () => {
    const form = {
      ...schemeToForm(SCHEME_2025),
      base: 85,
      overdueLeadDeduction: 10,
      // A deduction typed with a minus sign is still a deduction.
      lateReportDeduction: -0.3,
      missedReportDeduction: 0,
      onTimeLead: 0.1 + 0.2,
      qualityAppliesTo: ['support', 'lead'] as ('lead' | 'support')[],
      counts: { ...SCHEME_2025.counts, quality: false },
    };
    const scheme = formToScheme(SCHEME_2025, form);
    expect(scheme.points).toMatchObject({
      base: 85,
      overdue: { lead: -10, support: -2.5 },
      lateReport: -0.3,
      missedReport: 0,
      onTime: { lead: 0.3, support: 1 },
      quality: { appliesTo: ['lead', 'support'] },
    });
    expect(Object.is(scheme.points?.missedReport, -0)).toBe(false);
    expect(scheme.counts.quality).toBe(false);
    expect(scheme).not.toHaveProperty('weightedShare');
  });

  it('writes only the weighted-share section for a weighted-share year, factors to 0.0001', () => {
    const shareScheme: AssessmentScheme = {
      year: 2026,
      method: 'weighted-share',
      counts: {
        onTime: true,
        overdue: true,
        lateReport: false,
        missedReport: false,
        quality: false,
      },
      weightedShare: {
        weights: { lead: 1, support: 0.5 },
        lateness: { decayPerCalendarDay: 0.01, creditFloor: 0.5 },
      },
    };
    const form = {
      ...schemeToForm(shareScheme),
      weightSupport: 0.25,
      decayPerCalendarDay: 0.02345,
    };
    expect(formToScheme(shareScheme, form)).toEqual({
      year: 2026,
      method: 'weighted-share',
      counts: shareScheme.counts,
      weightedShare: {
        weights: { lead: 1, support: 0.25 },
        lateness: { decayPerCalendarDay: 0.0235, creditFloor: 0.5 },
      },
    });
  });
});
