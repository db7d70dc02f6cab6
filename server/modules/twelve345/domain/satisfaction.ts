/** 满意度 as the 12345 centre returns it after calling the citizen back. Pure. */
export const SATISFACTION_12345 = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type Satisfaction12345 = (typeof SATISFACTION_12345)[number];
export const SATISFACTION_12345_LABELS: Record<Satisfaction12345, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  unreachable: '未联系上',
};
