declare module 'virtual:alias-index' {
  import type { Entity } from './types.ts';

  const index: Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'contextWords'>[];
  export default index;
}
