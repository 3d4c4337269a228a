declare module 'virtual:alias-index' {
  import type { Entity } from './types.ts';

  const index: Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'contextWords'>[];
  export default index;
}

declare module 'virtual:pattern-table' {
  import type { SerializedAutomaton } from '../matcher/serialize-automaton.ts';
  import type { SerializedPatternTable } from '../matcher/serialize-pattern-table.ts';

  const shipped: { table: SerializedPatternTable; automaton: SerializedAutomaton };
  export default shipped;
}
