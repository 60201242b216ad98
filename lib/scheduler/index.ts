export * from './card';
export * from './day';
export * from './fsrs';
export * from './interval';
export * from './queue';
