using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// allOf / anyOf / oneOf against each other: the keyword change, the branch count, and a pairing of
    /// old branches with new ones. Branches are paired by a maximum bipartite matching over the pairs that
    /// are compatible; if it cannot cover the smaller side, some branch has no compatible counterpart.
    /// </summary>
    internal static class JsonCombinedDiff
    {
        public static void Compare(JsonDiffContext context, CombinedSchemaNode original, CombinedSchemaNode update)
        {
            if (!CompareCriteria(context, original, update)) return;

            List<JsonSchemaNode> originals = Distinct(original.Subschemas);
            List<JsonSchemaNode> updates = Distinct(update.Subschemas);
            if (originals.Count < updates.Count)
                context.AddHere(update.IsSum ? JsonDifferenceType.SumTypeExtended : JsonDifferenceType.ProductTypeExtended);
            else if (originals.Count > updates.Count)
                context.AddHere(original.IsSum ? JsonDifferenceType.SumTypeNarrowed : JsonDifferenceType.ProductTypeNarrowed);

            // edges[i] lists (j, differences) for every new branch j that can read what old branch i accepted.
            var edges = new List<(int Update, List<RawDifference> Differences)>[originals.Count];
            for (int i = 0; i < originals.Count; i++)
            {
                edges[i] = new List<(int, List<RawDifference>)>();
                using (context.Enter(original.Criterion + "/" + i))
                {
                    for (int j = 0; j < updates.Count; j++)
                    {
                        if (context.Stopped) return;
                        JsonDiffContext trial = context.Trial();
                        JsonSchemaDiff.Compare(trial, originals[i], updates[j]);
                        if (trial.IsCompatible) edges[i].Add((j, trial.Differences));
                    }
                }
            }

            int[] matchOfUpdate = BipartiteMatching.Maximum(originals.Count, updates.Count, i => edges[i].Select(e => e.Update));
            int matched = 0;
            for (int j = 0; j < updates.Count; j++)
            {
                int i = matchOfUpdate[j];
                if (i < 0) continue;
                matched++;
                context.AddRange(edges[i].First(e => e.Update == j).Differences);
            }
            if (matched < System.Math.Min(originals.Count, updates.Count))
                context.AddHere(JsonDifferenceType.CombinedTypeSubschemasChanged);
        }

        /// <summary>Reports a change of keyword; false when the change is so strict that branches are not worth pairing.</summary>
        private static bool CompareCriteria(JsonDiffContext context, CombinedSchemaNode original, CombinedSchemaNode update)
        {
            if (original.Criterion == update.Criterion) return true;
            bool originalSingle = original.Subschemas.Count == 1;
            bool updateSingle = update.Subschemas.Count == 1;
            bool relaxed = update.Criterion == CombinedSchemaNode.AnyOf
                || (originalSingle && updateSingle)
                || (originalSingle && update.Criterion == CombinedSchemaNode.OneOf)
                || (updateSingle && original.Criterion == CombinedSchemaNode.AllOf);
            context.AddHere(relaxed ? JsonDifferenceType.CombinedTypeExtended : JsonDifferenceType.CombinedTypeChanged);
            return relaxed;
        }

        /// <summary>Drops branches that repeat an earlier one exactly (the registry compares branch sets).</summary>
        private static List<JsonSchemaNode> Distinct(List<JsonSchemaNode> branches)
        {
            if (branches.Count < 2) return branches;
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            var result = new List<JsonSchemaNode>(branches.Count);
            foreach (JsonSchemaNode branch in branches)
                if (seen.Add(branch.StructuralKey)) result.Add(branch);
            return result;
        }
    }

    /// <summary>Maximum cardinality matching in a bipartite graph (augmenting paths, Hopcroft–Karp style phases).</summary>
    internal static class BipartiteMatching
    {
        /// <summary>Returns, for each right vertex, the left vertex matched to it, or -1.</summary>
        public static int[] Maximum(int leftCount, int rightCount, System.Func<int, IEnumerable<int>> neighbours)
        {
            var adjacency = new int[leftCount][];
            for (int i = 0; i < leftCount; i++) adjacency[i] = neighbours(i).ToArray();
            var matchOfRight = Enumerable.Repeat(-1, rightCount).ToArray();
            var matchOfLeft = Enumerable.Repeat(-1, leftCount).ToArray();

            // Greedy start: most pairings are obvious, so few augmenting searches remain.
            for (int i = 0; i < leftCount; i++)
            {
                foreach (int j in adjacency[i])
                {
                    if (matchOfRight[j] < 0)
                    {
                        matchOfRight[j] = i;
                        matchOfLeft[i] = j;
                        break;
                    }
                }
            }
            var visited = new int[rightCount];
            int stamp = 0;
            for (int i = 0; i < leftCount; i++)
            {
                if (matchOfLeft[i] >= 0) continue;
                stamp++;
                Augment(i, adjacency, matchOfRight, matchOfLeft, visited, stamp);
            }
            return matchOfRight;
        }

        /// <summary>Searches an augmenting path from a free left vertex, iteratively so deep graphs cannot exhaust the stack.</summary>
        private static bool Augment(int start, int[][] adjacency, int[] matchOfRight, int[] matchOfLeft, int[] visited, int stamp)
        {
            var stack = new Stack<(int Left, int Next)>();
            var parentRight = new Dictionary<int, int>();
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                (int left, int next) = stack.Pop();
                int[] row = adjacency[left];
                for (int k = next; k < row.Length; k++)
                {
                    int j = row[k];
                    if (visited[j] == stamp) continue;
                    visited[j] = stamp;
                    if (matchOfRight[j] < 0)
                    {
                        // Flip the path back to the start.
                        int right = j;
                        int l = left;
                        while (true)
                        {
                            int previousRight = matchOfLeft[l];
                            matchOfRight[right] = l;
                            matchOfLeft[l] = right;
                            if (l == start) return true;
                            right = previousRight;
                            l = parentRight[previousRight];
                        }
                    }
                    stack.Push((left, k + 1));
                    int owner = matchOfRight[j];
                    parentRight[j] = left;
                    stack.Push((owner, 0));
                    break;
                }
            }
            return false;
        }
    }
}
