/**
 * Screen space already taken by labels in one frame. A large network's overview labels its biggest actors; drawn
 * regardless of one another, the labels of a dense cluster printed over each other into an unreadable smudge. Labels
 * are placed in priority order and one that would overlap an earlier one is left out (the actor stays reachable by
 * hover, focus and the keyboard list, which label it).
 */
export class LabelSpace {
  private readonly boxes: number[] = [];

  /** Whether the box is free; if so it is taken. `force` takes it either way (the selected or focused actor). */
  take(x0: number, y0: number, x1: number, y1: number, force = false): boolean {
    if (!force) {
      const b = this.boxes;
      for (let k = 0; k < b.length; k += 4) {
        if (x0 < b[k + 2]! && x1 > b[k]! && y0 < b[k + 3]! && y1 > b[k + 1]!) return false;
      }
    }
    this.boxes.push(x0, y0, x1, y1);
    return true;
  }
}
