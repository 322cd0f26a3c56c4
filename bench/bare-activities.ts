export const bareActivities = {
  async step(_i: number): Promise<void> {},
};
export type BareActivities = typeof bareActivities;
