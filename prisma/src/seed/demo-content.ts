// The demo course: a small, self-contained introduction to graph algorithms.

export const DEMO_MILESTONE = 'Graph Algorithms';
/**
 * The demo's people are the accounts the local sign-in issuer seeds (dev/oidc/users.ts), so a
 * newcomer who signs in as the instructor finds the demo path and tickets are theirs.
 */
export const DEMO_PEOPLE = {
  instructor: { username: 'instructor', sub: '0c8f9a52-6a3e-4a43-9d5a-1f0a7c1e0002' },
  learner: { username: 'learner' },
  admin: { username: 'admin' },
} as const;
/** The Cognito user id (sub) of the instructor who owns the demo path. */
export const DEMO_INSTRUCTOR = DEMO_PEOPLE.instructor.sub;

export type DemoConcept = {
  key: string;
  summary: string;
  concept: string;
  difficulty: number;
  description: string;
  needs: string[];
};

export const DEMO_CONCEPTS: DemoConcept[] = [
  {
    key: 'graphs',
    summary: 'Graphs and how to store them',
    concept: 'graph representation',
    difficulty: 1,
    needs: [],
    description: `A '''graph''' is a set of vertices joined by edges. Edges may have a direction and a weight.

Two common ways to keep a graph in memory:
 * an ''adjacency list'': for every vertex, the list of its neighbours (compact for sparse graphs);
 * an ''adjacency matrix'': a V x V table whose cell (u, v) says whether u and v are joined.

'''You should be able to:''' choose a representation for a given graph and explain the memory cost of each.`,
  },
  {
    key: 'bfs',
    summary: 'Breadth-first search',
    concept: 'breadth-first search',
    difficulty: 2,
    needs: ['graphs'],
    description: `Breadth-first search visits vertices in order of their distance (in edges) from a start vertex, using a ''queue''.

{{{
visit(start); queue = [start]
while queue not empty:
    u = queue.pop_front()
    for v in neighbours(u): if not visited(v): visit(v); queue.push_back(v)
}}}

It finds shortest paths in unweighted graphs and runs in O(V + E).`,
  },
  {
    key: 'dfs',
    summary: 'Depth-first search',
    concept: 'depth-first search',
    difficulty: 2,
    needs: ['graphs'],
    description: `Depth-first search follows one branch as far as it goes before backing up, using a ''stack'' (or recursion).

Recording when each vertex is entered and left gives the tools for cycle detection and topological sorting. Runs in O(V + E).`,
  },
  {
    key: 'topo',
    summary: 'Topological sorting',
    concept: 'topological sort',
    difficulty: 3,
    needs: ['dfs'],
    description: `A '''topological order''' of a directed acyclic graph lists every vertex before the vertices it points to.

Two approaches: repeatedly remove vertices with no incoming edges (Kahn's method), or list vertices in reverse order of their DFS finishing times. A cycle makes an order impossible.`,
  },
  {
    key: 'dijkstra',
    summary: "Dijkstra's shortest paths",
    concept: 'shortest paths with non-negative weights',
    difficulty: 4,
    needs: ['bfs'],
    description: `Dijkstra's algorithm generalises BFS to weighted graphs with non-negative edge weights: it always settles the unsettled vertex with the smallest tentative distance, kept in a ''priority queue''.

With a binary heap it runs in O((V + E) log V). Negative weights break it; use Bellman-Ford instead.`,
  },
  {
    key: 'mst',
    summary: 'Minimum spanning trees',
    concept: 'minimum spanning tree',
    difficulty: 4,
    needs: ['graphs', 'bfs'],
    description: `A minimum spanning tree joins all vertices of a connected weighted graph with the least total edge weight.

 * ''Kruskal'': take edges from lightest to heaviest, skipping any that would close a cycle (union-find).
 * ''Prim'': grow one tree, always adding the lightest edge leaving it.`,
  },
];

export type DemoWikiPage = { name: string; text: string; comment: string };

export const DEMO_WIKI_PAGES: DemoWikiPage[] = [
  {
    name: 'WikiStart',
    comment: 'Welcome page',
    text: `= Welcome to LearnTrac =

LearnTrac is a project tracker and a place to learn. Tickets track work; ''concept'' tickets are the steps of a learning path.

== Where to start ==
 * Follow the course [wiki:GraphAlgorithms Introduction to Graph Algorithms].
 * See what is being worked on in [report:1 Active Tickets] or on the [roadmap:].
 * New here? Read [wiki:LearningPaths how learning paths work].

== For instructors ==
Course material is uploaded from the ''Learning'' area; questions generated from it wait for review before learners see them. See [wiki:CourseGuidelines].`,
  },
  {
    name: 'GraphAlgorithms',
    comment: 'Course outline',
    text: `= Introduction to Graph Algorithms =

A short course in six concepts. Each concept is a ticket; a concept opens once its prerequisites are mastered.

||= Concept =||= Builds on =||
|| Graphs and how to store them || - ||
|| Breadth-first search || graphs ||
|| Depth-first search || graphs ||
|| Topological sorting || depth-first search ||
|| Dijkstra's shortest paths || breadth-first search ||
|| Minimum spanning trees || graphs, breadth-first search ||

Milestone: [milestone:"Graph Algorithms"]. All concepts: [query:type=concept&milestone=Graph+Algorithms].`,
  },
  {
    name: 'LearningPaths',
    comment: 'How learning paths work',
    text: `= Learning paths =

A '''learning path''' is an ordered set of concept tickets.

 1. Open the next concept whose prerequisites you have mastered.
 1. Read the material, then answer its questions.
 1. Your answers are graded; once your score reaches the concept's mastery threshold, the concept counts as ''mastered''.
 1. Mastered concepts come back for review at growing intervals, so they stay fresh.

Only you and your instructors can see your answers and progress.`,
  },
  {
    name: 'CourseGuidelines',
    comment: 'Guidelines for instructors',
    text: `= Course guidelines =

 * Keep each concept small enough to master in one sitting.
 * State prerequisites explicitly; the system refuses prerequisite loops.
 * Review generated questions before publishing a path: reject any whose answer is not in the source material.
 * Use ticket comments for discussion, so the history stays with the concept.`,
  },
];

export type DemoTicket = {
  summary: string;
  type: string;
  priority: string;
  component: string;
  description: string;
  reporter: string;
  owner?: string;
  history: { author: string; changes?: Record<string, string>; comment?: string }[];
};

export const DEMO_TICKETS: DemoTicket[] = [
  {
    summary: 'Add a worked example graph to the BFS concept',
    type: 'enhancement',
    priority: 'major',
    component: 'component1',
    reporter: DEMO_PEOPLE.learner.username,
    description:
      'A small graph drawn step by step (queue contents after each visit) would make BFS much easier to follow.',
    history: [
      {
        author: DEMO_PEOPLE.instructor.username,
        changes: { owner: DEMO_PEOPLE.instructor.username, status: 'accepted' },
        comment: 'Good idea, I will draw one.',
      },
      {
        author: DEMO_PEOPLE.learner.username,
        comment: 'Could it include a vertex reached by two different paths?',
      },
    ],
  },
  {
    summary: 'Dijkstra question accepts a negative-weight answer',
    type: 'defect',
    priority: 'critical',
    component: 'component2',
    reporter: DEMO_PEOPLE.admin.username,
    description:
      "One review question about Dijkstra's algorithm marks an answer using a negative edge as correct.",
    history: [
      {
        author: DEMO_PEOPLE.instructor.username,
        changes: { owner: DEMO_PEOPLE.instructor.username, status: 'accepted' },
      },
      {
        author: DEMO_PEOPLE.instructor.username,
        changes: { status: 'closed', resolution: 'fixed' },
        comment: 'Rejected the question in review; it no longer appears.',
      },
    ],
  },
  {
    summary: 'Prepare practice set for minimum spanning trees',
    type: 'task',
    priority: 'minor',
    component: 'component1',
    reporter: DEMO_PEOPLE.instructor.username,
    owner: DEMO_PEOPLE.instructor.username,
    description: 'Three graphs where Kruskal and Prim pick edges in a different order.',
    history: [{ author: DEMO_PEOPLE.instructor.username, changes: { milestone: DEMO_MILESTONE } }],
  },
];
