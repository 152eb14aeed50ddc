// Panes keep their places by container name: a container removed and created again under the
// same name (a lesson's re-create, a redeploy) takes its predecessor's place instead of moving
// to the end; a name never seen before goes last.

export class PaneOrder {
  private readonly ranks = new Map<string, number>();

  /** The containers in pane order (the engine's order, creation time, for new names). */
  place<T extends { name: string }>(containers: readonly T[]): T[] {
    for (const c of containers)
      if (!this.ranks.has(c.name)) this.ranks.set(c.name, this.ranks.size);
    return [...containers].sort((a, b) => this.ranks.get(a.name)! - this.ranks.get(b.name)!);
  }
}
