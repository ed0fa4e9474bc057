// class-transformer ships its metadata storage as cjs/storage.js but types it under types/storage.d.ts.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
