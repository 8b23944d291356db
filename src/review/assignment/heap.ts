/**
 * A binary min-heap of node numbers keyed by an outside array (the tentative distances), with
 * decrease-key: Dijkstra on a part of the assignment holds at most one place per node, so the heap
 * stays as small as the part's node count however many arcs are relaxed.
 */
export class NodeHeap {
  private readonly nodes: Int32Array;
  private readonly places: Int32Array;
  private size = 0;

  constructor(
    nodeCount: number,
    private readonly keys: Float64Array,
  ) {
    this.nodes = new Int32Array(nodeCount);
    this.places = new Int32Array(nodeCount).fill(-1);
  }

  get isEmpty() {
    return this.size === 0;
  }

  clear() {
    for (let i = 0; i < this.size; i++) this.places[this.nodes[i]] = -1;
    this.size = 0;
  }

  /** Adds the node, or moves it up after its key went down. */
  upsert(node: number) {
    let place = this.places[node];
    if (place < 0) {
      place = this.size++;
      this.nodes[place] = node;
      this.places[node] = place;
    }
    this.siftUp(place);
  }

  pop(): number {
    const top = this.nodes[0];
    this.places[top] = -1;
    const last = this.nodes[--this.size];
    if (this.size > 0) {
      this.nodes[0] = last;
      this.places[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(place: number) {
    const node = this.nodes[place];
    const key = this.keys[node];
    while (place > 0) {
      const parentPlace = (place - 1) >> 1;
      const parent = this.nodes[parentPlace];
      if (this.keys[parent] <= key) break;
      this.nodes[place] = parent;
      this.places[parent] = place;
      place = parentPlace;
    }
    this.nodes[place] = node;
    this.places[node] = place;
  }

  private siftDown(place: number) {
    const node = this.nodes[place];
    const key = this.keys[node];
    for (;;) {
      let child = 2 * place + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[this.nodes[child + 1]] < this.keys[this.nodes[child]]) child++;
      const childNode = this.nodes[child];
      if (this.keys[childNode] >= key) break;
      this.nodes[place] = childNode;
      this.places[childNode] = place;
      place = child;
    }
    this.nodes[place] = node;
    this.places[node] = place;
  }
}
