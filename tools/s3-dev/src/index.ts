// The local S3-compatible object store for development and tests (never deployed).
export { startLocalS3, type LocalS3, type LocalS3Options } from './local-s3';
