using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Analysis;

/// <summary>Who is drawn from whom in a guide: the closure of its factors' conditions, in either direction.</summary>
public static class GuideDependencies
{
    /// <summary>
    /// The variables the guide draws from <paramref name="variable"/>, directly or through others; an observed
    /// variable is not drawn, so nothing is reached through it.
    /// </summary>
    public static ISet<string> Descendants(GuideIr guide, string variable, ISet<string>? observed = null)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>();
        pending.Push(variable);
        while (pending.Count > 0)
        {
            var parent = pending.Pop();
            foreach (var child in guide.Factors.Where(f => f.DependsOn(parent)).Select(f => f.Target))
                if (observed?.Contains(child) != true && found.Add(child))
                    pending.Push(child);
        }
        return found;
    }

    /// <summary>
    /// The variables among <paramref name="conditions"/> that <paramref name="isDrawn"/> accepts, and, through
    /// their own guide factors, every such variable they are drawn from: what must be drawn before a factor with
    /// those conditions.
    /// </summary>
    public static ISet<string> Ancestors(GuideIr guide, IEnumerable<string> conditions, Func<string, bool> isDrawn)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>(conditions);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!isDrawn(name) || !found.Add(name))
                continue;
            foreach (var condition in guide.FactorFor(name)?.Conditions ?? EquatableArray<string>.Empty)
                pending.Push(condition);
        }
        return found;
    }
}
