using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>The model as a directed acyclic graph: an edge parent → child for every condition of a model factor.</summary>
public sealed class ModelGraph
{
    private readonly Dictionary<string, List<string>> _parents = new();
    private readonly Dictionary<string, List<string>> _children = new();

    public ModelGraph(ModelIr model)
    {
        foreach (var variable in model.Variables)
        {
            _parents[variable.Name] = new List<string>();
            _children[variable.Name] = new List<string>();
        }
        foreach (var factor in model.Factors)
        {
            foreach (var parent in factor.Conditions.Where(_parents.ContainsKey))
            {
                if (!_parents.ContainsKey(factor.Target))
                    continue;
                _parents[factor.Target].Add(parent);
                _children[parent].Add(factor.Target);
            }
        }
    }

    public IReadOnlyList<string> Parents(string node) => _parents[node];

    public IReadOnlyList<string> Children(string node) => _children[node];

    /// <summary>
    /// True when every trail from <paramref name="source"/> to a node of <paramref name="targets"/> is blocked by
    /// <paramref name="given"/> (d-separation; reachability as in Koller and Friedman, Algorithm 3.1).
    /// </summary>
    public bool AreDSeparated(string source, IEnumerable<string> targets, IEnumerable<string> given)
    {
        var reachable = ReachableByActiveTrail(source, new HashSet<string>(given));
        return !targets.Any(reachable.Contains);
    }

    private HashSet<string> ReachableByActiveTrail(string source, HashSet<string> given)
    {
        var givenOrAncestorOfGiven = AncestorsOf(given);
        var visited = new HashSet<(string Node, bool Up)>();
        var reachable = new HashSet<string>();
        var pending = new Stack<(string Node, bool Up)>();
        pending.Push((source, true));
        while (pending.Count > 0)
        {
            var (node, up) = pending.Pop();
            if (!visited.Add((node, up)))
                continue;
            if (!given.Contains(node) && node != source)
                reachable.Add(node);
            if (up && !given.Contains(node))
            {
                // Arrived from a child: the trail may continue to parents and to children.
                foreach (var parent in _parents[node]) pending.Push((parent, true));
                foreach (var child in _children[node]) pending.Push((child, false));
            }
            else if (!up)
            {
                // Arrived from a parent: a chain continues down unless observed; a collider opens if it or a descendant is observed.
                if (!given.Contains(node))
                    foreach (var child in _children[node]) pending.Push((child, false));
                if (givenOrAncestorOfGiven.Contains(node))
                    foreach (var parent in _parents[node]) pending.Push((parent, true));
            }
        }
        return reachable;
    }

    private HashSet<string> AncestorsOf(IEnumerable<string> nodes)
    {
        var result = new HashSet<string>();
        var pending = new Stack<string>(nodes);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (result.Add(node))
                foreach (var parent in _parents[node])
                    pending.Push(parent);
        }
        return result;
    }

    /// <summary>Nodes in an order where parents come first; ties keep declaration order.</summary>
    public IReadOnlyList<string> TopologicalOrder() =>
        Graph.TopologicalOrder(_parents.Select(p => (p.Key, (IEnumerable<string>)p.Value)), out _) ?? _parents.Keys.ToList();
}
