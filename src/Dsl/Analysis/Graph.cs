using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Dsl.Analysis;

/// <summary>Small graph algorithms over "node depends on these nodes" lists.</summary>
public static class Graph
{
    /// <summary>A node on a cycle, or null when the dependencies are acyclic. Dependencies outside the list are ignored.</summary>
    public static string? FindCycle(IEnumerable<(string Node, IEnumerable<string> DependsOn)> edges) =>
        TopologicalOrder(edges, out var cyclic) is null ? cyclic : null;

    /// <summary>Nodes ordered so that each comes after what it depends on (stable: ties keep the given order); null if cyclic.</summary>
    public static IReadOnlyList<string>? TopologicalOrder(IEnumerable<(string Node, IEnumerable<string> DependsOn)> edges, out string? cyclicNode)
    {
        var list = edges.ToList();
        var nodes = new HashSet<string>(list.Select(e => e.Node));
        var pending = list.Select(e => (e.Node, DependsOn: e.DependsOn.Where(nodes.Contains).ToList())).ToList();
        var order = new List<string>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(p => p.DependsOn.All(order.Contains));
            if (ready.Node is null)
            {
                cyclicNode = pending[0].Node;
                return null;
            }
            order.Add(ready.Node);
            pending.Remove(ready);
        }
        cyclicNode = null;
        return order;
    }
}
