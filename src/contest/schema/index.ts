export * from './common.ts';
export * from './eligibility.ts';
export * from './works.ts';
export * from './schedule.ts';
export * from './review.ts';
export * from './awards.ts';
export * from './tracks.ts';
export * from './definition.ts';
