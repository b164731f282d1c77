export * from './common';
export * from './lead';
export * from './content';
export * from './record';
export * from './feedback';
export * from './brief';
export * from './glance';
export * from './custom-site';
