export { richTextExtensions, richTextSchema } from './schema.ts';
export { PRESERVED_BLOCK, PRESERVED_INLINE, PRESERVED_MARK, PreservedBlock, PreservedInline, PreservedMark } from './preserved.ts';
