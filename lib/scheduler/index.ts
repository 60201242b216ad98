export * from './card';
export * from './day';
export * from './time-zone-schema';
export * from './fsrs';
export * from './interval';
export * from './queue';
