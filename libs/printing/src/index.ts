export * from './ttf-reader';
export * from './pdf-writer';
export * from './layout';
export * from './html';
export * from './vietnam-time';
export * from './labels';
// A tiny PDF reader for tests (text back through the ToUnicode CMap): pure, no test framework.
export * from './pdf-test-support';
